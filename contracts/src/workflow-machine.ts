import type { Role } from './roles';
import { CASE_STATES, CLOSED_STATES, type CaseState } from './workflow';

// Preconditions a transition may require. The server evaluates each against the case file; the
// client shows the unmet ones with who can supply them.
export const GUARD_CODES = [
  'MINOR_CONSENT_TRACING',
  'RISK_CHECK_PRE_TRACING_PROCEED',
  'TRACING_REQUEST_SENT',
  'TRACING_OUTCOME_RECORDED',
  'CONTACT_ATTEMPT_LOGGED',
  'RISK_CHECK_UNSAFE',
  'FAMILY_CONSENT_INTERVIEW',
  'ASSESSMENT_RECORDED',
  'REPORT_DRAFT_READY',
  'REPORT_SUBMITTED',
  'REPORT_RETURNED',
  'REPORT_QA_PASSED',
  'REPORT_VERSION_APPROVED',
  'REPORT_RELEASED',
  'FAMILY_CONSENT_SHARING',
  'DURABLE_SOLUTION_RECORDED',
  'CONSENT_WITHDRAWN',
  'EIGHTEENTH_BIRTHDAY_REACHED',
  'NO_PROSIEGUO',
  'REASON_GIVEN',
  // Part 2 (issue 4): durable solution by return, the juvenile court, AVR, reintegration.
  'AVR_MINOR_REQUEST',
  'AVR_GUARDIAN_CONSENT',
  'FAMILY_ASSESSMENT_RELEASED',
  'COUNSELLING_RECORDED',
  'REINTEGRATION_PLAN_DRAFTED',
  'COURT_PROCEEDING_FILED',
  'COURT_FILE_COMPLETE',
  'MINOR_AND_GUARDIAN_HEARD',
  'COURT_DECISION_RECORDED',
  'COURT_DECREE_ATTACHED',
  'COURT_RETURN_ORDERED',
  'RISK_CHECK_PRE_RETURN_PROCEED',
  'CAREGIVER_ACCEPTANCE',
  'TRAVEL_DOCUMENTS_READY',
  'RISK_CHECK_CONSULAR_CONTACT',
  'FIT_TO_TRAVEL',
  'ESCORT_ASSIGNED',
  'REINTEGRATION_PLAN_APPROVED',
  'RECEIVING_MISSION_ASSIGNED',
  'DEPARTURE_BEFORE_18',
  'HANDOVER_PROTOCOL_SIGNED',
  'ARRIVAL_CONFIRMED',
  'MONITORING_SCHEDULED',
  'ASSISTANCE_DELIVERED',
  'MONITORING_COMPLETED',
  'MONITORING_CONCERNS_RESOLVED',
] as const;
export type GuardCode = (typeof GUARD_CODES)[number];

// Who can supply each precondition, shown next to a blocked action.
export const GUARD_SUPPLIER: Record<GuardCode, Role[]> = {
  MINOR_CONSENT_TRACING: ['caseworker', 'guardian'],
  RISK_CHECK_PRE_TRACING_PROCEED: ['caseworker', 'supervisor'],
  TRACING_REQUEST_SENT: ['caseworker'],
  TRACING_OUTCOME_RECORDED: ['field_officer'],
  CONTACT_ATTEMPT_LOGGED: ['field_officer'],
  RISK_CHECK_UNSAFE: ['caseworker', 'supervisor'],
  FAMILY_CONSENT_INTERVIEW: ['field_officer'],
  ASSESSMENT_RECORDED: ['field_officer'],
  REPORT_DRAFT_READY: ['caseworker'],
  REPORT_SUBMITTED: ['caseworker', 'supervisor'],
  REPORT_RETURNED: ['caseworker', 'supervisor'],
  REPORT_QA_PASSED: ['caseworker'],
  REPORT_VERSION_APPROVED: ['supervisor'],
  REPORT_RELEASED: ['caseworker', 'supervisor'],
  FAMILY_CONSENT_SHARING: ['field_officer'],
  DURABLE_SOLUTION_RECORDED: ['caseworker'],
  CONSENT_WITHDRAWN: ['caseworker', 'guardian'],
  EIGHTEENTH_BIRTHDAY_REACHED: [],
  NO_PROSIEGUO: ['court', 'social_services'],
  REASON_GIVEN: [],
  AVR_MINOR_REQUEST: ['caseworker'],
  AVR_GUARDIAN_CONSENT: ['guardian'],
  FAMILY_ASSESSMENT_RELEASED: ['caseworker', 'supervisor'],
  COUNSELLING_RECORDED: ['caseworker'],
  REINTEGRATION_PLAN_DRAFTED: ['caseworker'],
  COURT_PROCEEDING_FILED: ['caseworker'],
  COURT_FILE_COMPLETE: ['caseworker', 'social_services'],
  MINOR_AND_GUARDIAN_HEARD: ['court', 'caseworker'],
  COURT_DECISION_RECORDED: ['court', 'caseworker'],
  COURT_DECREE_ATTACHED: ['court', 'caseworker'],
  COURT_RETURN_ORDERED: ['court', 'caseworker'],
  RISK_CHECK_PRE_RETURN_PROCEED: ['caseworker', 'supervisor'],
  CAREGIVER_ACCEPTANCE: ['caseworker', 'field_officer'],
  TRAVEL_DOCUMENTS_READY: ['caseworker'],
  RISK_CHECK_CONSULAR_CONTACT: ['caseworker', 'supervisor'],
  FIT_TO_TRAVEL: ['caseworker'],
  ESCORT_ASSIGNED: ['caseworker', 'supervisor'],
  REINTEGRATION_PLAN_APPROVED: ['supervisor'],
  RECEIVING_MISSION_ASSIGNED: ['caseworker'],
  DEPARTURE_BEFORE_18: ['caseworker', 'court'],
  HANDOVER_PROTOCOL_SIGNED: ['field_officer', 'caseworker'],
  ARRIVAL_CONFIRMED: ['field_officer', 'caseworker'],
  MONITORING_SCHEDULED: ['field_officer', 'caseworker'],
  ASSISTANCE_DELIVERED: ['field_officer', 'caseworker'],
  MONITORING_COMPLETED: ['field_officer', 'caseworker'],
  MONITORING_CONCERNS_RESOLVED: ['supervisor'],
};

