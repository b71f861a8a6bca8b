import { GUARD_SUPPLIER, TRANSITIONS, type AvailableTransition, type CaseDetail, type GuardCode } from '@app/contracts';
import { Anchor, Badge, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useRoleList } from './return-error';
import { sectionAnchor } from './return-section';

// The transitions of the durable solution and the return (domain §4 #13–21).
export const RETURN_TRANSITION_IDS = new Set([
  'close_local_solution',
  'request_avr',
  'start_counselling',
  'file_with_court',
  'record_return_ordered',
  'record_return_rejected',
  'close_after_rejection',
  'approve_avr_plan',
  'depart',
  'confirm_handover',
  'start_reintegration',
  'start_monitoring',
  'close_reintegrated',
]);

// Where each precondition is supplied: a section of this tab, or another tab of the case file.
type Place = { section: string } | { tab: string };
const GUARD_PLACE: Partial<Record<GuardCode, Place>> = {
  DURABLE_SOLUTION_RECORDED: { section: 'solution' },
  AVR_MINOR_REQUEST: { section: 'request' },
  AVR_GUARDIAN_CONSENT: { section: 'request' },
  FAMILY_ASSESSMENT_RELEASED: { tab: 'reports' },
  COUNSELLING_RECORDED: { section: 'counselling' },
  REINTEGRATION_PLAN_DRAFTED: { section: 'plan' },
  COURT_PROCEEDING_FILED: { section: 'court' },
  COURT_FILE_COMPLETE: { section: 'court' },
  MINOR_AND_GUARDIAN_HEARD: { section: 'court' },
  COURT_DECISION_RECORDED: { section: 'court' },
  COURT_DECREE_ATTACHED: { section: 'court' },
  COURT_RETURN_ORDERED: { section: 'court' },
  RISK_CHECK_PRE_RETURN_PROCEED: { tab: 'consents' },
  RISK_CHECK_CONSULAR_CONTACT: { tab: 'consents' },
  CAREGIVER_ACCEPTANCE: { tab: 'consents' },
  TRAVEL_DOCUMENTS_READY: { section: 'travel' },
  FIT_TO_TRAVEL: { section: 'travel' },
  ESCORT_ASSIGNED: { section: 'travel' },
  RECEIVING_MISSION_ASSIGNED: { section: 'travel' },
  DEPARTURE_BEFORE_18: { section: 'travel' },
  REINTEGRATION_PLAN_APPROVED: { tab: 'reports' },
  HANDOVER_PROTOCOL_SIGNED: { section: 'handover' },
  ARRIVAL_CONFIRMED: { section: 'handover' },
  MONITORING_SCHEDULED: { section: 'handover' },
  ASSISTANCE_DELIVERED: { section: 'plan' },
  MONITORING_COMPLETED: { section: 'monitoring' },
  MONITORING_CONCERNS_RESOLVED: { section: 'monitoring' },
};

const GoTo = ({ caseId, code }: { caseId: string; code: GuardCode }) => {
  const { t } = useTranslation();
  const place = GUARD_PLACE[code];
  if (!place) return null;
  if ('tab' in place) {
    return (
      <Anchor component={Link} to={paths.caseTab(caseId, place.tab)} size="sm">
        {t('return.checklist.goToTab', { tab: t(`caseFile.tabs.${place.tab}`) })}
      </Anchor>
    );
  }
  return (
    <Anchor href={`#${sectionAnchor(place.section)}`} size="sm">
      {t('return.checklist.goToSection', { section: t(`return.sections.${place.section}`) })}
    </Anchor>
  );
};

// One step: every precondition of the transition, done or missing, and for a missing one who can
// supply it and where. Never colour alone: each line says "fatto" or "manca".
export const TransitionChecklist = ({ caseId, transition }: { caseId: string; transition: AvailableTransition }) => {
  const { t } = useTranslation();
  const roleList = useRoleList();
  const definition = TRANSITIONS.find((candidate) => candidate.id === transition.id);
  const guards = (definition?.guards ?? []).filter((code) => code !== 'REASON_GIVEN');
  const missing = new Set(transition.unmet.map((guard) => guard.code));
  const ready = transition.unmet.length === 0;
  const headingId = `return-checklist-${transition.id}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid={`return-checklist-${transition.id}`}>
      <Group gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t('return.checklist.toState', { state: t(`states.${transition.to}`) })}
        </Title>
        <Badge color={ready ? 'green' : 'orange'} variant="light" tt="none">
          {ready ? t('return.checklist.ready') : t('return.checklist.missingCount', { count: transition.unmet.length })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('return.checklist.firedBy', { roles: roleList(transition.firedBy) })}
      </Text>
      {guards.length === 0 ? (
        <Text size="sm">{t('return.checklist.noPreconditions')}</Text>
      ) : (
        <List spacing={6} size="sm" listStyleType="none" p={0} m={0}>
          {guards.map((code) => {
            const isMissing = missing.has(code);
            return (
              <List.Item
                key={code}
                data-testid={`guard-${code}`}
                data-state={isMissing ? 'missing' : 'done'}
                icon={
                  <ThemeIcon size={20} radius="xl" color={isMissing ? 'orange' : 'green'} variant="light" aria-hidden>
                    {isMissing ? '!' : '✓'}
                  </ThemeIcon>
                }
              >
                <Text size="sm" span fw={500}>
                  {isMissing ? t('return.checklist.missing') : t('return.checklist.done')}
                </Text>
                {': '}
                <Text size="sm" span>
                  {t(`guards.${code}`)}
                </Text>
                {isMissing && (
                  <Stack gap={0} ml={4}>
                    {GUARD_SUPPLIER[code].length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('return.checklist.suppliedBy', { roles: roleList(GUARD_SUPPLIER[code]) })}
                      </Text>
                    )}
                    <GoTo caseId={caseId} code={code} />
                  </Stack>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
};

// The return steps the case can take from where it is, each with its checklist. The buttons that
// take them are in the case's "next steps" above.
export const StepChecklist = ({ caseDetail }: { caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const steps = caseDetail.transitions.filter((transition) => RETURN_TRANSITION_IDS.has(transition.id));
  if (steps.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="return-checklist-heading" data-testid="return-checklist">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="return-checklist-heading">
            {t('return.checklist.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('return.checklist.intro')}
          </Text>
        </div>
        {steps.map((transition) => (
          <TransitionChecklist key={`${transition.id}-${transition.to}`} caseId={caseDetail.id} transition={transition} />
        ))}
      </Stack>
    </Card>
  );
};
