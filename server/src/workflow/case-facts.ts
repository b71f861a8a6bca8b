import type { ReportKind, ReportVersionStatus } from '@app/contracts';

// What the guards need to know about a case file, loaded in one query inside the transition's
// transaction (so a guard cannot be satisfied by data that is rolled back).
export interface CaseFacts {
  minorConsentTracing: boolean;
  latestPreTracingRisk: 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED' | null;
  preTracingRiskApproved: boolean;
  tracingRequestSent: boolean;
  tracingOutcome: 'LOCATED' | 'NOT_LOCATED' | 'FAMILY_REFUSED' | 'UNSAFE_TO_PROCEED' | null;
  contactAttempts: number;
  latestRiskDecision: 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED' | null;
  familyConsentInterview: boolean;
  familyConsentSharing: boolean;
  assessmentRecorded: boolean;
  // The case's current report (the family assessment or non-location note whose latest version
  // is the newest) and that version's state.
  reportKind: ReportKind | null;
  reportStatus: ReportVersionStatus | null;
  // Every required section of the current version is written in the original and in Italian.
  reportDraftReady: boolean;
  // The current version passed the caseworker's quality review.
  reportQaPassed: boolean;
  // The current version is released and the disclosure register has a row for it.
  reportReleased: boolean;
  durableSolutionRecorded: boolean;
  consentWithdrawn: boolean;
  eighteenthBirthdayReached: boolean;
  prosieguoUntil: string | null;
}

export const NO_FACTS: CaseFacts = {
  minorConsentTracing: false,
  latestPreTracingRisk: null,
  preTracingRiskApproved: false,
  tracingRequestSent: false,
  tracingOutcome: null,
  contactAttempts: 0,
  latestRiskDecision: null,
  familyConsentInterview: false,
  familyConsentSharing: false,
  assessmentRecorded: false,
  reportKind: null,
  reportStatus: null,
  reportDraftReady: false,
  reportQaPassed: false,
  reportReleased: false,
  durableSolutionRecorded: false,
  consentWithdrawn: false,
  eighteenthBirthdayReached: false,
  prosieguoUntil: null,
};
