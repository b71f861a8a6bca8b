import { z } from 'zod';
import { ConsentScopeSchema, ConsentSubjectSchema } from './case-file';
import { CaseUserRefSchema } from './cases';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import { DocumentSchema } from './documents';
import { InboxItemSchema } from './inbox';
import { MinorInputSchema, SexSchema } from './minors';
import { RoleSchema } from './roles';
import { CaseStateSchema } from './workflow';

// The external portals (issue 5; domain.md §2): what guardians, social services and juvenile
// courts do through the system beyond reading the case (GET /api/cases/:caseId, its timeline and
// their inbox), and the IOM side of it (the supervisor's queue of incoming requests, assignment,
// time-limited court access). Who may call what is in access-matrix.ts.

const Language = z.string().trim().min(2).max(40);
const Name = z.string().trim().min(2).max(120);
const PersonSchema = z.object({ id: IdSchema, displayName: z.string() });

// ---------------------------------------------------------------------------------------------
// Social services: a family-tracing request (domain §0.2 channel a, §4 #1). It arrives as a new
// case in RECEIVED for the IOM unit, with a social_services grant to the requesting office and no
// caseworker until a supervisor assigns one (POST /api/cases/:caseId/assignment).

export const PortalRequestChannelSchema = z.enum(['DG_MLPS', 'OTHER']);

export const PortalTracingRequestSchema = z.strictObject({
  // The minor as the office knows them; IOM checks for duplicates at screening (the office never
  // sees other cases).
  minor: MinorInputSchema,
  // Default: today (Europe/Rome). Never in the future.
  requestDate: IsoDateSchema.optional(),
  // DG_MLPS when the request went through the Directorate-General (its protocol number then).
  channel: PortalRequestChannelSchema.default('OTHER'),
  dgProtocolNo: z.string().trim().min(1).max(60).optional(),
  // Questions the office wants the family assessment to answer.
  questions: z.array(z.string().trim().min(3).max(1000)).max(30).default([]),
  // What the office knows of the family (names, places, phone numbers): read by IOM only.
  familyInformation: z.string().trim().min(3).max(8000).optional(),
});
export type PortalTracingRequestInput = z.infer<typeof PortalTracingRequestSchema>;

export const PortalTracingRequestResultSchema = z.object({
  requestId: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  submittedAt: IsoDateTimeSchema,
});
export type PortalTracingRequestResult = z.infer<typeof PortalTracingRequestResultSchema>;

// IOM staff: the requests received through the portal (supervisor: the unit's; caseworker: those on
// cases assigned to them), newest first. ?unassigned=true: only those still waiting for a caseworker.
export const IncomingRequestQuerySchema = CursorQuerySchema.extend({ unassigned: z.stringbool().optional() });
export type IncomingRequestQuery = z.infer<typeof IncomingRequestQuerySchema>;

export const IncomingRequestSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  submittedAt: IsoDateTimeSchema,
  organisation: z.object({ id: IdSchema, name: z.string() }),
  submittedBy: PersonSchema,
  minor: z.object({ firstName: z.string(), lastName: z.string(), sex: SexSchema, nationality: z.string(), dateOfBirth: IsoDateSchema.nullable() }),
  channel: PortalRequestChannelSchema,
  dgProtocolNo: z.string().nullable(),
  questions: z.array(z.string()),
  familyInformation: z.string().nullable(),
  assignedCaseworker: CaseUserRefSchema.nullable(),
});
export type IncomingRequest = z.infer<typeof IncomingRequestSchema>;
export const IncomingRequestPageSchema = pageOf(IncomingRequestSchema);
export type IncomingRequestPage = z.infer<typeof IncomingRequestPageSchema>;

// ---------------------------------------------------------------------------------------------
// Supervisor: assign (or reassign) the case's caseworker. The previous caseworker's grant ends now.

export const AssignCaseSchema = z.strictObject({
  caseworkerId: IdSchema,
  reason: z.string().trim().min(3).max(1000).optional(),
});
export type AssignCaseInput = z.infer<typeof AssignCaseSchema>;

