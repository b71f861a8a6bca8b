import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import { MinorInputSchema, MinorProfileSchema, NationalitySchema, SexSchema } from './minors';

// Defined with the minor's profile; still exported here for existing importers.
export { SexSchema };
import { OrganisationTypeSchema, RoleSchema } from './roles';
import { CaseStateSchema } from './workflow';
import { GUARD_CODES } from './workflow-machine';

export const GuardCodeSchema = z.enum(GUARD_CODES);

export const PrioritySchema = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
export const ChannelSchema = z.enum(['DG_MLPS', 'ART19_7BIS_GUARDIAN', 'OTHER']);
export const RiskLevelSchema = z.enum(['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const MinorSummarySchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  sex: SexSchema,
  nationality: z.string(),
  dateOfBirth: IsoDateSchema.nullable(),
});
export type MinorSummary = z.infer<typeof MinorSummarySchema>;

export const CaseUserRefSchema = z.object({ id: IdSchema, name: z.string() });
export type CaseUserRef = z.infer<typeof CaseUserRefSchema>;
export const CaseOrganisationRefSchema = z.object({ id: IdSchema, name: z.string(), type: OrganisationTypeSchema });
export type CaseOrganisationRef = z.infer<typeof CaseOrganisationRefSchema>;

export const CaseSummarySchema = z.object({
  id: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  priority: PrioritySchema,
  minor: MinorSummarySchema,
  updatedAt: IsoDateTimeSchema,
  assignedCaseworker: CaseUserRefSchema.nullable(),
  requestingAuthority: CaseOrganisationRefSchema.nullable(),
  // An open task of the case is past its due date.
  overdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

// List filters. Names are never among them: a name search goes in the body of
// POST /api/cases/search, so that names stay out of URLs and access logs.
const caseFilters = {
  state: CaseStateSchema.optional(),
  nationality: NationalitySchema.optional(),
  caseworkerId: IdSchema.optional(),
  requestingAuthorityId: IdSchema.optional(),
};
export const CaseListQuerySchema = CursorQuerySchema.extend({
  ...caseFilters,
  // ?overdue=true: cases with an open task past its due date.
  overdue: z.stringbool().optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseSearchRequestSchema = z.strictObject({
  ...caseFilters,
  overdue: z.boolean().optional(),
  name: z.string().trim().min(2).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type CaseSearchRequest = z.infer<typeof CaseSearchRequestSchema>;

export const CasePageSchema = pageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

// Options for the list's filter dropdowns, drawn from the cases the caller can see.
export const CaseFilterOptionsSchema = z.object({
  states: z.array(CaseStateSchema),
  nationalities: z.array(z.string()),
  caseworkers: z.array(CaseUserRefSchema),
  requestingAuthorities: z.array(CaseOrganisationRefSchema),
});
export type CaseFilterOptions = z.infer<typeof CaseFilterOptionsSchema>;

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
  // The full profile; a superset of the summary's minor.
  minor: MinorProfileSchema,
  dgProtocolNo: z.string().nullable(),
  reopenCount: z.number().int(),
  guardian: CaseUserRefSchema.nullable(),
  socialServices: CaseOrganisationRefSchema.nullable(),
  // IOM staff only: absent for guardians, social services and courts.
  riskLevel: RiskLevelSchema.optional(),
  internalNotes: z.string().nullable().optional(),
  transitions: z.array(AvailableTransitionSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const TransitionRequestSchema = z.strictObject({
  to: CaseStateSchema,
  reason: z.string().trim().min(3).max(2000).optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

const InternalNotes = z.string().trim().min(1).max(10000);
const DgProtocol = z.string().trim().min(1).max(60);

// Intake (domain §3.1, §3.2, §4 #1): the minor (new, or one already known after the duplicate
// warning) and the request, in one step. The case starts in RECEIVED.
export const CreateCaseSchema = z
  .strictObject({
    minor: MinorInputSchema.optional(),
    existingMinorId: IdSchema.optional(),
    channel: ChannelSchema,
    // Who asked: the social services, the DG, the guardian's office (§4 #1: identified).
    requestingOrganisationId: IdSchema,
    requestDate: IsoDateSchema,
    dgProtocolNo: DgProtocol.optional(),
    priority: PrioritySchema.default('NORMAL'),
    riskLevel: RiskLevelSchema.default('UNKNOWN'),
    internalNotes: InternalNotes.optional(),
    // Required when a supervisor registers the case; a caseworker is assigned the case they register.
    assignedCaseworkerId: IdSchema.optional(),
    guardianUserId: IdSchema.optional(),
    // Defaults to the requesting organisation when that is a social-services office.
    socialServicesOrganisationId: IdSchema.optional(),
  })
  .refine((c) => !(c.minor && c.existingMinorId), { path: ['existingMinorId'], message: 'Either a new minor or an existing one, not both', params: { code: 'exclusive' } })
  .refine((c) => Boolean(c.minor || c.existingMinorId), { path: ['minor'], message: 'Describe the minor or choose an existing one', params: { code: 'required' } });
export type CreateCaseInput = z.infer<typeof CreateCaseSchema>;

// PATCH /api/cases/:caseId (If-Match: the case version). null clears an optional field.
export const UpdateCaseSchema = z
  .strictObject({
    priority: PrioritySchema.optional(),
    riskLevel: RiskLevelSchema.optional(),
    channel: ChannelSchema.optional(),
    requestDate: IsoDateSchema.optional(),
    requestingOrganisationId: IdSchema.optional(),
    dgProtocolNo: DgProtocol.nullable().optional(),
    internalNotes: InternalNotes.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one field', params: { code: 'empty_patch' } });
export type UpdateCaseInput = z.infer<typeof UpdateCaseSchema>;
export const CASE_EDIT_FIELDS = ['priority', 'riskLevel', 'channel', 'requestDate', 'requestingOrganisationId', 'dgProtocolNo', 'internalNotes'] as const;
export type CaseEditField = (typeof CASE_EDIT_FIELDS)[number];
// Case fields only IOM staff see (and only they see their edits on the timeline).
export const INTERNAL_CASE_FIELDS: readonly CaseEditField[] = ['riskLevel', 'internalNotes'];

// The case timeline: case_history, newest first (keyset on the entry id).
export const TimelineQuerySchema = CursorQuerySchema;
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;
export const TimelineEntrySchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  // TRANSITION, CASE_CREATED, CASE_UPDATED, MINOR_UPDATED, CONSENT_RECORDED, …
  kind: z.string(),
  // null for system actions, and for a field officer's entries seen by external users.
  actor: z.object({ id: IdSchema, name: z.string(), role: RoleSchema }).nullable(),
  fromState: CaseStateSchema.nullable(),
  toState: CaseStateSchema.nullable(),
  // IOM staff only; external users see the state change without the internal reason.
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export const TimelinePageSchema = pageOf(TimelineEntrySchema);
export type TimelinePage = z.infer<typeof TimelinePageSchema>;
