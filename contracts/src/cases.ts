import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import { RoleSchema } from './roles';
import { CaseStateSchema } from './workflow';
import { GUARD_CODES } from './workflow-machine';

export const GuardCodeSchema = z.enum(GUARD_CODES);

export const SexSchema = z.enum(['M', 'F', 'X']);
export const PrioritySchema = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
export const ChannelSchema = z.enum(['DG_MLPS', 'ART19_7BIS_GUARDIAN', 'OTHER']);

export const MinorSummarySchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  sex: SexSchema,
  nationality: z.string(),
  dateOfBirth: IsoDateSchema.nullable(),
});
export type MinorSummary = z.infer<typeof MinorSummarySchema>;

export const CaseSummarySchema = z.object({
  id: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  priority: PrioritySchema,
  minor: MinorSummarySchema,
  updatedAt: IsoDateTimeSchema,
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListQuerySchema = CursorQuerySchema.extend({
  state: CaseStateSchema.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
export const CasePageSchema = pageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const AvailableTransitionSchema = z.object({
  id: z.string(),
  to: CaseStateSchema,
  // False when another role must fire it (a supervisor's approval, say).
  allowedForYou: z.boolean(),
  firedBy: z.array(RoleSchema),
  needsReason: z.boolean(),
  unmet: z.array(z.object({ code: GuardCodeSchema, message: z.string(), suppliedBy: z.array(RoleSchema) })),
});
export type AvailableTransition = z.infer<typeof AvailableTransitionSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  version: z.number().int(),
  channel: ChannelSchema,
  requestDate: IsoDateSchema,
  createdAt: IsoDateTimeSchema,
  transitions: z.array(AvailableTransitionSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const TransitionRequestSchema = z.strictObject({
  to: CaseStateSchema,
  reason: z.string().trim().min(3).max(2000).optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;
