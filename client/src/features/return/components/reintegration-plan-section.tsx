import { Alert, Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { PLAN_STATES, isIn } from '../utils/return-access';
import { formatEuro } from '../utils/return-format';
import { ItemForm } from './assistance-item-form';
import { ItemTable } from './assistance-item-table';
import { ObjectiveForm } from './objective-form';
import { ObjectiveList } from './objective-list';
import { ASSESSMENTS, PlanNarrativeForm } from './plan-narrative';
import { ReturnReportLink } from './return-report-link';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';

const Narrative = ({ label, text }: { label: string; text: string }) => (
  <div>
    <Text size="sm" fw={600}>
      {label}
    </Text>
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  </div>
);

// The reintegration plan (domain §3.11): assessments, needs and family, the minor's views,
// objectives by dimension and level, assistance items (provider, budget, in kind, status, delivery).
// It is approved by the supervisor through its report (the composer fixes the approved text).
export const ReintegrationPlanSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = file.reintegrationPlan;
  const editable = isIn(PLAN_STATES, caseDetail.state);
  const [editing, setEditing] = useState(false);
  const report = file.reports.find((ref) => ref.kind === 'REINTEGRATION_PLAN');

  return (
    <ReturnSection collapsed={collapsed}
      id="plan"
      title={t('return.sections.plan')}
      intro={t('return.plan.intro')}
      aside={
        plan ? (
          <Badge color={plan.approved ? 'green' : 'orange'} variant="light" tt="none" size="lg" data-testid="plan-approval">
            {plan.approved ? t('return.plan.approved', { version: plan.approvedVersionNo }) : t('return.plan.notApproved')}
          </Badge>
        ) : undefined
      }
    >
      {!plan && !editable && <EmptyState testId="plan-empty">{t('return.plan.emptyClosed')}</EmptyState>}
      {!plan && editable && (
        <>
          <Text size="sm">{t('return.plan.firstStep')}</Text>
          <PlanNarrativeForm caseId={caseId} plan={null} onDone={() => setEditing(false)} />
        </>
      )}
      {plan && (
        <Stack gap="md">
          {editing ? (
            <PlanNarrativeForm caseId={caseId} plan={plan} onDone={() => setEditing(false)} />
          ) : (
            <Stack gap="sm" data-testid="plan-narrative">
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('return.plan.updated', { date: formatInstantDate(plan.updatedAt, locale), version: plan.version })}
                  {plan.draftedPreDeparture ? ` · ${t('return.plan.preDeparture')}` : ''}
                </Text>
                {editable && (
                  <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="plan-edit">
                    {t('return.plan.edit')}
                  </Button>
                )}
              </Group>
              <Group gap={4}>
                <Text size="sm">{t('return.plan.assessments')}:</Text>
                {ASSESSMENTS.map((key) => (
                  <Badge key={key} variant="light" color={plan.assessmentsDone[key] ? 'green' : 'gray'} tt="none">
                    {t(`return.plan.assessmentKinds.${key}`)}: {t(plan.assessmentsDone[key] ? 'return.common.yes' : 'return.common.no')}
                  </Badge>
                ))}
              </Group>
              <Narrative label={t('return.plan.fields.needsAndSkills')} text={plan.needsAndSkills} />
              <Narrative label={t('return.plan.fields.familySituation')} text={plan.familySituation} />
              <Narrative label={`${t('return.plan.fields.minorViews')} (${plan.minorViewsLanguage}${plan.mediatorName ? `, ${t('return.common.mediator', { name: plan.mediatorName })}` : ''})`} text={plan.minorViews} />
            </Stack>
          )}
          <Divider />
          <SubHeading>{t('return.plan.objectives')}</SubHeading>
          <ObjectiveList plan={plan} />
          {editable && <ObjectiveForm caseId={caseId} />}
          <Divider />
          <Group justify="space-between">
            <SubHeading>{t('return.plan.items')}</SubHeading>
            <Text size="sm" data-testid="plan-total">
              {t('return.plan.total', { total: formatEuro(plan.totalBudgetEur, locale) })}
            </Text>
          </Group>
          <ItemTable caseId={caseId} plan={plan} canUpdate={editable} />
          {editable && <ItemForm caseId={caseId} plan={plan} />}
          <Divider />
          <SubHeading>{t('return.plan.approvalHeading')}</SubHeading>
          {!plan.approved && (
            <Alert color="blue" p="sm">
              {t('return.plan.approvalHint')}
            </Alert>
          )}
          <ReturnReportLink caseId={caseId} state={caseDetail.state} kind="REINTEGRATION_PLAN" report={report} canStart={editable} />
        </Stack>
      )}
    </ReturnSection>
  );
};
