import type { CaseDetail, CaseState, ReturnFile } from '@app/contracts';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Suspense, useEffect } from 'react';
import { lazyNamed } from '@/components/ui/lazy-named';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { returnQueries } from '../api/return-queries';
import { AVR_REQUEST_STATES, COURT_STATES, COUNSELLING_STATES, PLAN_STATES, canWorkOnReturn, isIn } from '../utils/return-access';
import { ReturnProgress } from './return-progress';
import { sectionAnchor } from './return-section';
import { StepChecklist } from './step-checklist';

// Each step's section (and each role's screen) is its own download; the panel shows them together
// once all it needs are loaded (one Suspense boundary), with the loading frame until then.
const DurableSolutionSection = lazyNamed(() => import('./durable-solution-section').then((m) => m.DurableSolutionSection));
const AvrRequestSection = lazyNamed(() => import('./avr-request-section').then((m) => m.AvrRequestSection));
const CounsellingSection = lazyNamed(() => import('./counselling-section').then((m) => m.CounsellingSection));
const ReintegrationPlanSection = lazyNamed(() => import('./reintegration-plan-section').then((m) => m.ReintegrationPlanSection));
const CourtSection = lazyNamed(() => import('./court-section').then((m) => m.CourtSection));
const CourtClerkPanel = lazyNamed(() => import('./court-section').then((m) => m.CourtClerkPanel));
const TravelPlanSection = lazyNamed(() => import('./travel-plan-section').then((m) => m.TravelPlanSection));
const HandoverSection = lazyNamed(() => import('./handover-section').then((m) => m.HandoverSection));
const MonitoringSection = lazyNamed(() => import('./monitoring-section').then((m) => m.MonitoringSection));
const GuardianAvrConsent = lazyNamed(() => import('./guardian-avr-consent').then((m) => m.GuardianAvrConsent));

// Staff see the sections as the case moves on: fetch their code with the panel's.
const preloadStaffSections = () =>
  Promise.all(
    [DurableSolutionSection, AvrRequestSection, CounsellingSection, ReintegrationPlanSection, CourtSection, TravelPlanSection, HandoverSection, MonitoringSection].map(
      (section) => section.preload(),
    ),
  ).catch(() => undefined);

export type ReturnPanelProps = { caseId: string; caseDetail: CaseDetail };

const LoadingFrame = ({ children }: { children: React.ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="return-heading" data-testid="return-panel-loading">
      <Title order={2} size="h4" mb="sm" id="return-heading">
        {t('return.heading')}
      </Title>
      {children}
    </Card>
  );
};

