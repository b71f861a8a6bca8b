import { Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { caseFileQueries } from '@/features/case-file';
import { AFTER_COURT_APPROVAL, TRAVEL_PLAN_STATES, isIn } from '../utils/return-access';
import { ReturnReportLink } from './return-report-link';
import { ReturnSection, type SectionProps } from './return-section';
import { TransitionChecklist } from './step-checklist';
import { TravelForm } from './travel-plan-form';
import { PlanView } from './travel-plan-view';

// The AVR travel plan (domain §3.10, §4 #18): the receiving caregiver and their written acceptance
// with airport collection, the mission, the travel documents (the consulate only after its risk
// check), fitness to travel, the escort (on by default; off only by a supervisor, with a reason),
// the itinerary and a departure before the 18th birthday. The supervisor approves the operational
// plan by moving the case to "preparation" once every line is met.
export const TravelPlanSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const editable = isIn(TRAVEL_PLAN_STATES, caseDetail.state);
  const caseFileQuery = useQuery({ ...caseFileQueries.file(caseId), enabled: editable });
  const [editing, setEditing] = useState(false);
  const plan = file.travelPlan;
  const step = caseDetail.transitions.find((transition) => transition.id === 'approve_avr_plan' || transition.id === 'depart');
  const note = file.reports.find((ref) => ref.kind === 'AVR_OPERATIONAL_NOTE');
  if (!plan && !isIn(AFTER_COURT_APPROVAL, caseDetail.state)) return null;
  return (
    <ReturnSection collapsed={collapsed}
      id="travel"
      title={t('return.sections.travel')}
      intro={t('return.travel.intro')}
      aside={
        plan && editable && !editing ? (
          <Button variant="light" onClick={() => setEditing(true)} data-testid="travel-edit">
            {t('return.travel.edit')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="md">
        {step && <TransitionChecklist caseId={caseId} transition={step} />}
        {editable && (editing || !plan) ? (
          <TravelForm caseId={caseId} file={file} caseFile={caseFileQuery.data} onDone={() => setEditing(false)} />
        ) : plan ? (
          <PlanView plan={plan} />
        ) : (
          <EmptyState testId="travel-empty">{t('return.travel.empty')}</EmptyState>
        )}
        {plan && (
          <>
            <Divider />
            <ReturnReportLink caseId={caseId} state={caseDetail.state} kind="AVR_OPERATIONAL_NOTE" report={note} canStart />
          </>
        )}
      </Stack>
    </ReturnSection>
  );
};