export const CaseAssignmentSchema = z.object({
  caseId: IdSchema,
  assignedCaseworker: CaseUserRefSchema,
  previousCaseworker: CaseUserRefSchema.nullable(),
  assignedAt: IsoDateTimeSchema,
});
export type CaseAssignment = z.infer<typeof CaseAssignmentSchema>;

// ---------------------------------------------------------------------------------------------
// Supervisor: time-limited access of a juvenile court to a case (a `court` grant with expires_at).
// The court then reads the case and what is filed in its proceedings until the grant expires or
// is revoked; every read is audited.

export const COURT_ACCESS_MAX_DAYS = 365;

export const GrantCourtAccessSchema = z.strictObject({
  courtOrganisationId: IdSchema,
  // In the future, at most COURT_ACCESS_MAX_DAYS ahead.
  expiresAt: IsoDateTimeSchema,
  reason: z.string().trim().min(3).max(1000),
});
export type GrantCourtAccessInput = z.infer<typeof GrantCourtAccessSchema>;

export const CourtAccessGrantSchema = z.object({
  id: IdSchema,
  court: z.object({ id: IdSchema, name: z.string() }),
  grantedBy: PersonSchema.nullable(),
  grantedAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema.nullable(),
  reason: z.string().nullable(),
  // The grant opens the case now (not expired, not revoked).
  live: z.boolean(),
});
export type CourtAccessGrant = z.infer<typeof CourtAccessGrantSchema>;
export const CourtAccessListSchema = z.object({ items: z.array(CourtAccessGrantSchema) });
export type CourtAccessList = z.infer<typeof CourtAccessListSchema>;

// ---------------------------------------------------------------------------------------------
// Guardian: their own consent (subject GUARDIAN) given with the minor, and its withdrawal
// (POST …/guardian-consents/:consentId/withdraw with WithdrawConsentSchema). The co-signature of
// an assisted-return request (scope AVR_REQUEST) has its own route (return.ts).

export const GUARDIAN_CONSENT_SCOPES = ['TRACING', 'SHARE_REPORT', 'DATA_PROCESSING', 'PHOTO'] as const;
export const GuardianConsentScopeSchema = z.enum(GUARDIAN_CONSENT_SCOPES);

export const CreateGuardianConsentSchema = z.strictObject({
  scope: GuardianConsentScopeSchema,
  language: Language.default('Italiano'),
  givenAt: IsoDateTimeSchema,
});
export type CreateGuardianConsentInput = z.infer<typeof CreateGuardianConsentSchema>;

// A consent as external users see it: what was consented to and when, never who informed whom
// (a field officer's name may be there) nor which relative.
export const PortalConsentSchema = z.object({
  id: IdSchema,
  subject: ConsentSubjectSchema,
  scope: ConsentScopeSchema,
  language: z.string(),
  givenAt: IsoDateTimeSchema,
  withdrawnAt: IsoDateTimeSchema.nullable(),
  // Recorded by the caller (a guardian's own consent): only these can be withdrawn here.
  givenByYou: z.boolean(),
});
export type PortalConsent = z.infer<typeof PortalConsentSchema>;

// ---------------------------------------------------------------------------------------------
// Guardian: the minor's views in the minor's own words (domain §8 rule 12: language, mediator, and
// the source when relayed by the guardian).

export const MinorViewContextSchema = z.enum(['GENERAL', 'TRACING', 'LIFE_IN_ITALY', 'RETURN', 'COURT_HEARING', 'REINTEGRATION_PLAN']);
export type MinorViewContext = z.infer<typeof MinorViewContextSchema>;

export const CreateMinorViewSchema = z
  .strictObject({
    context: MinorViewContextSchema,
    words: z.string().trim().min(3).max(4000),
    language: Language,
    mediatorPresent: z.boolean(),
    mediatorName: Name.optional(),
    expressedOn: IsoDateSchema,
  })
  .refine((v) => !v.mediatorPresent || Boolean(v.mediatorName), { path: ['mediatorName'], message: 'Name the mediator', params: { code: 'required' } });
export type CreateMinorViewInput = z.infer<typeof CreateMinorViewSchema>;

