import { z } from 'zod';
import { ConsentScopeSchema, RiskDecisionSchema } from './case-file';
import { SexSchema } from './cases';
import { CursorQuerySchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, pageOf } from './common';
import type { CaseState } from './workflow';

// Family tracing (domain.md §3.4–§3.6, §3.13, §8 rules 2, 3, 4, 8): the IOM unit sends a redacted
// snapshot of the case (the tracing packet) to a mission; the mission's field officers work on
// that packet only, never on the case file.

// Default time a mission has to answer, when the caseworker does not set a due date [design: no
// official figure, domain.md §4 #6]. Configuration, not law.
export const TRACING_DEFAULT_SLA_DAYS = 30;
// States in which a packet may be sent (a second packet, to another mission or with other targets,
// while tracing is already in progress is allowed). The server refuses elsewhere; the SPA offers
// the form only here.
export const TRACING_SENDABLE_STATES: readonly CaseState[] = ['READY_FOR_TRACING', 'TRACING_IN_PROGRESS'];
// States in which the mission may still write or correct the original assessment: once the report
// goes to quality control the field officer's original is frozen (domain.md §2 supervisor row).
export const ASSESSMENT_WRITABLE_STATES: readonly CaseState[] = ['TRACING_IN_PROGRESS', 'FAMILY_LOCATED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING'];
export const TRACING_MAX_SLA_DAYS = 365;

export const TracingStatusSchema = z.enum(['SENT', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED']);
export type TracingStatus = z.infer<typeof TracingStatusSchema>;
// The field can still act on these; every other status refuses writes with 409.
export const OPEN_TRACING_STATUSES: readonly TracingStatus[] = ['SENT', 'IN_PROGRESS'];

export const TracingOutcomeSchema = z.enum(['LOCATED', 'NOT_LOCATED', 'FAMILY_REFUSED', 'UNSAFE_TO_PROCEED', 'MINOR_WITHDREW_CONSENT']);
export type TracingOutcome = z.infer<typeof TracingOutcomeSchema>;
// What a field officer may record (a withdrawal is recorded in Rome, by cancelling).
export const FieldOutcomeSchema = z.enum(['LOCATED', 'NOT_LOCATED', 'FAMILY_REFUSED', 'UNSAFE_TO_PROCEED']);
export const InterviewModeSchema = z.enum(['HOME_VISIT', 'PHONE', 'IOM_OFFICE', 'OTHER_SAFE_PLACE']);
export const ContactChannelSchema = z.enum(['PHONE', 'HOME_VISIT', 'COMMUNITY_LEADER', 'OTHER']);
export const DobBasisSchema = z.enum(['DECLARED', 'DOCUMENT', 'AGE_ASSESSMENT']);
// A family member may consent to the interview and to sharing the report (domain.md §3.13, [S15]).
export const FamilyConsentScopeSchema = z.enum(['INTERVIEW', 'SHARE_REPORT']);

const CountryCode = z.string().trim().regex(/^[A-Za-z]{2}$/, 'Two-letter ISO country code').toUpperCase();
const Language = z.string().trim().min(2).max(40);
const SingleLine = (max: number) => z.string().trim().min(2).max(max).regex(/^[^\r\n]*$/, 'One line');

// ---------------------------------------------------------------------------------------------
// Sending a tracing request (caseworker, supervisor)

export const CreateTracingRequestSchema = z
  .strictObject({
    // The country where the family is sought; the mission for it is resolved by the server.
    targetCountry: CountryCode.optional(),
    // Or name the mission directly (a mission may cover a neighbouring country).
    missionId: IdSchema.optional(),
    // Family members the mission should trace and contact.
    targetMemberIds: z.array(IdSchema).min(1).max(20),
    // The requester's specific questions for the family.
    questions: z.array(z.string().trim().min(3).max(1000)).max(30).default([]),
    // Interviewer safety notes (what to avoid, who not to approach, when to stop).
    safetyNotes: z.string().trim().min(3).max(4000).optional(),
    // Default: TRACING_DEFAULT_SLA_DAYS after sending; at most TRACING_MAX_SLA_DAYS.
    dueAt: IsoDateTimeSchema.optional(),
  })
  .refine((r) => r.targetCountry !== undefined || r.missionId !== undefined, {
    path: ['targetCountry'],
    message: 'Name the target country or the mission',
    params: { code: 'required' },
  })
  .refine((r) => new Set(r.targetMemberIds).size === r.targetMemberIds.length, {
    path: ['targetMemberIds'],
    message: 'A family member is listed twice',
    params: { code: 'duplicate' },
  });
export type CreateTracingRequestInput = z.infer<typeof CreateTracingRequestSchema>;

// ---------------------------------------------------------------------------------------------
// The tracing packet: the redacted snapshot that leaves Italy (domain.md §2 field officer, §8
// rules 3 and 8). Built by an allow-list on the server; nothing about the minor's location in
// Italy, legal or protection status, trafficking indicators, health, vulnerabilities, internal
// notes, reports, court files or the guardian ever appears here.

export const PacketTargetMemberSchema = z.object({
  id: IdSchema,
  relationship: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  aliases: z.array(z.string()),
  alive: z.enum(['YES', 'NO', 'UNKNOWN']),
  country: z.string().nullable(),
  locality: z.string().nullable(),
  address: z.string().nullable(),
  phones: z.array(z.string()),
});
// Other relatives, to help recognise the family: no address and no phone (they are not to be
// contacted unless Rome adds them as targets).
export const PacketOtherMemberSchema = PacketTargetMemberSchema.omit({ address: true, phones: true });
// "Do not contact" relatives appear only as a warning: who they are, never where or how to reach them.
export const PacketDoNotContactSchema = z.object({
  id: IdSchema,
  relationship: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  warning: z.literal('DO_NOT_CONTACT'),
});

export const TracingPacketSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: IsoDateTimeSchema,
  targetCountry: z.string(),
  minor: z.object({
    firstName: z.string(),
    lastName: z.string(),
    aliases: z.array(z.string()),
    sex: SexSchema,
    dateOfBirth: IsoDateSchema.nullable(),
    dobBasis: DobBasisSchema,
    // Unidentified minors are often registered on 1 January (domain.md §3.1): the date may be nominal.
    dobIsDefaultJan1: z.boolean(),
    nationality: z.string(),
    languages: z.array(z.string()),
  }),
  targetMembers: z.array(PacketTargetMemberSchema),
  otherMembers: z.array(PacketOtherMemberSchema),
  doNotContact: z.array(PacketDoNotContactSchema),
  questions: z.array(z.string()),
  // Proof that the minor consented (art. 19 c. 7-bis): the record's id, date, language and
  // whether a mediator was present. The minor's own words stay in Rome.
  minorConsent: z.object({ consentId: IdSchema, givenAt: IsoDateTimeSchema, language: z.string(), mediatorPresent: z.boolean() }),
  safety: z.object({
    notes: z.string().nullable(),
    riskCheckId: IdSchema,
    decision: RiskDecisionSchema,
    mitigation: z.string().nullable(),
    approvedAt: IsoDateTimeSchema.nullable(),
  }),
});
export type TracingPacket = z.infer<typeof TracingPacketSchema>;