export interface TransitionDef {
  id: string;
  from: readonly CaseState[];
  to: CaseState;
  // Roles that may fire it; a supervisor-only transition is how approvals are enforced.
  roles: readonly Role[];
  guards: readonly GuardCode[];
  // Part of domain.md §4 it implements.
  ref: string;
}

export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !CLOSED_STATES.includes(s) && s !== 'ON_HOLD');
const STAFF = ['caseworker', 'supervisor'] as const;
// The outcomes of tracing that end in a non-location note rather than a family assessment.
export const NON_LOCATION_STATES: readonly CaseState[] = ['NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED'];

// Part 2 (domain.md §4 transitions 14–21): the durable solution by return. IOM provides evidence;
// the juvenile court decides (L. 47/2017 art. 8): no travel step without a recorded decision
// ordering the return with its decree attached.
const PART_2: readonly TransitionDef[] = [
  {
    id: 'request_avr',
    from: ['AWAITING_SOLUTION'],
    to: 'AVR_REQUESTED',
    roles: STAFF,
    guards: ['AVR_MINOR_REQUEST', 'AVR_GUARDIAN_CONSENT', 'FAMILY_ASSESSMENT_RELEASED'],
    ref: '§4 #14, §8 rule 4',
  },
  { id: 'start_counselling', from: ['AVR_REQUESTED'], to: 'AVR_COUNSELLING', roles: STAFF, guards: [], ref: '§4 #15' },
  {
    id: 'file_with_court',
    from: ['AVR_COUNSELLING'],
    to: 'COURT_PENDING',
    roles: STAFF,
    guards: ['COUNSELLING_RECORDED', 'REINTEGRATION_PLAN_DRAFTED', 'COURT_PROCEEDING_FILED', 'COURT_FILE_COMPLETE'],
    ref: '§4 #15–16, L. 47/2017 art. 8',
  },
  {
    id: 'record_return_ordered',
    from: ['COURT_PENDING'],
    to: 'COURT_APPROVED',
    roles: STAFF,
    guards: ['MINOR_AND_GUARDIAN_HEARD', 'COURT_DECISION_RECORDED', 'COURT_DECREE_ATTACHED'],
    ref: '§4 #17, L. 47/2017 art. 8',
  },
  { id: 'record_return_rejected', from: ['COURT_PENDING'], to: 'COURT_REJECTED', roles: STAFF, guards: ['COURT_DECISION_RECORDED', 'COURT_DECREE_ATTACHED'], ref: '§4 #17' },
  { id: 'close_after_rejection', from: ['COURT_REJECTED'], to: 'CLOSED_LOCAL_SOLUTION', roles: STAFF, guards: ['DURABLE_SOLUTION_RECORDED'], ref: '§4 #17, §3.9' },
  {
    id: 'approve_avr_plan',
    from: ['COURT_APPROVED'],
    to: 'AVR_PREPARATION',
    roles: ['supervisor'],
    guards: [
      'COURT_RETURN_ORDERED',
      'RISK_CHECK_PRE_RETURN_PROCEED',
      'CAREGIVER_ACCEPTANCE',
      'TRAVEL_DOCUMENTS_READY',
      'RISK_CHECK_CONSULAR_CONTACT',
      'FIT_TO_TRAVEL',
      'ESCORT_ASSIGNED',
      'REINTEGRATION_PLAN_APPROVED',
      'RECEIVING_MISSION_ASSIGNED',
      'DEPARTURE_BEFORE_18',
    ],
    ref: '§4 #18, §3.10; UN Alternative Care Guidelines §§148, 150',
  },
  {
    id: 'depart',
    from: ['AVR_PREPARATION'],
    to: 'IN_TRANSIT',
    roles: STAFF,
    guards: ['COURT_RETURN_ORDERED', 'RISK_CHECK_PRE_RETURN_PROCEED', 'ESCORT_ASSIGNED', 'DEPARTURE_BEFORE_18'],
    ref: '§4 #19',
  },
  { id: 'confirm_handover', from: ['IN_TRANSIT'], to: 'HANDED_OVER', roles: ['field_officer', ...STAFF], guards: ['HANDOVER_PROTOCOL_SIGNED', 'ARRIVAL_CONFIRMED'], ref: '§4 #19' },
  { id: 'start_reintegration', from: ['HANDED_OVER'], to: 'REINTEGRATION', roles: STAFF, guards: ['MONITORING_SCHEDULED'], ref: '§4 #20' },
  { id: 'start_monitoring', from: ['REINTEGRATION'], to: 'MONITORING', roles: STAFF, guards: ['ASSISTANCE_DELIVERED'], ref: '§4 #20' },
  {
    id: 'close_reintegrated',
    from: ['MONITORING'],
    to: 'CLOSED_REINTEGRATED',
    roles: ['supervisor'],
    guards: ['MONITORING_COMPLETED', 'MONITORING_CONCERNS_RESOLVED', 'DURABLE_SOLUTION_RECORDED'],
    ref: '§4 #21, §3.9',
  },
];

