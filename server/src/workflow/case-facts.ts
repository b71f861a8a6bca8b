import type { CourtDecisionOutcome, DurableSolutionType, ReportKind, ReportVersionStatus } from '@app/contracts';

type RiskDecision = 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED';

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

  // Part 2 (issue 4): durable solution by return, the court, AVR, reintegration.
  // The latest durable-solution decision's type (RETURN_AVR closes a return, anything else a local solution).
  durableSolutionType: DurableSolutionType | null;
  // The minor's voluntary request and the guardian's consent (consents of scope AVR_REQUEST in force).
  avrMinorRequest: boolean;
  avrGuardianConsent: boolean;
  // A family-assessment report has a released version (disclosure register row).
  familyAssessmentReleased: boolean;
  counsellingSessions: number;
  // The reintegration plan: written, its objectives and assistance items, how many items are still
  // planned or in progress, and whether a version of its REINTEGRATION_PLAN report is approved.
  planRecorded: boolean;
  planObjectives: number;
  planItems: number;
  planItemsOpen: number;
  planApproved: boolean;
  // The latest art. 8 proceeding, its documents before the court and its hearings.
  proceedingFiled: boolean;
  courtFileFamilyAssessment: boolean;
  courtFileSocialServicesReport: boolean;
  courtFileReintegrationProposal: boolean;
  minorHeard: boolean;
  guardianHeard: boolean;
  // Its latest decision and whether the decree document is attached to it.
  courtDecision: Extract<CourtDecisionOutcome, 'RETURN_ORDERED' | 'RETURN_REJECTED'> | null;
  decreeAttached: boolean;
  // The latest PRE_RETURN and PRE_CONTACT_CONSULATE risk checks.
  preReturnRisk: RiskDecision | null;
  preReturnRiskApproved: boolean;
  consularRisk: RiskDecision | null;
  consularRiskApproved: boolean;
  // The travel plan.
  travelPlanRecorded: boolean;
  caregiverAccepted: boolean;
  airportCollection: boolean;
  travelDocumentReady: boolean;
  consularContact: boolean;
  fitToTravel: boolean;
  escortRequired: boolean;
  escortNamed: boolean;
  escortWaived: boolean;
  receivingMission: boolean;
  // YYYY-MM-DD (Europe/Rome) of the planned departure; the 18th birthday.
  plannedDeparture: string | null;
  eighteenthBirthday: string | null;
  // The hand-over.
  handoverProtocolSigned: boolean;
  arrivalConfirmed: boolean;
  // Monitoring visits: scheduled (any status), planned and not yet done, done; whether the last
  // done visit is at least MIN_MONITORING_MONTHS after the hand-over and carries the sustainability
  // scores; escalated concerns still open.
  monitoringScheduled: number;
  monitoringPending: number;
  monitoringDone: number;
  monitoringSpanMet: boolean;
  finalScoresRecorded: boolean;
  openEscalations: number;
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
  durableSolutionType: null,
  avrMinorRequest: false,
  avrGuardianConsent: false,
  familyAssessmentReleased: false,
  counsellingSessions: 0,
  planRecorded: false,
  planObjectives: 0,
  planItems: 0,
  planItemsOpen: 0,
  planApproved: false,
  proceedingFiled: false,
  courtFileFamilyAssessment: false,
  courtFileSocialServicesReport: false,
  courtFileReintegrationProposal: false,
  minorHeard: false,
  guardianHeard: false,
  courtDecision: null,
  decreeAttached: false,
  preReturnRisk: null,
  preReturnRiskApproved: false,
  consularRisk: null,
  consularRiskApproved: false,
  travelPlanRecorded: false,
  caregiverAccepted: false,
  airportCollection: false,
  travelDocumentReady: false,
  consularContact: false,
  fitToTravel: false,
  escortRequired: true,
  escortNamed: false,
  escortWaived: false,
  receivingMission: false,
  plannedDeparture: null,
  eighteenthBirthday: null,
  handoverProtocolSigned: false,
  arrivalConfirmed: false,
  monitoringScheduled: 0,
  monitoringPending: 0,
  monitoringDone: 0,
  monitoringSpanMet: false,
  finalScoresRecorded: false,
  openEscalations: 0,
};
