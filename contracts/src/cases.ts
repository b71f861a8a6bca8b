import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import { CaseStateSchema } from './workflow';

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

export const CaseDetailSchema = CaseSummarySchema.extend({
  version: z.number().int(),
  channel: ChannelSchema,
  requestDate: IsoDateSchema,
  createdAt: IsoDateTimeSchema,
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
