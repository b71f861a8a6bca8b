import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateTimeSchema, pageOf } from './common';
import type { CaseState } from './workflow';

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
