import type { FamilyAssessment } from '@app/contracts';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { sectionsOf } from '../utils/assessment';
import { formatDateTime } from '../utils/tracing-format';

// Who wrote the assessment, when, how and with whom.
export const AssessmentMeta = ({ assessment }: { assessment: FamilyAssessment }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DetailList
      items={[
        { label: t('tracing.assessment.interviewDate'), value: formatCalendarDate(assessment.interviewDate, locale) },
        { label: t('tracing.fields.interviewMode'), value: t(`tracing.interviewMode.${assessment.interviewMode}`) },
        { label: t('tracing.assessment.personsPresent'), value: assessment.personsPresent.join(', ') },
        { label: t('tracing.assessment.languageOriginal'), value: assessment.languageOriginal },
        { label: t('tracing.assessment.writtenBy'), value: assessment.writtenBy ?? t('common.notAvailable') },
        { label: t('tracing.assessment.updatedAt'), value: formatDateTime(assessment.updatedAt, locale) },
      ]}
    />
  );
};

// The assessment as written, read only.
export const AssessmentView = ({ assessment }: { assessment: FamilyAssessment }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="assessment-view">
      <AssessmentMeta assessment={assessment} />
      {sectionsOf(assessment.sections).map((key) => (
        <div key={key}>
          <Title order={4} size="h6">
            {t(`tracing.sections.${key}`)}
          </Title>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {assessment.sections[key]}
          </Text>
        </div>
      ))}
    </Stack>
  );
};
