import type { CaseDetail } from '@app/contracts';
import { Card, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { formatCalendarDate, formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';

// The "Profile" tab: the minor and the request as recorded.
export const CaseProfile = ({ caseRecord }: { caseRecord: CaseDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minor } = caseRecord;
  const notAvailable = t('common.notAvailable');

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
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
            { label: t('cases.detail.createdAt'), value: formatInstantDate(caseRecord.createdAt, locale) },
            { label: t('cases.detail.updatedAt'), value: formatInstantDate(caseRecord.updatedAt, locale) },
          ]}
        />
      </Card>
    </SimpleGrid>
  );
};
