import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { DocumentMediaTypeSchema, type DocumentType } from '../documents';
import { HandoverSchema } from './handover';
import { MonitoringVisitSchema } from './monitoring';
import { AssistanceItemSchema, ReintegrationObjectiveSchema } from './plan';

// ---------------------------------------------------------------------------------------------
// The receiving mission's view (field officer): its returned minors, their reintegration plan and
// monitoring schedule. Built by an allow-list: never the minor's location in Italy, legal or
// protection status, health notes, court files or IOM's internal notes.

export const FieldReturnSummarySchema = z.object({
  caseId: IdSchema,
  caseNumber: z.string(),
  state: z.string(),
  minor: z.object({ firstName: z.string(), lastName: z.string(), sex: z.enum(['M', 'F', 'X']), nationality: z.string(), dateOfBirth: IsoDateSchema.nullable() }),
  plannedDeparture: IsoDateTimeSchema.nullable(),
  handedOverAt: IsoDateTimeSchema.nullable(),
  nextVisitOn: IsoDateSchema.nullable(),
});
export type FieldReturnSummary = z.infer<typeof FieldReturnSummarySchema>;
export const FieldReturnListSchema = z.object({ items: z.array(FieldReturnSummarySchema) });
export type FieldReturnList = z.infer<typeof FieldReturnListSchema>;

export const FieldReintegrationPlanSchema = z.object({
  needsAndSkills: z.string(),
  familySituation: z.string(),
  objectives: z.array(ReintegrationObjectiveSchema),
  assistanceItems: z.array(AssistanceItemSchema),
  approved: z.boolean(),
});
export type FieldReintegrationPlan = z.infer<typeof FieldReintegrationPlanSchema>;

// The documents of a returned minor the mission may open (GET /api/field/returns/:caseId/documents/
// :documentId): of these types only, and only what the mission uploaded itself or the protocol its
// hand-over names. Never a document of IOM Rome, the court or the Italian authorities.
export const FIELD_RETURN_DOCUMENT_TYPES = ['HANDOVER_PROTOCOL', 'MONITORING_REPORT', 'CONSENT'] as const satisfies readonly DocumentType[];
export const FieldReturnDocumentSchema = z.object({
  id: IdSchema,
  type: z.enum(FIELD_RETURN_DOCUMENT_TYPES),
  title: z.string(),
  language: z.string(),
  fileName: z.string(),
  mediaType: DocumentMediaTypeSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: IsoDateTimeSchema,
});
export type FieldReturnDocument = z.infer<typeof FieldReturnDocumentSchema>;

export const FieldReturnDetailSchema = FieldReturnSummarySchema.extend({
  receivingCaregiver: z.object({ name: z.string(), relationship: z.string() }).nullable(),
  airportCollection: z.boolean().nullable(),
  escort: z.object({ name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  itinerary: z.string().nullable(),
  reintegrationPlan: FieldReintegrationPlanSchema.nullable(),
  handover: HandoverSchema.nullable(),
  monitoringVisits: z.array(MonitoringVisitSchema),
  // What the mission may download (newest first).
  documents: z.array(FieldReturnDocumentSchema),
  // Whether the mission may still record (hand-over, visits, assistance).
  writable: z.boolean(),
});
export type FieldReturnDetail = z.infer<typeof FieldReturnDetailSchema>;