export const MinorViewSchema = z.object({
  id: IdSchema,
  context: MinorViewContextSchema,
  words: z.string(),
  language: z.string(),
  mediatorPresent: z.boolean(),
  mediatorName: z.string().nullable(),
  expressedOn: IsoDateSchema,
  // Who relayed the views (the source, §8 rule 12).
  relayedBy: z.object({ id: IdSchema, displayName: z.string(), role: RoleSchema }),
  recordedAt: IsoDateTimeSchema,
});
export type MinorView = z.infer<typeof MinorViewSchema>;
export const MinorViewListSchema = z.object({ items: z.array(MinorViewSchema) });
export type MinorViewList = z.infer<typeof MinorViewListSchema>;

// ---------------------------------------------------------------------------------------------
// Social services: the request for continuation of support after 18 (prosieguo amministrativo,
// L. 47/2017 art. 13; domain §2, §9). The court's decree itself is recorded by the court (return.ts).

export const CreateProsieguoRequestSchema = z.strictObject({
  reasons: z.string().trim().min(10).max(8000),
  // After the 18th birthday and no later than the 21st (400 otherwise).
  requestedUntil: IsoDateSchema.optional(),
});
export type CreateProsieguoRequestInput = z.infer<typeof CreateProsieguoRequestSchema>;

export const ProsieguoRequestSchema = z.object({
  id: IdSchema,
  organisation: z.object({ id: IdSchema, name: z.string() }),
  requestedBy: PersonSchema,
  reasons: z.string(),
  requestedUntil: IsoDateSchema.nullable(),
  submittedAt: IsoDateTimeSchema,
});
export type ProsieguoRequest = z.infer<typeof ProsieguoRequestSchema>;
export const ProsieguoRequestListSchema = z.object({ items: z.array(ProsieguoRequestSchema) });
export type ProsieguoRequestList = z.infer<typeof ProsieguoRequestListSchema>;

// ---------------------------------------------------------------------------------------------
// The portal's case page (GET /api/portal/cases/:caseId): guardian, social services and court.
// Sections depend on the role (VIEW_FIELDS.portalCase in access-matrix.ts): a court sees only
// what is filed in its own proceedings and the reports released to it.

export const PortalCourtProceedingSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  court: z.object({ id: IdSchema, name: z.string() }),
  docketNumber: z.string(),
  hearings: z.array(z.object({ id: IdSchema, scheduledAt: IsoDateTimeSchema, heldAt: IsoDateTimeSchema.nullable() })),
  decision: z.object({ outcome: z.string(), decidedOn: IsoDateSchema }).nullable(),
});
export type PortalCourtProceeding = z.infer<typeof PortalCourtProceedingSchema>;

export const PortalCaseSchema = z.object({
  id: IdSchema,
  caseNumber: z.string(),
  state: CaseStateSchema,
  updatedAt: IsoDateTimeSchema,
  minor: z.object({ firstName: z.string(), lastName: z.string(), sex: SexSchema, nationality: z.string(), dateOfBirth: IsoDateSchema.nullable(), eighteenthBirthday: IsoDateSchema.nullable() }),
  // Court dates and outcomes (a court: its own proceedings only).
  courtProceedings: z.array(PortalCourtProceedingSchema),
  // The reports released to the caller about this case (the inbox, for this case).
  reports: z.array(InboxItemSchema),
  // The documents the caller may open: their own uploads (a court: what is filed before it).
  documents: z.array(DocumentSchema),
  // Guardian and social services only.
  consents: z.array(PortalConsentSchema).optional(),
  prosieguoRequests: z.array(ProsieguoRequestSchema).optional(),
  // Guardian only.
  minorViews: z.array(MinorViewSchema).optional(),
});
export type PortalCase = z.infer<typeof PortalCaseSchema>;

// Document types each external role may upload to a case it sees (POST /api/cases/:caseId/documents);
// 400 (field "type", code not_allowed) otherwise. A court's decrees arrive through the court routes.
export const EXTERNAL_UPLOAD_TYPES = {
  guardian: ['CONSENT', 'ID_DOC', 'CORRESPONDENCE', 'AGE_ASSESSMENT_REPORT'],
  social_services: ['SOCIAL_SERVICES_REPORT', 'CARTELLA_SOCIALE', 'CONSENT', 'ID_DOC', 'CORRESPONDENCE', 'AGE_ASSESSMENT_REPORT'],
} as const;
