import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { Language, Name, Text, required } from './shared';

// ---------------------------------------------------------------------------------------------
// The juvenile court (§3.8; L. 47/2017 art. 8 and art. 13). IOM records the proceeding's filing;
// the court's clerks (role court, through a live `court` grant of their own court) schedule and
// record hearings, upload decrees and record decisions; so can IOM staff from the decree received.

export const CourtProceedingKindSchema = z.enum(['AVR_ART8', 'PROSIEGUO_ART13']);
export type CourtProceedingKind = z.infer<typeof CourtProceedingKindSchema>;
export const CourtFilerSchema = z.enum(['GUARDIAN', 'SOCIAL_SERVICES', 'PROCURA', 'OTHER']);
export type CourtFiler = z.infer<typeof CourtFilerSchema>;
export const CourtDecisionOutcomeSchema = z.enum(['RETURN_ORDERED', 'RETURN_REJECTED', 'PROSIEGUO_GRANTED', 'PROSIEGUO_REJECTED']);
export type CourtDecisionOutcome = z.infer<typeof CourtDecisionOutcomeSchema>;
export const AVR_COURT_OUTCOMES = ['RETURN_ORDERED', 'RETURN_REJECTED'] as const satisfies readonly CourtDecisionOutcome[];

// Staff record the filing of the art. 8 petition (IOM does not file it). The documents before the
// court: the released family-assessment report, the social services' report (a case document of
// type SOCIAL_SERVICES_REPORT) and the reintegration proposal (the case's reintegration plan).
export const CreateCourtProceedingSchema = z.strictObject({
  courtOrganisationId: IdSchema,
  docketNumber: z.string().trim().min(1).max(60),
  filedBy: CourtFilerSchema,
  filedByName: Name,
  filedOn: IsoDateSchema,
  familyAssessmentReportId: IdSchema,
  socialServicesReportDocumentId: IdSchema,
  reintegrationProposal: z.literal(true),
  otherDocumentIds: z.array(IdSchema).max(20).default([]),
});
export type CreateCourtProceedingInput = z.infer<typeof CreateCourtProceedingSchema>;

export const ScheduleHearingSchema = z.strictObject({
  scheduledAt: IsoDateTimeSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ScheduleHearingInput = z.infer<typeof ScheduleHearingSchema>;

// What happened at the hearing (art. 8: the court hears the minor and the guardian).
export const RecordHearingSchema = z
  .strictObject({
    heldAt: IsoDateTimeSchema,
    minorHeard: z.boolean(),
    guardianHeard: z.boolean(),
    interpreterName: Name.optional(),
    interpreterLanguage: Language.optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .refine((h) => !h.interpreterName || Boolean(h.interpreterLanguage), { path: ['interpreterLanguage'], ...required('Give the interpreter’s language') });
export type RecordHearingInput = z.infer<typeof RecordHearingSchema>;

// A decision on the art. 8 petition. The decree (a document of type COURT_DECREE uploaded with
// POST /api/cases/:caseId/court/decrees) may be attached now or later; no transition to
// COURT_APPROVED / COURT_REJECTED, and no travel step, without it.
export const RecordCourtDecisionSchema = z.strictObject({
  outcome: z.enum(AVR_COURT_OUTCOMES),
  decidedOn: IsoDateSchema,
  reasonsSummary: Text(4000),
  decreeDocumentId: IdSchema.optional(),
  appealDeadline: IsoDateSchema.optional(),
});
export type RecordCourtDecisionInput = z.infer<typeof RecordCourtDecisionSchema>;

export const AttachDecreeSchema = z.strictObject({ decreeDocumentId: IdSchema });
export type AttachDecreeInput = z.infer<typeof AttachDecreeSchema>;

// The continuation of support after 18 (prosieguo amministrativo, art. 13), from the court's decree:
// sets the minor's prosieguo_until (after the 18th birthday, no later than the 21st; 422 otherwise)
// and so moves the AGED_OUT horizon. A court user records it for their own court.
export const RecordProsieguoSchema = z.strictObject({
  // Staff name the court; a court user's own court is used when omitted.
  courtOrganisationId: IdSchema.optional(),
  docketNumber: z.string().trim().min(1).max(60),
  decidedOn: IsoDateSchema,
  prosieguoUntil: IsoDateSchema,
  decreeDocumentId: IdSchema,
  reasonsSummary: z.string().trim().max(4000).optional(),
});
export type RecordProsieguoInput = z.infer<typeof RecordProsieguoSchema>;

export const CourtHearingSchema = z.object({
  id: IdSchema,
  scheduledAt: IsoDateTimeSchema,
  note: z.string().nullable(),
  heldAt: IsoDateTimeSchema.nullable(),
  minorHeard: z.boolean().nullable(),
  guardianHeard: z.boolean().nullable(),
  interpreterName: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CourtHearing = z.infer<typeof CourtHearingSchema>;

export const CourtDecisionSchema = z.object({
  id: IdSchema,
  outcome: CourtDecisionOutcomeSchema,
  decidedOn: IsoDateSchema,
  reasonsSummary: z.string().nullable(),
  decreeDocumentId: IdSchema.nullable(),
  appealDeadline: IsoDateSchema.nullable(),
  prosieguoUntil: IsoDateSchema.nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type CourtDecision = z.infer<typeof CourtDecisionSchema>;

export const CourtProceedingSchema = z.object({
  id: IdSchema,
  kind: CourtProceedingKindSchema,
  court: z.object({ id: IdSchema, name: z.string() }),
  docketNumber: z.string(),
  filedBy: CourtFilerSchema.nullable(),
  filedByName: z.string().nullable(),
  filedOn: IsoDateSchema.nullable(),
  documentsBeforeCourt: z.object({
    familyAssessmentReportId: IdSchema.nullable(),
    socialServicesReportDocumentId: IdSchema.nullable(),
    reintegrationProposal: z.boolean(),
    otherDocumentIds: z.array(IdSchema),
  }),
  hearings: z.array(CourtHearingSchema),
  // The latest decision (null while pending).
  decision: CourtDecisionSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type CourtProceeding = z.infer<typeof CourtProceedingSchema>;

// GET /api/cases/:caseId/court: staff see every proceeding; a court user those of their own court.
export const CourtFileSchema = z.object({
  proceedings: z.array(CourtProceedingSchema),
  prosieguoUntil: IsoDateSchema.nullable(),
});
export type CourtFile = z.infer<typeof CourtFileSchema>;