// ---------------------------------------------------------------------------------------------
// Field work

export const ContactAttemptSchema = z.object({
  id: IdSchema,
  attemptedAt: IsoDateTimeSchema,
  channel: ContactChannelSchema,
  result: z.string(),
  familyMemberId: IdSchema.nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type ContactAttempt = z.infer<typeof ContactAttemptSchema>;

export const CreateContactAttemptSchema = z.strictObject({
  attemptedAt: IsoDateTimeSchema,
  channel: ContactChannelSchema,
  result: z.string().trim().min(3).max(4000),
  familyMemberId: IdSchema.optional(),
});
export type CreateContactAttemptInput = z.infer<typeof CreateContactAttemptSchema>;

export const FamilyConsentSchema = z.object({
  id: IdSchema,
  familyMemberId: IdSchema.nullable(),
  tracingRequestId: IdSchema.nullable(),
  scope: ConsentScopeSchema,
  language: z.string(),
  mediatorPresent: z.boolean(),
  mediatorName: z.string().nullable(),
  informedBy: z.string(),
  givenAt: IsoDateTimeSchema,
  withdrawnAt: IsoDateTimeSchema.nullable(),
});
export type FamilyConsent = z.infer<typeof FamilyConsentSchema>;

export const CreateFamilyConsentSchema = z
  .strictObject({
    familyMemberId: IdSchema,
    scope: FamilyConsentScopeSchema,
    language: Language,
    informedBy: z.string().trim().min(2).max(120),
    givenAt: IsoDateTimeSchema,
    mediatorPresent: z.boolean().default(false),
    mediatorName: z.string().trim().min(2).max(120).optional(),
  })
  .refine((c) => !c.mediatorPresent || Boolean(c.mediatorName), { path: ['mediatorName'], message: 'Name the mediator', params: { code: 'required' } });
export type CreateFamilyConsentInput = z.infer<typeof CreateFamilyConsentSchema>;

export const RecordTracingOutcomeSchema = z.strictObject({
  outcome: FieldOutcomeSchema,
  notes: z.string().trim().min(3).max(4000),
  interviewMode: InterviewModeSchema.optional(),
});
export type RecordTracingOutcomeInput = z.infer<typeof RecordTracingOutcomeSchema>;

// ---------------------------------------------------------------------------------------------
// The family assessment (domain.md §3.6): written by the mission in the original language,
// translated into Italian in Rome. One assessment per case.

export const ASSESSMENT_SECTION_KEYS = [
  'household',
  'housing',
  'livelihood',
  'beforeDeparture',
  'migrationReasons',
  'familyViewOfPath',
  'careCapacity',
  'protectionRisks',
  'communityResources',
  'observations',
  'recommendations',
] as const;
export type AssessmentSectionKey = (typeof ASSESSMENT_SECTION_KEYS)[number];

const sectionText = z.string().trim().min(1).max(20000);
export const AssessmentSectionsInputSchema = z
  .strictObject(Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, sectionText.optional()])) as Record<AssessmentSectionKey, z.ZodOptional<typeof sectionText>>)
  .refine((s) => Object.values(s).some((v) => v !== undefined), { message: 'Write at least one section', params: { code: 'required' } });
