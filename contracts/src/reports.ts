import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { RETURN_REPORT_SECTION_KEYS } from './return';
import { ASSESSMENT_SECTION_KEYS } from './tracing';

// Reports to the Italian authorities (domain.md §5, §3.6, §3.17; §4 transitions 9–11; §8 rules 4,
// 5, 7). A report is composed in sections, versioned, checked by a caseworker (QA), approved by a
// supervisor (which fixes the content's sha-256), then released to named recipients; every
// release writes a row of the disclosure register. Approved and released versions never change:
// a correction is a new version.

// Part 1 produces the first two; part 2 (reintegration, AVR, monitoring) adds the others.
export const REPORT_KINDS = [
  'FAMILY_ASSESSMENT',
  'NON_LOCATION_NOTE',
  'REINTEGRATION_PLAN',
  'AVR_OPERATIONAL_NOTE',
  'HANDOVER_PROTOCOL',
  'MONITORING_REPORT',
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

// The kinds that close the tracing phase (transitions 9–11): one of them per report cycle.
export const TRACING_REPORT_KINDS = ['FAMILY_ASSESSMENT', 'NON_LOCATION_NOTE'] as const satisfies readonly ReportKind[];
export type TracingReportKind = (typeof TRACING_REPORT_KINDS)[number];

// DRAFT → IN_QA → QA_PASSED → APPROVED → RELEASED; QA (or the supervisor) may return a version
// (RETURNED: editable again, same version); a newer version supersedes an approved one that was
// never released.
export const REPORT_VERSION_STATUSES = ['DRAFT', 'IN_QA', 'QA_PASSED', 'APPROVED', 'RELEASED', 'RETURNED', 'SUPERSEDED'] as const;
export const ReportVersionStatusSchema = z.enum(REPORT_VERSION_STATUSES);
export type ReportVersionStatus = z.infer<typeof ReportVersionStatusSchema>;
// Statuses in which the sections can still be edited.
export const EDITABLE_REPORT_STATUSES: readonly ReportVersionStatus[] = ['DRAFT', 'RETURNED'];

// A non-location / unable-to-proceed note (§5): the attempts made, the reason, IOM's
// recommendations. It carries no family data, so its release needs no family consent.
export const NON_LOCATION_SECTION_KEYS = ['attemptsMade', 'reason', 'recommendations'] as const;

// Every section is required, in the original language and in Italian, before QA.
export const REPORT_SECTION_KEYS: Record<ReportKind, readonly string[]> = {
  FAMILY_ASSESSMENT: ASSESSMENT_SECTION_KEYS,
  NON_LOCATION_NOTE: NON_LOCATION_SECTION_KEYS,
  // Part 2 (issue 4): the reintegration plan, the AVR operational note, the hand-over protocol and
  // the monitoring reports (contracts/src/return.ts).
  ...RETURN_REPORT_SECTION_KEYS,
};
export const reportSectionKeys = (kind: ReportKind): readonly string[] => (REPORT_SECTION_KEYS as Partial<Record<ReportKind, readonly string[]>>)[kind] ?? [];

export type ReportSections = Record<string, string>;

export interface MissingReportSections {
  original: string[];
  it: string[];
}

// The sections still empty in either language; a draft is ready for QA when both lists are empty.
export function missingReportSections(kind: ReportKind, original: ReportSections, it: ReportSections): MissingReportSections {
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
  const keys = reportSectionKeys(kind);
  return { original: keys.filter((k) => blank(original[k])), it: keys.filter((k) => blank(it[k])) };
}

export const isReportDraftComplete = (kind: ReportKind, original: ReportSections, it: ReportSections): boolean => {
  const missing = missingReportSections(kind, original, it);
  return reportSectionKeys(kind).length > 0 && missing.original.length === 0 && missing.it.length === 0;
};

const SectionKey = z.string().regex(/^[a-zA-Z]{1,40}$/, 'A section name');
// Drafts may hold empty sections; completeness is checked on submission.
export const ReportSectionsSchema = z.record(SectionKey, z.string().max(20000));

// ---------------------------------------------------------------------------------------------
// Inputs

// PUT /api/reports/:reportId/draft with If-Match: the version's lockVersion. Replaces both columns.
export const UpdateReportDraftSchema = z.strictObject({
  originalLanguage: z.string().trim().min(2).max(40).optional(),
  sectionsOriginal: ReportSectionsSchema,
  sectionsIt: ReportSectionsSchema,
});
export type UpdateReportDraftInput = z.infer<typeof UpdateReportDraftSchema>;

export const ReportQaResultSchema = z.enum(['PASS', 'RETURN']);
export const ReportQaSchema = z
  .strictObject({
    result: ReportQaResultSchema,
    comment: z.string().trim().max(4000).optional(),
  })
  .refine((q) => q.result !== 'RETURN' || (q.comment ?? '').length >= 3, {
    path: ['comment'],
    message: 'Say what has to change',
    params: { code: 'required' },
  });
export type ReportQaInput = z.infer<typeof ReportQaSchema>;

// A recipient is an organisation (every user of it may read the report), a user, or a user of a
// named organisation. Only external authorities: social services, juvenile court, ministry, or a
// guardian (always as a person).
export const ReleaseRecipientSchema = z
  .strictObject({ organisationId: IdSchema.optional(), userId: IdSchema.optional() })
  .refine((r) => r.organisationId !== undefined || r.userId !== undefined, {
    path: ['organisationId'],
    message: 'Name the organisation or the user',
    params: { code: 'required' },
  });
export type ReleaseRecipient = z.infer<typeof ReleaseRecipientSchema>;

export const ReleaseReportSchema = z
  .strictObject({
    recipients: z.array(ReleaseRecipientSchema).min(1).max(20),
    purpose: z.string().trim().min(3).max(1000),
    legalBasis: z.string().trim().min(3).max(1000),
    // The family's consent to sharing (SHARE_REPORT). For a family-assessment report the server
    // uses the latest one in force when this is omitted; a non-location note needs none.
    familyConsentId: IdSchema.optional(),
  })
  .refine((r) => new Set(r.recipients.map((x) => `${x.organisationId ?? ''}/${x.userId ?? ''}`)).size === r.recipients.length, {
    path: ['recipients'],
    message: 'A recipient is listed twice',
    params: { code: 'duplicate' },
  });
export type ReleaseReportInput = z.infer<typeof ReleaseReportSchema>;

export const ReportPdfQuerySchema = z.strictObject({
  // Default: the latest version released (to the caller, for an external recipient).
  version: z.coerce.number().int().min(1).max(100000).optional(),
  // Append the original-language text after the Italian one.
  original: z.enum(['true', 'false']).optional(),
});
export type ReportPdfQuery = z.infer<typeof ReportPdfQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Views (IOM staff)

export const PersonRefSchema = z.object({ id: IdSchema, displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

// One row of the disclosure register (domain.md §3.17, §8 rule 7).
export const ReportDisclosureSchema = z.object({
  id: IdSchema,
  recipientOrganisationId: IdSchema.nullable(),
  recipientUserId: IdSchema.nullable(),
  recipientName: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  familyConsentId: IdSchema.nullable(),
  contentSha256: z.string(),
  releasedBy: PersonRefSchema,
  approvedBy: PersonRefSchema,
  releasedAt: IsoDateTimeSchema,
  // Set by the recipient (issue 5).
  acknowledgedAt: IsoDateTimeSchema.nullable(),
});
export type ReportDisclosure = z.infer<typeof ReportDisclosureSchema>;

export const ReportVersionSchema = z.object({
  id: IdSchema,
  versionNo: z.number().int(),
  status: ReportVersionStatusSchema,
  originalLanguage: z.string(),
  sectionsOriginal: ReportSectionsSchema,
  sectionsIt: ReportSectionsSchema,
  // The If-Match value for the next draft edit.
  lockVersion: z.number().int(),
  missingSections: z.object({ original: z.array(z.string()), it: z.array(z.string()) }),
  // Where the draft was pre-filled from (the family assessment, or the tracing outcome).
  prefilledFrom: z
    .object({
      familyAssessmentId: IdSchema.nullable(),
      familyAssessmentVersion: z.number().int().nullable(),
      // False when the assessment's original changed after its Italian translation was saved.
      translationCurrent: z.boolean().nullable(),
      tracingRequestId: IdSchema.nullable(),
      copiedFromVersionNo: z.number().int().nullable(),
    })
    .nullable(),
  draftedBy: PersonRefSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  submittedBy: PersonRefSchema.nullable(),
  submittedAt: IsoDateTimeSchema.nullable(),
  qa: z
    .object({ by: PersonRefSchema, at: IsoDateTimeSchema, result: ReportQaResultSchema, comment: z.string().nullable() })
    .nullable(),
  approvedBy: PersonRefSchema.nullable(),
  approvedAt: IsoDateTimeSchema.nullable(),
  // Hex sha-256 of the version's content, fixed at approval.
  contentSha256: z.string().nullable(),
  releasedBy: PersonRefSchema.nullable(),
  releasedAt: IsoDateTimeSchema.nullable(),
  disclosures: z.array(ReportDisclosureSchema),
});
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

export const ReportSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: ReportKindSchema,
  createdAt: IsoDateTimeSchema,
  // The version being worked on (or the last one approved or released).
  currentVersionNo: z.number().int(),
  released: z.boolean(),
  latestReleasedVersionNo: z.number().int().nullable(),
  // Newest first.
  versions: z.array(ReportVersionSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const CaseReportsSchema = z.object({
  items: z.array(ReportSchema),
  // What POST /api/cases/:caseId/reports would start now (null: nothing can be started).
  startable: ReportKindSchema.nullable(),
});
export type CaseReports = z.infer<typeof CaseReportsSchema>;
