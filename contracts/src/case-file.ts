import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';

const Language = z.string().trim().min(2).max(40);

export const ConsentSubjectSchema = z.enum(['MINOR', 'GUARDIAN', 'FAMILY_MEMBER']);
export const ConsentScopeSchema = z.enum(['TRACING', 'INTERVIEW', 'SHARE_REPORT', 'AVR_REQUEST', 'RETURN_ACCEPTANCE', 'PHOTO', 'DATA_PROCESSING']);

export const CreateConsentSchema = z
  .strictObject({
    subject: ConsentSubjectSchema,
    familyMemberId: IdSchema.optional(),
    scope: ConsentScopeSchema,
    language: Language,
    mediatorPresent: z.boolean(),
    mediatorName: z.string().trim().min(2).max(120).optional(),
    informedBy: z.string().trim().min(2).max(120),
    // The minor's own words (domain §8 rule 12), required when the minor consents.
    minorWords: z.string().trim().min(3).max(4000).optional(),
    givenAt: IsoDateTimeSchema,
  })
  .refine((c) => c.subject !== 'MINOR' || Boolean(c.minorWords), { path: ['minorWords'], message: "Record the minor's own words", params: { code: 'required' } })
  .refine((c) => c.subject !== 'FAMILY_MEMBER' || Boolean(c.familyMemberId), { path: ['familyMemberId'], message: 'Name the family member', params: { code: 'required' } })
  .refine((c) => !c.mediatorPresent || Boolean(c.mediatorName), { path: ['mediatorName'], message: 'Name the mediator', params: { code: 'required' } });
export type CreateConsentInput = z.infer<typeof CreateConsentSchema>;

export const ConsentSchema = z.object({
  id: IdSchema,
  subject: ConsentSubjectSchema,
  familyMemberId: IdSchema.nullable(),
  scope: ConsentScopeSchema,
  language: z.string(),
  mediatorPresent: z.boolean(),
  mediatorName: z.string().nullable(),
  informedBy: z.string(),
  minorWords: z.string().nullable(),
  givenAt: IsoDateTimeSchema,
  withdrawnAt: IsoDateTimeSchema.nullable(),
  withdrawalReason: z.string().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const WithdrawConsentSchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentSchema>;

export const RiskStageSchema = z.enum(['PRE_TRACING', 'PRE_CONTACT_CONSULATE', 'PRE_RETURN', 'POST_RETURN']);
export const RiskDecisionSchema = z.enum(['PROCEED', 'PROCEED_WITH_MITIGATION', 'DO_NOT_PROCEED']);
export const CreateRiskCheckSchema = z
  .strictObject({
    stage: RiskStageSchema,
    riskToMinor: z.string().trim().min(3).max(4000),
    riskToFamily: z.string().trim().min(3).max(4000),
    protectionStatusConflict: z.boolean(),
    traffickingConcern: z.boolean(),
    areaSecurity: z.string().trim().min(3).max(2000),
    decision: RiskDecisionSchema,
    mitigation: z.string().trim().min(3).max(4000).optional(),
  })
  .refine((r) => r.decision !== 'PROCEED_WITH_MITIGATION' || Boolean(r.mitigation), { path: ['mitigation'], message: 'Describe the mitigation', params: { code: 'required' } });
export type CreateRiskCheckInput = z.infer<typeof CreateRiskCheckSchema>;

export const RiskCheckSchema = z.object({
  id: IdSchema,
  stage: RiskStageSchema,
  riskToMinor: z.string(),
  riskToFamily: z.string(),
  protectionStatusConflict: z.boolean(),
  traffickingConcern: z.boolean(),
  areaSecurity: z.string(),
  decision: RiskDecisionSchema,
  mitigation: z.string().nullable(),
  approved: z.boolean(),
  approvedAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type RiskCheck = z.infer<typeof RiskCheckSchema>;

export const CreateFamilyMemberSchema = z
  .strictObject({
    relationship: z.string().trim().min(2).max(60),
    firstName: z.string().trim().min(1).max(120),
    lastName: z.string().trim().min(1).max(120),
    aliases: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
    alive: z.enum(['YES', 'NO', 'UNKNOWN']).default('UNKNOWN'),
    country: z.string().trim().length(2).toUpperCase().optional(),
    locality: z.string().trim().max(200).optional(),
    address: z.string().trim().max(500).optional(),
    phones: z.array(z.string().trim().min(5).max(40)).max(10).default([]),
    isCaregiverCandidate: z.boolean().default(false),
    safetyConcern: z.string().trim().max(2000).optional(),
    doNotContact: z.boolean().default(false),
    doNotContactReason: z.string().trim().min(3).max(2000).optional(),
  })
  .refine((f) => !f.doNotContact || Boolean(f.doNotContactReason), { path: ['doNotContactReason'], message: 'Give the reason for "do not contact"', params: { code: 'required' } });
export type CreateFamilyMemberInput = z.infer<typeof CreateFamilyMemberSchema>;

export const FamilyMemberSchema = z.object({
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
  isCaregiverCandidate: z.boolean(),
  safetyConcern: z.string().nullable(),
  doNotContact: z.boolean(),
  doNotContactReason: z.string().nullable(),
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

export const CaseFileSchema = z.object({
  consents: z.array(ConsentSchema),
  riskChecks: z.array(RiskCheckSchema),
  familyMembers: z.array(FamilyMemberSchema),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;
