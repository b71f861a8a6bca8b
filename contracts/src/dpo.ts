import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateTimeSchema, pageOf } from './common';
import { ReportKindSchema } from './reports';

// ---------------------------------------------------------------------------------------------
// The data-protection officer's oversight views (issue 5; domain.md §8 rules 6 and 7).

export const AuditQuerySchema = CursorQuerySchema.extend({
  action: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'An audit action, e.g. CASE_VIEWED')
    .optional(),
  actorId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  // Only refusals (AUTHZ_DENIED, *_ACCESS_DENIED, ACCESS_DENIED).
  denied: z.stringbool().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  at: IsoDateTimeSchema,
  actor: z.object({ id: IdSchema, displayName: z.string(), role: z.string().nullable() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  caseId: IdSchema.nullable(),
  caseNumber: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventSchema>;
export const AuditPageSchema = pageOf(AuditEventSchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;

// Every audited access to one case: reads, changes, downloads and refused attempts (newest first).
export const CaseAccessLogQuerySchema = CursorQuerySchema;
export const CaseAccessLogSchema = pageOf(AuditEventSchema).extend({ caseId: IdSchema, caseNumber: z.string().nullable() });
export type CaseAccessLog = z.infer<typeof CaseAccessLogSchema>;

export const DisclosureRegisterQuerySchema = CursorQuerySchema.extend({
  caseId: IdSchema.optional(),
  recipientOrganisationId: IdSchema.optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
});
export type DisclosureRegisterQuery = z.infer<typeof DisclosureRegisterQuerySchema>;

const RegisterPerson = z.object({ id: IdSchema, displayName: z.string() });
export const DisclosureRegisterEntrySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  report: z.object({ id: IdSchema, kind: ReportKindSchema, versionNo: z.number().int() }),
  recipientName: z.string(),
  recipientOrganisationId: IdSchema.nullable(),
  recipientUserId: IdSchema.nullable(),
  purpose: z.string(),
  legalBasis: z.string(),
  familyConsentId: IdSchema.nullable(),
  contentSha256: z.string(),
  releasedAt: IsoDateTimeSchema,
  releasedBy: RegisterPerson,
  approvedBy: RegisterPerson,
  readAt: IsoDateTimeSchema.nullable(),
  acknowledgedAt: IsoDateTimeSchema.nullable(),
  acknowledgedBy: RegisterPerson.nullable(),
});
export type DisclosureRegisterEntry = z.infer<typeof DisclosureRegisterEntrySchema>;
export const DisclosureRegisterPageSchema = pageOf(DisclosureRegisterEntrySchema);
export type DisclosureRegisterPage = z.infer<typeof DisclosureRegisterPageSchema>;

// The hash chain's verification (the same as `npm run audit:verify`), with the head to anchor.
export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  headSeq: z.number().int(),
  // Hex sha-256 of the chain head: export it to a system the database administrators do not control.
  headHash: z.string(),
  verifiedAt: IsoDateTimeSchema,
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
