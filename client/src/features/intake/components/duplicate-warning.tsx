import { CLOSED_STATES, IsoDateSchema, type CaseState, type MinorSearchCandidate } from '@app/contracts';
import { Alert, Anchor, Badge, Box, Button, Group, List, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatCalendarDate, formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { intakeQueries, type MinorSearchInput } from '../api/intake-api';

export const DUPLICATE_SEARCH_DELAY_MS = 400;
const CANDIDATE_LIMIT = 5;

type PersonFacts = { firstName: string; lastName: string; dateOfBirth: string; dobIsDefaultJan1: boolean };

// The search starts once both names are there; a valid date of birth sharpens it.
const searchInput = ({ firstName, lastName, dateOfBirth, dobIsDefaultJan1 }: PersonFacts): MinorSearchInput | undefined => {
  const first = firstName.trim();
  const last = lastName.trim();
  if (!first || !last) return undefined;
  const dob = IsoDateSchema.safeParse(dateOfBirth).success ? dateOfBirth : undefined;
  return {
    name: `${first} ${last}`,
    ...(dob ? { dateOfBirth: dob } : {}),
    ...(dob && dobIsDefaultJan1 ? { dobIsDefaultJan1: true } : {}),
    limit: CANDIDATE_LIMIT,
  };
};

const isOpen = (state: CaseState): boolean => !(CLOSED_STATES as readonly CaseState[]).includes(state);

const Candidate = ({ candidate, onUseExisting }: { candidate: MinorSearchCandidate; onUseExisting: (candidate: MinorSearchCandidate) => void }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const openCase = candidate.cases.find((item) => isOpen(item.state));
  return (
    <Paper withBorder p="sm" component="li" data-testid="duplicate-candidate">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>
            {candidate.firstName} {candidate.lastName}
          </Text>
          <Badge variant="light" color="yellow" tt="none" radius="sm" style={{ flexShrink: 0 }}>
            {t('intake.duplicates.score', { percent: Math.round(candidate.score * 100) })}
          </Badge>
        </Group>
        <Text size="sm">
          {candidate.dateOfBirth
            ? t('intake.duplicates.born', { date: formatCalendarDate(candidate.dateOfBirth, locale) })
            : t('intake.duplicates.bornUnknown')}
          {candidate.dateOfBirth && candidate.dobIsDefaultJan1 ? ` ${t('intake.duplicates.defaultJan1')}` : ''}
          {' · '}
          {formatCountry(candidate.nationality, locale)}
        </Text>
        <Box>
          <Text size="sm" c="dimmed">
            {t('intake.duplicates.why')}
          </Text>
          <List size="sm">
            {candidate.reasons.map((reason) => (
              <List.Item key={reason.code}>
                {t(`intake.duplicates.reasons.${reason.code}`, {
                  percent: reason.value === undefined ? '' : Math.round(reason.value * 100),
                })}
              </List.Item>
            ))}
          </List>
        </Box>
        {candidate.cases.length > 0 && (
          <Box>
            <Text size="sm" c="dimmed">
              {t('intake.duplicates.cases')}
            </Text>
            <List size="sm">
              {candidate.cases.map((item) => (
                <List.Item key={item.id}>
                  <Anchor component={Link} to={paths.caseDetail(item.id)} target="_blank" rel="noopener">
                    {item.caseNumber}
                    <VisuallyHidden> {t('intake.duplicates.newTab')}</VisuallyHidden>
                  </Anchor>{' '}
                  — {t(`states.${item.state}`)}
                </List.Item>
              ))}
            </List>
          </Box>
        )}
        {candidate.otherCases > 0 && (
          <Text size="sm" c="dimmed">
            {t('intake.duplicates.otherCases', { count: candidate.otherCases })}
          </Text>
        )}
        {openCase ? (
          <Text size="sm">{t('intake.duplicates.hasOpenCase', { caseNumber: openCase.caseNumber })}</Text>
        ) : (
          <div>
            <Button size="xs" variant="light" onClick={() => onUseExisting(candidate)} data-testid="use-existing-minor">
              {t('intake.duplicates.useExisting')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
};

type DuplicateWarningProps = PersonFacts & { onUseExisting: (candidate: MinorSearchCandidate) => void };

// Likely duplicates of the person being registered, across spellings and aliases, checked while
// the names are typed. It warns; the user decides.
export const DuplicateWarning = ({ onUseExisting, ...person }: DuplicateWarningProps) => {
  const { t } = useTranslation();
  const input = searchInput(person);
  const key = input ? JSON.stringify(input) : '';
  const [debouncedKey] = useDebouncedValue(key, DUPLICATE_SEARCH_DELAY_MS);
  const settled = debouncedKey === key ? input : undefined;
  const query = useQuery(intakeQueries.duplicates(debouncedKey ? (JSON.parse(debouncedKey) as MinorSearchInput) : undefined));
  const [dismissed, setDismissed] = useState<string | null>(null);

  let content: React.ReactNode = null;
  if (input && settled && !query.isPlaceholderData) {
    if (query.isError) {
      content = <Text size="sm" c="dimmed">{t('intake.duplicates.failed')}</Text>;
    } else if (query.data && query.data.candidates.length === 0) {
      content = <Text size="sm" c="dimmed">{t('intake.duplicates.none')}</Text>;
    } else if (query.data && dismissed === key) {
      content = (
        <Group gap="xs">
          <Text size="sm">{t('intake.duplicates.dismissed')}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setDismissed(null)}>
            {t('intake.duplicates.showAgain')}
          </Button>
        </Group>
      );
    } else if (query.data) {
      content = (
        <Alert color="yellow" title={t('intake.duplicates.title')} data-testid="duplicate-warning">
          <Stack gap="sm">
            <Text size="sm">{t('intake.duplicates.intro', { count: query.data.candidates.length })}</Text>
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {query.data.candidates.map((candidate) => (
                <Candidate key={candidate.minorId} candidate={candidate} onUseExisting={onUseExisting} />
              ))}
            </Stack>
            <div>
              <Button size="xs" variant="default" onClick={() => setDismissed(key)} data-testid="duplicate-dismiss">
                {t('intake.duplicates.continueAsNew')}
              </Button>
            </div>
          </Stack>
        </Alert>
      );
    } else {
      content = <Text size="sm" c="dimmed">{t('intake.duplicates.searching')}</Text>;
    }
  } else if (input) {
    content = <Text size="sm" c="dimmed">{t('intake.duplicates.searching')}</Text>;
  }

  // A polite live region: the result is announced without taking the focus from the field.
  return (
    <Box aria-live="polite" aria-atomic="false">
      {content}
    </Box>
  );
};