export const AssessmentSectionsSchema = z.object(
  Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, z.string().optional()])) as Record<AssessmentSectionKey, z.ZodOptional<z.ZodString>>,
);
export type AssessmentSections = Partial<Record<AssessmentSectionKey, string>>;

export const PutFamilyAssessmentSchema = z.strictObject({
  interviewDate: IsoDateSchema,
  interviewMode: InterviewModeSchema,
  personsPresent: z.array(SingleLine(200)).min(1).max(30),
  languageOriginal: Language,
  sections: AssessmentSectionsInputSchema,
});
export type PutFamilyAssessmentInput = z.infer<typeof PutFamilyAssessmentSchema>;

export const PutAssessmentTranslationSchema = z.strictObject({ sections: AssessmentSectionsInputSchema });
export type PutAssessmentTranslationInput = z.infer<typeof PutAssessmentTranslationSchema>;

export const AssessmentTranslationSchema = z.object({
  sections: AssessmentSectionsSchema,
  translatedBy: z.string().nullable(),
  translatedAt: IsoDateTimeSchema.nullable(),
  // False once the original was changed after this translation was saved.
  current: z.boolean(),
});

export const FamilyAssessmentSchema = z.object({
  id: IdSchema,
  tracingRequestId: IdSchema,
  interviewDate: IsoDateSchema,
  interviewMode: InterviewModeSchema,
  personsPresent: z.array(z.string()),
  languageOriginal: z.string(),
  sections: AssessmentSectionsSchema,
  writtenBy: z.string().nullable(),
  // The If-Match value for the next change (original or translation).
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  // IOM Rome only: absent in the field officer's view, null until translated.
  translation: AssessmentTranslationSchema.nullable().optional(),
});
export type FamilyAssessment = z.infer<typeof FamilyAssessmentSchema>;

// ---------------------------------------------------------------------------------------------
// Views

export const TracingRequestListQuerySchema = CursorQuerySchema.extend({ status: TracingStatusSchema.optional() });
export type TracingRequestListQuery = z.infer<typeof TracingRequestListQuerySchema>;

export const TracingRequestSummarySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  status: TracingStatusSchema,
  targetCountry: z.string(),
  sentAt: IsoDateTimeSchema,
  dueAt: IsoDateTimeSchema,
  overdue: z.boolean(),
  outcome: TracingOutcomeSchema.nullable(),
  cancelledAt: IsoDateTimeSchema.nullable(),
  // From the packet; null once the request is cancelled (the packet is no longer shown).
  minorDisplayName: z.string().nullable(),
  targetMemberCount: z.number().int().nullable(),
  contactAttemptCount: z.number().int(),
});
export type TracingRequestSummary = z.infer<typeof TracingRequestSummarySchema>;
export const TracingRequestPageSchema = pageOf(TracingRequestSummarySchema);
export type TracingRequestPage = z.infer<typeof TracingRequestPageSchema>;

export const TracingRequestDetailSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  status: TracingStatusSchema,
  targetCountry: z.string(),
  mission: z.object({ id: IdSchema, name: z.string() }),
  sentAt: IsoDateTimeSchema,
  dueAt: IsoDateTimeSchema,
  overdue: z.boolean(),
  outcome: TracingOutcomeSchema.nullable(),
  outcomeNotes: z.string().nullable(),
  outcomeRecordedAt: IsoDateTimeSchema.nullable(),
  interviewMode: InterviewModeSchema.nullable(),
  cancelledAt: IsoDateTimeSchema.nullable(),
  cancelReason: z.string().nullable(),
  // sha-256 of the packet's canonical JSON (sorted keys), as audited when it was sent.
  packetSha256: z.string().nullable(),
  // Null when cancelled: a cancelled request shows only its status, dates and the cancellation.
  packet: TracingPacketSchema.nullable(),
  contactAttempts: z.array(ContactAttemptSchema),
  familyConsents: z.array(FamilyConsentSchema),
  assessment: FamilyAssessmentSchema.nullable(),
});
export type TracingRequestDetail = z.infer<typeof TracingRequestDetailSchema>;

// The caseworker's view of a case's tracing.
export const CaseTracingSchema = z.object({
  requests: z.array(TracingRequestDetailSchema),
  // Every family consent of the case (also those recorded in Rome).
  familyConsents: z.array(FamilyConsentSchema),
  assessment: FamilyAssessmentSchema.nullable(),
});
export type CaseTracing = z.infer<typeof CaseTracingSchema>;
