import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common';
import { TaskSourceSchema } from './tasks';
import { CaseStateSchema } from './workflow';

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