// Part 1 of the workflow (intake to the report and a local solution) plus the cross-cutting
// transitions, then part 2 (durable solution by return, the court, AVR, reintegration).
export const TRANSITIONS: readonly TransitionDef[] = [
  { id: 'start_screening', from: ['RECEIVED'], to: 'SCREENING', roles: STAFF, guards: [], ref: '§4 #2' },
  { id: 'reject', from: ['SCREENING'], to: 'REJECTED', roles: ['supervisor'], guards: ['REASON_GIVEN'], ref: '§4 #3' },
  { id: 'request_info', from: ['SCREENING'], to: 'INFO_REQUESTED', roles: STAFF, guards: ['REASON_GIVEN'], ref: '§4 #4' },
  { id: 'info_received', from: ['INFO_REQUESTED'], to: 'SCREENING', roles: STAFF, guards: [], ref: '§4 #4' },
  {
    id: 'approve_tracing',
    from: ['SCREENING'],
    to: 'READY_FOR_TRACING',
    roles: ['supervisor'],
    guards: ['MINOR_CONSENT_TRACING', 'RISK_CHECK_PRE_TRACING_PROCEED'],
    ref: '§4 #5, §8 rules 2 and 4',
  },
  { id: 'start_tracing', from: ['READY_FOR_TRACING'], to: 'TRACING_IN_PROGRESS', roles: STAFF, guards: ['TRACING_REQUEST_SENT'], ref: '§4 #6' },
  {
    id: 'confirm_located',
    from: ['TRACING_IN_PROGRESS'],
    to: 'FAMILY_LOCATED',
    roles: STAFF,
    guards: ['TRACING_OUTCOME_RECORDED', 'CONTACT_ATTEMPT_LOGGED'],
    ref: '§4 #7',
  },
  {
    id: 'confirm_not_located',
    from: ['TRACING_IN_PROGRESS'],
    to: 'NOT_LOCATED',
    roles: STAFF,
    guards: ['TRACING_OUTCOME_RECORDED', 'CONTACT_ATTEMPT_LOGGED'],
    ref: '§4 #7',
  },
  {
    id: 'confirm_refused',
    from: ['TRACING_IN_PROGRESS'],
    to: 'FAMILY_REFUSED',
    roles: STAFF,
    guards: ['TRACING_OUTCOME_RECORDED', 'CONTACT_ATTEMPT_LOGGED'],
    ref: '§4 #7',
  },
  { id: 'confirm_unsafe', from: ['TRACING_IN_PROGRESS'], to: 'UNSAFE', roles: STAFF, guards: ['RISK_CHECK_UNSAFE'], ref: '§4 #7' },
  {
    id: 'assessment_done',
    from: ['FAMILY_LOCATED'],
    to: 'ASSESSMENT_DONE',
    roles: ['field_officer', ...STAFF],
    guards: ['FAMILY_CONSENT_INTERVIEW', 'ASSESSMENT_RECORDED'],
    ref: '§4 #8',
  },
  { id: 'start_report', from: ['ASSESSMENT_DONE', ...NON_LOCATION_STATES], to: 'REPORT_DRAFTING', roles: STAFF, guards: [], ref: '§4 #9, §5' },
  // The report transitions follow the report's own version (server/src/reports): the report
  // endpoints change the version and fire these in the same transaction. The REPORT_* guards hold
  // only once the version has moved, so the generic transitions endpoint cannot move the case
  // ahead of (or away from) its report.
  { id: 'submit_for_qa', from: ['REPORT_DRAFTING'], to: 'REPORT_QA', roles: STAFF, guards: ['REPORT_DRAFT_READY', 'REPORT_SUBMITTED'], ref: '§4 #9' },
  { id: 'return_to_drafting', from: ['REPORT_QA'], to: 'REPORT_DRAFTING', roles: ['supervisor'], guards: ['REASON_GIVEN', 'REPORT_RETURNED'], ref: '§4 #10' },
  { id: 'approve_report', from: ['REPORT_QA'], to: 'REPORT_APPROVED', roles: ['supervisor'], guards: ['REPORT_QA_PASSED', 'REPORT_VERSION_APPROVED'], ref: '§4 #10' },
  {
    id: 'release_report',
    from: ['REPORT_APPROVED'],
    to: 'REPORT_SENT',
    roles: STAFF,
    guards: ['FAMILY_CONSENT_SHARING', 'REPORT_RELEASED'],
    ref: '§4 #11, §8 rules 4 and 7',
  },
  { id: 'await_solution', from: ['REPORT_SENT'], to: 'AWAITING_SOLUTION', roles: STAFF, guards: [], ref: '§4 #12' },
  { id: 'close_local_solution', from: ['AWAITING_SOLUTION'], to: 'CLOSED_LOCAL_SOLUTION', roles: STAFF, guards: ['DURABLE_SOLUTION_RECORDED'], ref: '§4 #13' },
  { id: 'put_on_hold', from: OPEN_STATES, to: 'ON_HOLD', roles: STAFF, guards: ['REASON_GIVEN'], ref: '§4 X1' },
  { id: 'withdraw', from: [...OPEN_STATES, 'ON_HOLD'], to: 'WITHDRAWN', roles: STAFF, guards: ['CONSENT_WITHDRAWN'], ref: '§4 X2, §8 rule 4' },
  { id: 'age_out', from: [...OPEN_STATES, 'ON_HOLD'], to: 'AGED_OUT', roles: ['supervisor'], guards: ['EIGHTEENTH_BIRTHDAY_REACHED', 'NO_PROSIEGUO'], ref: '§4 X3' },
  ...PART_2,
];

