import type { ContactAttempt, FamilyConsent, TracingRequestDetail } from '@app/contracts';
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/query-state';
import { useLocale } from '@/lib/i18n';
import { formatDateTime, formatLanguage } from '../utils/tracing-format';

type Names = ReadonlyMap<string, string>;

const memberLabel = (names: Names, id: string | null, fallback: string): string => (id ? (names.get(id) ?? fallback) : fallback);

export const ContactAttemptList = ({ attempts, names, headingOrder = 3 }: { attempts: readonly ContactAttempt[]; names: Names; headingOrder?: 2 | 3 | 4 }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const sorted = [...attempts].sort((a, b) => a.attemptedAt.localeCompare(b.attemptedAt));
  return (
    <Stack gap="xs" data-testid="contact-attempt-list">
      <Title order={headingOrder} size="h5">
        {t('tracing.attempts.heading', { count: attempts.length })}
      </Title>
      {sorted.length === 0 ? (
        <EmptyState>{t('tracing.attempts.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.attempts.when')}</Table.Th>
                <Table.Th scope="col">{t('tracing.attempts.channel')}</Table.Th>
                <Table.Th scope="col">{t('tracing.attempts.member')}</Table.Th>
                <Table.Th scope="col">{t('tracing.attempts.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((attempt) => (
                <Table.Tr key={attempt.id} data-testid="contact-attempt-row">
                  <Table.Td>{formatDateTime(attempt.attemptedAt, locale)}</Table.Td>
                  <Table.Td>{t(`tracing.channel.${attempt.channel}`)}</Table.Td>
                  <Table.Td>{memberLabel(names, attempt.familyMemberId, t('tracing.attempts.noMember'))}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{attempt.result}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
};

export const FamilyConsentList = ({ consents, names, headingOrder = 3 }: { consents: readonly FamilyConsent[]; names: Names; headingOrder?: 2 | 3 | 4 }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="xs" data-testid="family-consent-list">
      <Title order={headingOrder} size="h5">
        {t('tracing.consents.heading', { count: consents.length })}
      </Title>
      {consents.length === 0 ? (
        <EmptyState>{t('tracing.consents.empty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {consents.map((consent) => (
            <Card component="li" key={consent.id} withBorder padding="sm" radius="sm" data-testid="family-consent-row">
              <Group gap="xs" mb={4} wrap="wrap">
                <Text fw={600}>{memberLabel(names, consent.familyMemberId, t('tracing.consents.unknownMember'))}</Text>
                <Badge variant="light" color={consent.withdrawnAt ? 'gray' : 'green'} tt="none" radius="sm">
                  {t(`tracing.consentScope.${consent.scope}`)}
                </Badge>
                {consent.withdrawnAt && (
                  <Badge variant="outline" color="red" tt="none" radius="sm">
                    {t('tracing.consents.withdrawn', { date: formatDateTime(consent.withdrawnAt, locale) })}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t('tracing.consents.summary', {
                  date: formatDateTime(consent.givenAt, locale),
                  language: formatLanguage(consent.language, locale),
                  informedBy: consent.informedBy,
                })}
                {consent.mediatorPresent && ` ${t('tracing.consents.withMediator', { name: consent.mediatorName ?? t('common.notAvailable') })}`}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
};

export const OutcomeSummary = ({ request, headingOrder = 3 }: { request: TracingRequestDetail; headingOrder?: 2 | 3 | 4 }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="xs" data-testid="tracing-outcome">
      <Title order={headingOrder} size="h5">
        {t('tracing.outcomeSummary.heading')}
      </Title>
      {request.outcome ? (
        <DetailList
          items={[
            { label: t('tracing.fields.outcome'), value: <Text component="span" fw={700}>{t(`tracing.outcome.${request.outcome}`)}</Text> },
            { label: t('tracing.outcomeSummary.recordedAt'), value: request.outcomeRecordedAt ? formatDateTime(request.outcomeRecordedAt, locale) : t('common.notAvailable') },
            { label: t('tracing.outcomeSummary.notes'), value: <span style={{ whiteSpace: 'pre-wrap' }}>{request.outcomeNotes ?? t('common.notAvailable')}</span> },
            { label: t('tracing.fields.interviewMode'), value: request.interviewMode ? t(`tracing.interviewMode.${request.interviewMode}`) : t('common.notAvailable') },
          ]}
        />
      ) : (
        <EmptyState>{t('tracing.outcomeSummary.none')}</EmptyState>
      )}
    </Stack>
  );
};
