import type { Consent, FamilyMember, RiskCheck } from '@app/contracts';

export interface ConsentRow {
  id: string; subject: Consent['subject']; family_member_id: string | null; scope: Consent['scope']; language: string;
  mediator_present: boolean; mediator_name: string | null; informed_by: string; minor_words: string | null;
  given_at: Date; withdrawn_at: Date | null; withdrawal_reason: string | null;
}
export interface RiskCheckRow {
  id: string; stage: RiskCheck['stage']; risk_to_minor: string; risk_to_family: string; protection_status_conflict: boolean;
  trafficking_concern: boolean; area_security: string; decision: RiskCheck['decision']; mitigation: string | null;
  approved_by: string | null; approved_at: Date | null; created_at: Date;
}
export interface FamilyMemberRow {
  id: string; relationship: string; first_name: string; last_name: string; aliases: string[]; alive: FamilyMember['alive'];
  country: string | null; locality: string | null; address: string | null; phones: string[]; is_caregiver_candidate: boolean;
  safety_concern: string | null; do_not_contact: boolean; do_not_contact_reason: string | null;
}

export const toConsent = (r: ConsentRow): Consent => ({
  id: r.id, subject: r.subject, familyMemberId: r.family_member_id, scope: r.scope, language: r.language,
  mediatorPresent: r.mediator_present, mediatorName: r.mediator_name, informedBy: r.informed_by, minorWords: r.minor_words,
  givenAt: r.given_at.toISOString(), withdrawnAt: r.withdrawn_at?.toISOString() ?? null, withdrawalReason: r.withdrawal_reason,
});
export const toRiskCheck = (r: RiskCheckRow): RiskCheck => ({
  id: r.id, stage: r.stage, riskToMinor: r.risk_to_minor, riskToFamily: r.risk_to_family, protectionStatusConflict: r.protection_status_conflict,
  traffickingConcern: r.trafficking_concern, areaSecurity: r.area_security, decision: r.decision, mitigation: r.mitigation,
  approved: r.approved_by !== null, approvedAt: r.approved_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
});
export const toFamilyMember = (r: FamilyMemberRow): FamilyMember => ({
  id: r.id, relationship: r.relationship, firstName: r.first_name, lastName: r.last_name, aliases: r.aliases, alive: r.alive,
  country: r.country?.trim() ?? null, locality: r.locality, address: r.address, phones: r.phones, isCaregiverCandidate: r.is_caregiver_candidate,
  safetyConcern: r.safety_concern, doNotContact: r.do_not_contact, doNotContactReason: r.do_not_contact_reason,
});