// Leaving ON_HOLD returns to the state the case was in; reopening a closed case goes back to
// screening. Both are resolved by the server from the case history, not from this table.
export const RESUME: TransitionDef = { id: 'resume', from: ['ON_HOLD'], to: 'SCREENING', roles: STAFF, guards: ['REASON_GIVEN'], ref: '§4 X1' };
export const REOPEN: TransitionDef = {
  id: 'reopen',
  from: CLOSED_STATES.filter((s) => s !== 'AGED_OUT'),
  to: 'SCREENING',
  roles: ['supervisor'],
  guards: ['REASON_GIVEN'],
  ref: '§4 X4',
};

export function transitionsFrom(state: CaseState): TransitionDef[] {
  const list = TRANSITIONS.filter((t) => t.from.includes(state));
  if (RESUME.from.includes(state)) list.push(RESUME);
  if (REOPEN.from.includes(state)) list.push(REOPEN);
  return list;
}

// The transition that moves a case from `from` to `to`, if the table has one. ON_HOLD may resume
// to any open state (the one it left); a closed case reopens to SCREENING.
export function findTransition(from: CaseState, to: CaseState): TransitionDef | undefined {
  if (from === 'ON_HOLD' && OPEN_STATES.includes(to)) return { ...RESUME, to };
  return transitionsFrom(from).find((t) => t.to === to);
}
