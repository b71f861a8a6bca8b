import type { CaseDetail as CaseDetailRecord } from '@app/contracts';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatCalendarDate, formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { ageInYears, daysUntilEighteen } from '../utils/minor-age';
import { CaseNextSteps } from './case-next-steps';
import { CaseStateBadge } from './case-state-badge';

const MinorAge = ({ dateOfBirth }: { dateOfBirth: string | null }) => {
  const { t } = useTranslation();
  if (!dateOfBirth) return <>{t('cases.ageUnknown')}</>;
  const days = daysUntilEighteen(dateOfBirth);
  return (
    <>
      {t('cases.ageYears', { count: ageInYears(dateOfBirth) })}
      {' · '}
      {days === null ? t('cases.adult') : t('cases.daysTo18', { count: days })}
    </>
  );
};

// The case screen starts with the minor: name, age and days to 18, nationality, state in words.
export const CaseDetail = ({ caseRecord }: { caseRecord: CaseDetailRecord }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minor } = caseRecord;
  const notAvailable = t('common.notAvailable');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.cases()} size="sm">
        ← {t('cases.detail.back')}
      </Anchor>
      <div>
        <PageTitle documentTitle={t('cases.detail.documentTitle', { caseNumber: caseRecord.caseNumber })}>
          {minor.firstName} {minor.lastName}
        </PageTitle>
        <Group gap="md" wrap="wrap">
          <CaseStateBadge state={caseRecord.state} />
          <Text>
            <MinorAge dateOfBirth={minor.dateOfBirth} />
          </Text>
          <Text>{formatCountry(minor.nationality, locale)}</Text>
        </Group>
        <Group gap="lg" mt="xs">
          <Text size="sm" c="dimmed">
            {t('cases.detail.caseNumber')}: <Text span c="bright" fw={500}>{caseRecord.caseNumber}</Text>
          </Text>
          <Text size="sm" c="dimmed">
            {t('cases.detail.version')}: <Text span c="bright" fw={500}>{caseRecord.version}</Text>
          </Text>
        </Group>
      </div>

      <CaseNextSteps transitions={caseRecord.transitions} />

      <Card withBorder padding="lg" component="section" aria-labelledby="case-minor-heading">
        <Title order={2} size="h4" mb="sm" id="case-minor-heading">
          {t('cases.detail.minorSection')}
        </Title>
        <DetailList
          items={[
            {
              label: t('cases.detail.dateOfBirth'),
              value: minor.dateOfBirth ? formatCalendarDate(minor.dateOfBirth, locale) : notAvailable,
            },
            { label: t('cases.detail.sex'), value: t(`sex.${minor.sex}`) },
            { label: t('cases.detail.nationality'), value: formatCountry(minor.nationality, locale) },
          ]}
        />
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="case-request-heading">
        <Title order={2} size="h4" mb="sm" id="case-request-heading">
          {t('cases.detail.caseSection')}
        </Title>
        <DetailList
          items={[
            { label: t('cases.detail.channel'), value: t(`channels.${caseRecord.channel}`) },
            { label: t('cases.detail.requestDate'), value: formatCalendarDate(caseRecord.requestDate, locale) },
            { label: t('cases.detail.priority'), value: t(`priority.${caseRecord.priority}`) },
            { label: t('cases.detail.createdAt'), value: formatInstantDate(caseRecord.createdAt, locale) },
            { label: t('cases.detail.updatedAt'), value: formatInstantDate(caseRecord.updatedAt, locale) },
          ]}
        />
      </Card>
    </Stack>
  );
};
