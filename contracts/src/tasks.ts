import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import { CaseStateSchema, type CaseState } from './workflow';
import { OPEN_STATES } from './workflow-machine';

// Tasks and deadlines (domain.md §3.16, §9). Rule tasks are derived from the case by the server
// (recomputed in every transition and by a periodic sweep for time-based rules); manual tasks are
// written by staff.

export const TaskSourceSchema = z.enum(['STATUTORY', 'SLA', 'COURT', 'MANUAL']);
export type TaskSource = z.infer<typeof TaskSourceSchema>;
export const TaskStatusSchema = z.enum(['OPEN', 'DONE', 'CANCELLED']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export const TaskOwnerRoleSchema = z.enum(['caseworker', 'supervisor']);
export type TaskOwnerRole = z.infer<typeof TaskOwnerRoleSchema>;

// Facts about a case that a rule can ask for (evaluated by the server from the case file).
export const TASK_CONDITIONS = [
  // The minor's consent to tracing and a PRE_TRACING risk check allowing to proceed are recorded.
  'TRACING_PRECONDITIONS_RECORDED',
  // ...and the risk check is approved: the case is ready for the supervisor's approve_tracing.
  'TRACING_PRECONDITIONS_MET',
  // The latest PRE_TRACING risk check waits for a supervisor's approval.
  'PRE_TRACING_RISK_CHECK_AWAITING_APPROVAL',
  // A tracing request is with a mission (SENT or IN_PROGRESS).
  'TRACING_REQUEST_OPEN',
  // The mission has recorded an outcome on the current tracing request.
  'TRACING_OUTCOME_RECORDED',
  // A court-ordered continuation of support (prosieguo, L. 47/2017 art. 13) runs past today.
  'PROSIEGUO_RECORDED',
  // Part 2: a hearing of the case's proceeding is scheduled and not yet held.
  'HEARING_SCHEDULED',
  // A monitoring visit is planned and not yet recorded (or cancelled).
  'MONITORING_VISIT_PENDING',
  // A protection concern found at a monitoring visit was escalated and is not resolved.
  'MONITORING_CONCERN_ESCALATED',
] as const;
export type TaskCondition = (typeof TASK_CONDITIONS)[number];

// What a rule's due date counts from.
export type TaskAnchor =
  // When the case entered the rule's window of states (the latest move into one of `states` from
  // a state outside them; a return from QA or a resume from hold restarts the clock).
  | 'STATE_ENTERED'
  // When the rule's `when` condition was first seen to hold (kept while the task stays open).
  | 'CONDITION_MET'
  // When the latest PRE_TRACING risk check was recorded.
  | 'RISK_CHECK_RECORDED'
  // The open tracing request's own due date (tracing_requests.due_at).
  | 'TRACING_REQUEST_DUE'
  // The minor's 18th birthday (date of birth + 18 years; 29 February gives 28 February).
  | 'EIGHTEENTH_BIRTHDAY'
  // The 18th birthday, or the end of an expired prosieguo, whichever is later.
  | 'AGE_OUT_DATE'
  // The earliest scheduled hearing not yet held.
  | 'NEXT_HEARING'
  // The planned date of the earliest pending monitoring visit.
  | 'NEXT_MONITORING_VISIT';

export interface TaskRule {
  // Stable id, stored in tasks.rule (unique per case).
  id: string;
  // i18n key for the client; `title` is the English default stored with the task.
  titleKey: string;
  title: string;
  source: TaskSource;
  // Legal or internal reference shown with the task.
  legalRef: string;
  ownerRole: TaskOwnerRole;
  // Case states in which the rule applies.
  states: readonly CaseState[];
  // Further condition for the task to exist.
  when?: TaskCondition;
  // The task is DONE once this holds, even while the case is still in one of `states`.
  doneWhen?: TaskCondition;
  anchor: TaskAnchor;
  // Offset from the anchor; working days skip Saturdays and Sundays (public holidays are not
  // modelled).
  offsetDays: number;
  workingDays?: boolean;
  // 18th-birthday alerts: the task exists while the days left to the birthday are in this range
  // (inclusive). The next alert supersedes the previous one.
  daysLeft?: { max: number; min: number };
  // What an open task becomes when the rule stops applying without its `doneWhen` (default DONE:
  // the case moved on). Closed cases cancel every open task; a case put on hold cancels its
  // state-bound tasks (they come back, with a fresh clock, when it resumes).
  onLeave?: 'DONE' | 'CANCELLED';
}

const STILL_MINOR: readonly CaseState[] = [...OPEN_STATES, 'ON_HOLD'];
// Part 2: before the minor leaves Italy, and after the hand-over.
const BEFORE_DEPARTURE: readonly CaseState[] = ['AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION'];
const RETURNED: readonly CaseState[] = ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
const NON_LOCATION: readonly CaseState[] = ['NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED'];

// The 18th-birthday alerts (domain.md §4 X3, §9). Each opens N days before the birthday and gives
// way to the next; a recorded prosieguo completes them. Where the date of birth is a default
// 1 January (dob_is_default_jan1) the task detail says so: the real birthday is unknown.
export const AGE_ALERT_DAYS = [180, 90, 30] as const;
const AGE_LEGAL_REF = 'L. 47/2017 art. 13 (prosieguo up to 21 by TM decree); domain §4 X3: alerts at −180/−90/−30 days';
const ageAlert = (days: number, next: number): TaskRule => ({
  id: `age18_alert_${days}`,
  titleKey: `dashboard.taskRules.age18_alert_${days}`,
  title: `The minor turns 18 within ${days} days: plan the transition or request a prosieguo`,
  source: 'STATUTORY',
  legalRef: AGE_LEGAL_REF,
  ownerRole: 'caseworker',
  states: STILL_MINOR,
  doneWhen: 'PROSIEGUO_RECORDED',
  anchor: 'EIGHTEENTH_BIRTHDAY',
  offsetDays: 0,
  daysLeft: { max: days, min: next + 1 },
  onLeave: 'CANCELLED',
});

// The configurable deadline table. SLA figures are internal defaults (domain.md §9: no statutory
// term exists for IF or AVR completion); change them here.
export const TASK_RULES: readonly TaskRule[] = [
  {
    id: 'screening_sla',
    titleKey: 'dashboard.taskRules.screening_sla',
    title: 'Start screening the request',
    source: 'SLA',
    legalRef: 'domain §4 #2: internal SLA, 5 working days from receipt',
    ownerRole: 'caseworker',
    states: ['RECEIVED'],
    anchor: 'STATE_ENTERED',
    offsetDays: 5,
    workingDays: true,
  },
  {
    id: 'info_request_follow_up',
    titleKey: 'dashboard.taskRules.info_request_follow_up',
    title: 'Chase the missing information (family details, consent or questions)',
    source: 'SLA',
    legalRef: 'domain §4 #4: reminder',
    ownerRole: 'caseworker',
    states: ['INFO_REQUESTED'],
    anchor: 'STATE_ENTERED',
    offsetDays: 10,
  },
  {
    id: 'consent_and_risk_check',
    titleKey: 'dashboard.taskRules.consent_and_risk_check',
    title: "Record the minor's informed consent and the pre-tracing risk check",
    source: 'STATUTORY',
    legalRef: 'd.lgs. 142/2015 art. 19 c. 7-bis (consent, no risk); domain §8 rules 2 and 4',
    ownerRole: 'caseworker',
    states: ['SCREENING'],
    doneWhen: 'TRACING_PRECONDITIONS_RECORDED',
    anchor: 'STATE_ENTERED',
    offsetDays: 10,
    workingDays: true,
  },
  {
    id: 'risk_check_approval',
    titleKey: 'dashboard.taskRules.risk_check_approval',
    title: 'Approve the pre-tracing risk check',
    source: 'SLA',
    legalRef: 'domain §3.14, §8 rule 2: internal SLA, 2 working days',
    ownerRole: 'supervisor',
    states: ['SCREENING', 'INFO_REQUESTED'],
    when: 'PRE_TRACING_RISK_CHECK_AWAITING_APPROVAL',
    anchor: 'RISK_CHECK_RECORDED',
    offsetDays: 2,
    workingDays: true,
  },
  {
    id: 'tracing_approval',
    titleKey: 'dashboard.taskRules.tracing_approval',
    title: 'Approve the case for tracing',
    source: 'SLA',
    legalRef: 'domain §4 #5: supervisor approval, internal SLA 2 working days',
    ownerRole: 'supervisor',
    states: ['SCREENING'],
    when: 'TRACING_PRECONDITIONS_MET',
    anchor: 'CONDITION_MET',
    offsetDays: 2,
    workingDays: true,
  },
  {
    id: 'send_tracing_request',
    titleKey: 'dashboard.taskRules.send_tracing_request',
    title: 'Send the tracing packet to the mission',
    source: 'SLA',
    legalRef: 'domain §4 #6: internal SLA, 5 working days',
    ownerRole: 'caseworker',
    states: ['READY_FOR_TRACING'],
    anchor: 'STATE_ENTERED',
    offsetDays: 5,
    workingDays: true,
  },
  {
    id: 'tracing_response',
    titleKey: 'dashboard.taskRules.tracing_response',
    title: "The mission's answer to the tracing request is due: follow up",
    source: 'SLA',
    legalRef: 'domain §3.5, §4 #6: mission SLA (tracing_requests.due_at; no official term)',
    ownerRole: 'caseworker',
    states: ['TRACING_IN_PROGRESS'],
    when: 'TRACING_REQUEST_OPEN',
    doneWhen: 'TRACING_OUTCOME_RECORDED',
    anchor: 'TRACING_REQUEST_DUE',
    offsetDays: 0,
  },
  {
    id: 'confirm_tracing_outcome',
    titleKey: 'dashboard.taskRules.confirm_tracing_outcome',
    title: "Confirm the mission's tracing outcome",
    source: 'SLA',
    legalRef: 'domain §4 #7: field officer proposes, caseworker confirms',
    ownerRole: 'caseworker',
    states: ['TRACING_IN_PROGRESS'],
    when: 'TRACING_OUTCOME_RECORDED',
    anchor: 'CONDITION_MET',
    offsetDays: 3,
    workingDays: true,
  },
  {
    id: 'family_assessment',
    titleKey: 'dashboard.taskRules.family_assessment',
    title: 'Obtain the family assessment from the mission',
    source: 'SLA',
    legalRef: 'domain §4 #8: internal SLA, 30 days',
    ownerRole: 'caseworker',
    states: ['FAMILY_LOCATED'],
    anchor: 'STATE_ENTERED',
    offsetDays: 30,
  },
  {
    id: 'report_drafting',
    titleKey: 'dashboard.taskRules.report_drafting',
    title: 'Draft the report (family assessment or non-location note) and submit it for QA',
    source: 'SLA',
    legalRef: 'domain §4 #9, §5: internal SLA, 15 days',
    ownerRole: 'caseworker',
    states: ['ASSESSMENT_DONE', ...NON_LOCATION, 'REPORT_DRAFTING'],
    anchor: 'STATE_ENTERED',
    offsetDays: 15,
  },
  {
    id: 'report_qa',
    titleKey: 'dashboard.taskRules.report_qa',
    title: 'Quality-check the report (translation, redaction)',
    source: 'SLA',
    legalRef: 'domain §3.6 qa_by, §4 #9: internal SLA, 3 working days',
    ownerRole: 'caseworker',
    states: ['REPORT_QA'],
    anchor: 'STATE_ENTERED',
    offsetDays: 3,
    workingDays: true,
  },
  {
    id: 'report_approval',
    titleKey: 'dashboard.taskRules.report_approval',
    title: 'Approve the report for release',
    source: 'SLA',
    legalRef: 'domain §4 #10: supervisor approval, internal SLA 5 working days',
    ownerRole: 'supervisor',
    states: ['REPORT_QA'],
    anchor: 'STATE_ENTERED',
    offsetDays: 5,
    workingDays: true,
  },
  {
    id: 'report_release',
    titleKey: 'dashboard.taskRules.report_release',
    title: 'Release the approved report to the recipients (disclosure register)',
    source: 'SLA',
    legalRef: 'domain §4 #11, §8 rule 7: internal SLA, 5 working days',
    ownerRole: 'caseworker',
    states: ['REPORT_APPROVED'],
    anchor: 'STATE_ENTERED',
    offsetDays: 5,
    workingDays: true,
  },
  {
    id: 'solution_follow_up',
    titleKey: 'dashboard.taskRules.solution_follow_up',
    title: 'Follow up on the durable-solution decision',
    source: 'SLA',
    legalRef: 'domain §4 #12: follow-up at +30 days',
    ownerRole: 'caseworker',
    states: ['AWAITING_SOLUTION'],
    anchor: 'STATE_ENTERED',
    offsetDays: 30,
  },
  {
    id: 'arrival_confirmation',
    titleKey: 'dashboard.taskRules.arrival_confirmation',
    title: "Confirm the minor's arrival and hand-over",
    source: 'SLA',
    legalRef: 'domain §4 #19: arrival confirmation within 24 hours',
    ownerRole: 'caseworker',
    states: ['IN_TRANSIT'],
    anchor: 'STATE_ENTERED',
    offsetDays: 1,
  },
  {
    id: 'on_hold_review',
    titleKey: 'dashboard.taskRules.on_hold_review',
    title: 'Review the case on hold',
    source: 'SLA',
    legalRef: 'domain §4 X1: review every 30 days',
    ownerRole: 'caseworker',
    states: ['ON_HOLD'],
    anchor: 'STATE_ENTERED',
    offsetDays: 30,
  },
  {
    id: 'court_hearing',
    titleKey: 'dashboard.taskRules.court_hearing',
    title: 'Hearing before the juvenile court: make sure the minor, the guardian and an interpreter attend',
    source: 'COURT',
    legalRef: 'L. 47/2017 art. 8 (the court hears the minor and the guardian); domain §4 #16: hearing date as a task',
    ownerRole: 'caseworker',
    states: ['COURT_PENDING'],
    when: 'HEARING_SCHEDULED',
    anchor: 'NEXT_HEARING',
    offsetDays: 0,
  },
  {
    id: 'avr_departure_before_18',
    titleKey: 'dashboard.taskRules.avr_departure_before_18',
    title: 'The return must take place before the 18th birthday: plan the departure, or record a prosieguo from the court',
    source: 'STATUTORY',
    legalRef: 'domain §4 #14 and #18: departure before the 18th birthday (else adult AVRR schemes); L. 47/2017 art. 13',
    ownerRole: 'caseworker',
    states: BEFORE_DEPARTURE,
    doneWhen: 'PROSIEGUO_RECORDED',
    anchor: 'EIGHTEENTH_BIRTHDAY',
    // Departure at least 30 days before the birthday leaves room for a delayed flight.
    offsetDays: -30,
    daysLeft: { max: 180, min: Number.NEGATIVE_INFINITY },
    onLeave: 'DONE',
  },
  {
    id: 'monitoring_visit_due',
    titleKey: 'dashboard.taskRules.monitoring_visit_due',
    title: 'A post-return monitoring visit is due: make sure the mission visits and reports',
    source: 'SLA',
    legalRef: 'domain §3.12, §9: monitoring at +1, +3 and +6 months after hand-over (at least 6 months)',
    ownerRole: 'caseworker',
    states: RETURNED,
    when: 'MONITORING_VISIT_PENDING',
    anchor: 'NEXT_MONITORING_VISIT',
    offsetDays: 0,
  },
  {
    id: 'monitoring_concern_review',
    titleKey: 'dashboard.taskRules.monitoring_concern_review',
    title: 'A protection concern was escalated at a monitoring visit: follow it up with the mission',
    source: 'SLA',
    legalRef: 'domain §3.12 escalation (referral to child protection in the country of origin): internal SLA, 2 working days',
    ownerRole: 'supervisor',
    states: RETURNED,
    when: 'MONITORING_CONCERN_ESCALATED',
    anchor: 'CONDITION_MET',
    offsetDays: 2,
    workingDays: true,
  },
  ageAlert(180, 90),
  ageAlert(90, 30),
  ageAlert(30, 0),
  {
    id: 'aged_out_check',
    titleKey: 'dashboard.taskRules.aged_out_check',
    title: 'The minor has turned 18 without a prosieguo: decide on closing the case as AGED_OUT',
    source: 'STATUTORY',
    legalRef: AGE_LEGAL_REF,
    ownerRole: 'supervisor',
    states: STILL_MINOR,
    doneWhen: 'PROSIEGUO_RECORDED',
    anchor: 'AGE_OUT_DATE',
    offsetDays: 0,
    daysLeft: { max: 0, min: Number.NEGATIVE_INFINITY },
  },
];

export const TASK_RULE_IDS = TASK_RULES.map((r) => r.id);
export const MANUAL_RULE_PREFIX = 'manual:';

export const TaskSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  minor: z.object({ firstName: z.string(), lastName: z.string() }),
  // A rule id from TASK_RULES, or "manual:<id>".
  rule: z.string(),
  titleKey: z.string().nullable(),
  title: z.string(),
  dueAt: IsoDateTimeSchema,
  source: TaskSourceSchema,
  legalRef: z.string().nullable(),
  ownerRole: TaskOwnerRoleSchema,
  status: TaskStatusSchema,
  overdue: z.boolean(),
  // Rule-specific facts, e.g. { eighteenthBirthday, dobIsDefaultJan1 } for the 18th-birthday alerts.
  detail: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskListQuerySchema = CursorQuerySchema.extend({
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  // overdue: due before now; week: due from now to 7 days ahead.
  due: z.enum(['overdue', 'week', 'all']).default('all'),
  // mine: tasks owned by the caller's role; any: every task on the caller's visible cases.
  owner: z.enum(['mine', 'any']).default('mine'),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;
export const TaskPageSchema = pageOf(TaskSchema);
export type TaskPage = z.infer<typeof TaskPageSchema>;
export const CaseTaskListSchema = z.object({ items: z.array(TaskSchema) });
export type CaseTaskList = z.infer<typeof CaseTaskListSchema>;

export const CreateTaskSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  dueAt: IsoDateTimeSchema,
  ownerRole: TaskOwnerRoleSchema.optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskSchema>;

// Dashboard (caseworker, supervisor).
export const DASHBOARD_LIST_LIMIT = 10;

export const DashboardTaskSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  minor: z.object({ firstName: z.string(), lastName: z.string() }),
  rule: z.string(),
  titleKey: z.string().nullable(),
  title: z.string(),
  dueAt: IsoDateTimeSchema,
  source: TaskSourceSchema,
});
export type DashboardTask = z.infer<typeof DashboardTaskSchema>;

export const TurningEighteenSchema = z.object({
  caseId: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  minorId: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: IsoDateSchema,
  dobIsDefaultJan1: z.boolean(),
  eighteenthBirthday: IsoDateSchema,
  daysLeft: z.number().int(),
  prosieguoUntil: IsoDateSchema.nullable(),
});
export type TurningEighteen = z.infer<typeof TurningEighteenSchema>;
const bucket = <T extends z.ZodType>(item: T) => z.object({ count: z.number().int(), items: z.array(item) });

export const ApprovalKindSchema = z.enum(['RISK_CHECK', 'TRACING_APPROVAL', 'REPORT_APPROVAL', 'REPORT_QA']);
export const ApprovalItemSchema = z.object({
  kind: ApprovalKindSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  minor: z.object({ firstName: z.string(), lastName: z.string() }),
  // The risk check to approve (RISK_CHECK items).
  riskCheckId: IdSchema.nullable(),
  // Since when it has been waiting.
  since: IsoDateTimeSchema,
});
export type ApprovalItem = z.infer<typeof ApprovalItemSchema>;

export const DashboardSchema = z.object({
  generatedAt: IsoDateTimeSchema,
  // The caller's open cases (ON_HOLD included; closed ones are the archive), by state: each count
  // equals what GET /api/cases?state=… lists.
  casesByState: z.array(z.object({ state: CaseStateSchema, count: z.number().int() })),
  openCases: z.number().int(),
  tasks: z.object({
    overdue: bucket(DashboardTaskSchema),
    dueThisWeek: bucket(DashboardTaskSchema),
  }),
  // Open cases whose minor turns 18 soon, by days left: 0–30, 31–90, 91–180; `reached`: already
  // 18 with no running prosieguo (the AGED_OUT decision is due).
  turningEighteen: z.object({
    within30: bucket(TurningEighteenSchema),
    within90: bucket(TurningEighteenSchema),
    within180: bucket(TurningEighteenSchema),
    reached: bucket(TurningEighteenSchema),
  }),
  approvals: bucket(ApprovalItemSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
