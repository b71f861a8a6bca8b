import type { CaseDetail as CaseDetailRecord } from '@app/contracts';
import { Anchor, Badge, Group, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { ageInYears, daysUntilEighteen } from '../utils/minor-age';
import { CaseNextSteps } from './case-next-steps';
import { CaseStateBadge } from './case-state-badge';

// Domain §4 #5: the days to the 18th birthday are always shown, with an alert under 90 days.
const EIGHTEEN_ALERT_DAYS = 90;

const PRIORITY_COLOR: Record<CaseDetailRecord['priority'], MantineColor> = { LOW: 'gray', NORMAL: 'gray', HIGH: 'orange', URGENT: 'red' };

type Minor = CaseDetailRecord['minor'];

// The basis of the age, next to it (UX brief: "dichiarata", "da accertamento: 16–17 anni").
const AgeBasis = ({ minor }: { minor: Minor }) => {
  const { t } = useTranslation();
  const assessed = minor.dobBasis === 'AGE_ASSESSMENT' && minor.ageAssessmentMin !== null && minor.ageAssessmentMax !== null;
  return (
    <Text size="sm" c="dimmed" data-testid="case-age-basis">
      {assessed
        ? t('caseFile.header.ageAssessed', { min: minor.ageAssessmentMin, max: minor.ageAssessmentMax })
        : t(`caseFile.header.dobBasis.${minor.dobBasis}`)}
    </Text>
  );
};

const MinorAge = ({ minor }: { minor: Minor }) => {
  const { t } = useTranslation();
  if (!minor.dateOfBirth) return <Text>{t('cases.ageUnknown')}</Text>;
  const days = daysUntilEighteen(minor.dateOfBirth);
  return (
    <>
      <Text data-testid="case-age">
        {t('cases.ageYears', { count: ageInYears(minor.dateOfBirth) })}
        {' · '}
        {days === null ? t('cases.adult') : t('cases.daysTo18', { count: days })}
      </Text>
      <AgeBasis minor={minor} />
      {days !== null && days < EIGHTEEN_ALERT_DAYS && (
        <Badge color="red" variant="filled" tt="none" data-testid="turning-18-alert">
          {t('caseFile.header.turning18Soon')}
        </Badge>
      )}
    </>
  );
};

type CaseDetailProps = {
  caseRecord: CaseDetailRecord;
  // Staff fire the next actions from here; everyone else reads them.
  canAct: boolean;
  // Who works on the case (and, for a supervisor, the assignment), composed by the route.
  assignment?: React.ReactNode;
  // The case file's tabs, composed by the route.
  children?: React.ReactNode;
};

// The case screen starts with the minor: name, age and days to 18, nationality, state in words,
// then the next actions, then the file.
export const CaseDetail = ({ caseRecord, canAct, assignment, children }: CaseDetailProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minor } = caseRecord;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.cases()} size="sm">
        ← {t('cases.detail.back')}
      </Anchor>
      <header data-testid="case-header">
        <PageTitle documentTitle={t('cases.detail.documentTitle', { caseNumber: caseRecord.caseNumber })}>
          {minor.firstName} {minor.lastName}
        </PageTitle>
        <Group gap="md" wrap="wrap">
          <span data-testid="case-state">
            <CaseStateBadge state={caseRecord.state} />
          </span>
          <MinorAge minor={minor} />
          <Text>{formatCountry(minor.nationality, locale)}</Text>
        </Group>
        <Group gap="lg" mt="xs">
          <Text size="sm" c="dimmed">
            {t('cases.detail.caseNumber')}: <Text span c="bright" fw={500}>{caseRecord.caseNumber}</Text>
          </Text>
          <Text size="sm" c="dimmed">
            {t('cases.detail.priority')}:{' '}
            <Badge component="span" variant="light" color={PRIORITY_COLOR[caseRecord.priority]} tt="none" data-testid="case-priority">
              {t(`priority.${caseRecord.priority}`)}
            </Badge>
          </Text>
          <Text size="sm" c="dimmed">
            {t('cases.detail.version')}: <Text span c="bright" fw={500}>{caseRecord.version}</Text>
          </Text>
        </Group>
        {assignment}
      </header>

      <CaseNextSteps caseRecord={caseRecord} canAct={canAct} />

      {children}
    </Stack>
  );
};