// Which sections the case has something in, or may get something in now.
const sectionsFor = (caseDetail: CaseDetail, file: ReturnFile): string[] => {
  const { state } = caseDetail;
  const has = {
    solution: file.durableSolutions.length > 0 || ['AWAITING_SOLUTION', 'COURT_REJECTED', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'].includes(state),
    request: Boolean(file.avrRequest.minorRequest) || isIn(AVR_REQUEST_STATES, state),
    counselling: file.counsellingSessions.length > 0 || isIn(COUNSELLING_STATES, state),
    plan: Boolean(file.reintegrationPlan) || isIn(PLAN_STATES, state),
    court: file.court.proceedings.length > 0 || isIn(COURT_STATES, state),
    travel: Boolean(file.travelPlan) || ['COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'].includes(state),
    handover: Boolean(file.handover) || state === 'IN_TRANSIT',
    monitoring: file.monitoringVisits.length > 0 || ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'].includes(state),
  };
  return Object.entries(has)
    .filter(([, shown]) => shown)
    .map(([key]) => key);
};

// Steps the case has moved past start folded, so the current one is near the top of the page.
const LATER: CaseState[] = ['IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
const PAST: Record<string, readonly CaseState[]> = {
  request: ['COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION', 'CLOSED_LOCAL_SOLUTION', ...LATER],
  counselling: ['CLOSED_LOCAL_SOLUTION', ...LATER],
  court: ['AVR_PREPARATION', 'CLOSED_LOCAL_SOLUTION', ...LATER],
  travel: ['HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'],
  handover: ['MONITORING', 'CLOSED_REINTEGRATED'],
  plan: ['CLOSED_REINTEGRATED', 'CLOSED_LOCAL_SOLUTION'],
};
const isPast = (section: string, state: CaseState): boolean => (PAST[section] ?? []).includes(state);

// The staff's return file: where the case stands, what each next step still needs and who can
// supply it, then one section per step in the order they happen.
const StaffReturnPanel = ({ caseId, caseDetail }: ReturnPanelProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileQuery = useQuery(returnQueries.file(caseId));
  useEffect(() => {
    void preloadStaffSections();
  }, []);
  if (!fileQuery.isSuccess) {
    return (
      <LoadingFrame>
        {fileQuery.isError ? <SectionError error={fileQuery.error} onRetry={() => void fileQuery.refetch()} retrying={fileQuery.isFetching} /> : <SectionSkeleton rows={5} />}
      </LoadingFrame>
    );
  }
  const file = fileQuery.data;
  const sections = sectionsFor(caseDetail, file);
  const eighteenth = file.eighteenthBirthday;
  const common = { caseId, caseDetail, file };
  return (
    <Suspense
      fallback={
        <LoadingFrame>
          <SectionSkeleton rows={5} />
        </LoadingFrame>
      }
    >
      <Stack gap="lg" data-testid="return-panel">
        <Card withBorder padding="lg" component="section" aria-labelledby="return-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="return-heading">
              {t('return.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('return.intro')}
            </Text>
            <ReturnProgress state={caseDetail.state} />
            <Group gap="lg">
              <Text size="sm" data-testid="return-eighteenth">
                {eighteenth ? t('return.eighteenth', { date: formatCalendarDate(eighteenth, locale) }) : t('return.noBirthday')}
              </Text>
              {file.prosieguoUntil && <Text size="sm">{t('return.prosieguo', { date: formatCalendarDate(file.prosieguoUntil, locale) })}</Text>}
            </Group>
            {sections.length > 0 ? (
              <Group gap="md" component="nav" aria-label={t('return.contents')} wrap="wrap">
                {sections.map((section) => (
                  <Anchor key={section} href={`#${sectionAnchor(section)}`} size="sm">
                    {t(`return.sections.${section}`)}
                  </Anchor>
                ))}
              </Group>
            ) : (
              <EmptyState testId="return-empty">{t('return.empty')}</EmptyState>
            )}
          </Stack>
        </Card>
        <StepChecklist caseDetail={caseDetail} />
        {sections.includes('solution') && <DurableSolutionSection {...common} />}
        {sections.includes('request') && <AvrRequestSection {...common} collapsed={isPast('request', caseDetail.state)} />}
        {sections.includes('counselling') && <CounsellingSection {...common} collapsed={isPast('counselling', caseDetail.state)} />}
        {sections.includes('plan') && <ReintegrationPlanSection {...common} collapsed={isPast('plan', caseDetail.state)} />}
        {sections.includes('court') && (
          <CourtSection
            caseId={caseId}
            caseDetail={caseDetail}
            court={file.court}
            mode="staff"
            hasPlan={Boolean(file.reintegrationPlan)}
            eighteenthBirthday={eighteenth}
            collapsed={isPast('court', caseDetail.state)}
          />
        )}
        {sections.includes('travel') && <TravelPlanSection {...common} collapsed={isPast('travel', caseDetail.state)} />}
        {sections.includes('handover') && <HandoverSection {...common} collapsed={isPast('handover', caseDetail.state)} />}
        {sections.includes('monitoring') && <MonitoringSection {...common} />}
      </Stack>
    </Suspense>
  );
};

// The case-file tab "Return and reintegration", by role: IOM staff work on every step; the guardian
// co-signs the minor's request; the court's clerk records hearings, decisions and decrees.
export const ReturnPanel = ({ caseId, caseDetail }: ReturnPanelProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (canWorkOnReturn(user.role)) return <StaffReturnPanel caseId={caseId} caseDetail={caseDetail} />;
  const roleScreen =
    user.role === 'guardian' ? (
      <GuardianAvrConsent caseId={caseId} caseDetail={caseDetail} />
    ) : user.role === 'court' ? (
      <CourtClerkPanel caseId={caseId} caseDetail={caseDetail} />
    ) : null;
  if (roleScreen) return <Suspense fallback={<SectionSkeleton rows={5} />}>{roleScreen}</Suspense>;
  return (
    <LoadingFrame>
      <EmptyState testId="return-not-available">{t('return.notAvailable')}</EmptyState>
    </LoadingFrame>
  );
};
