import { MIN_MONITORING_MONTHS, findTransition, type CaseState, type GuardCode, type Role, type TransitionDef } from '@app/contracts';
import type { CaseFacts } from './case-facts';

export interface UnmetGuard {
  code: GuardCode;
  message: string;
}

const OUTCOME_FOR: Partial<Record<CaseState, CaseFacts['tracingOutcome']>> = {
  FAMILY_LOCATED: 'LOCATED',
  NOT_LOCATED: 'NOT_LOCATED',
  FAMILY_REFUSED: 'FAMILY_REFUSED',
};

// Each guard as a predicate over the facts; `to` lets one guard serve several targets.
const GUARDS: Record<GuardCode, (facts: CaseFacts, ctx: { to: CaseState; reason: string | undefined }) => string | null> = {
  MINOR_CONSENT_TRACING: (f) => (f.minorConsentTracing ? null : "The minor's informed consent to tracing (language, mediator) is not recorded"),
  RISK_CHECK_PRE_TRACING_PROCEED: (f) =>
    f.latestPreTracingRisk && f.latestPreTracingRisk !== 'DO_NOT_PROCEED' && f.preTracingRiskApproved
      ? null
      : 'An approved pre-tracing risk check that allows proceeding is missing',
  TRACING_REQUEST_SENT: (f) => (f.tracingRequestSent ? null : 'No tracing request has been sent to a mission'),
  TRACING_OUTCOME_RECORDED: (f, { to }) => (f.tracingOutcome === OUTCOME_FOR[to] ? null : `The mission has not recorded the outcome ${OUTCOME_FOR[to]}`),
  CONTACT_ATTEMPT_LOGGED: (f) => (f.contactAttempts > 0 ? null : 'No contact attempt is logged'),
  RISK_CHECK_UNSAFE: (f) => (f.latestRiskDecision === 'DO_NOT_PROCEED' ? null : 'A risk check concluding "do not proceed" is needed'),
  FAMILY_CONSENT_INTERVIEW: (f) => (f.familyConsentInterview ? null : "The family's consent to the interview is not recorded"),
  ASSESSMENT_RECORDED: (f) => (f.assessmentRecorded ? null : 'The family assessment has not been written'),
  REPORT_DRAFT_READY: (f) => (f.reportDraftReady ? null : 'The report draft lacks sections in the original language or in Italian'),
  REPORT_SUBMITTED: (f) => (f.reportStatus === 'IN_QA' ? null : 'The report has not been submitted for quality review (from the report page)'),
  REPORT_RETURNED: (f) =>
    f.reportStatus !== 'IN_QA' && f.reportStatus !== 'QA_PASSED' ? null : 'The report under review must be returned with a comment (from the report page)',
  REPORT_QA_PASSED: (f) => (f.reportQaPassed ? null : 'The report has not passed quality review'),
  REPORT_VERSION_APPROVED: (f) =>
    f.reportStatus === 'APPROVED' || f.reportStatus === 'RELEASED' ? null : 'The supervisor has not approved the report version (from the report page)',
  REPORT_RELEASED: (f) => (f.reportReleased ? null : 'The approved report has not been released to named recipients (from the report page)'),
  // A non-location note carries no family data (attempts, reason, recommendations), so only a
  // family-assessment report (or, before any report exists, any release) needs the consent.
  FAMILY_CONSENT_SHARING: (f, { to }) =>
    to !== 'REPORT_SENT' || f.familyConsentSharing || f.reportKind === 'NON_LOCATION_NOTE' ? null : "The family's consent to sharing the report is not recorded",
  // A return closes on a RETURN_AVR decision (the court's), a local solution on any other one.
  DURABLE_SOLUTION_RECORDED: (f, { to }) => {
    if (!f.durableSolutionRecorded) return 'The durable-solution decision is not recorded';
    if (to === 'CLOSED_REINTEGRATED' && f.durableSolutionType !== 'RETURN_AVR') return 'The durable-solution decision recorded is not the return ordered by the court (RETURN_AVR)';
    if (to === 'CLOSED_LOCAL_SOLUTION' && f.durableSolutionType === 'RETURN_AVR') return 'The durable-solution decision recorded is a return, not a local solution';
    return null;
  },
  CONSENT_WITHDRAWN: (f) => (f.consentWithdrawn ? null : 'No withdrawal of consent is recorded'),
  EIGHTEENTH_BIRTHDAY_REACHED: (f) => (f.eighteenthBirthdayReached ? null : 'The minor has not turned 18'),
  NO_PROSIEGUO: (f) => (f.prosieguoUntil === null ? null : `Continuation of support is recorded until ${f.prosieguoUntil}`),
  REASON_GIVEN: (_f, { reason }) => (reason && reason.trim().length >= 3 ? null : 'A reason is required'),

  // Part 2 (issue 4)
  AVR_MINOR_REQUEST: (f) => (f.avrMinorRequest ? null : "The minor's voluntary request to return (own words, language, mediator) is not recorded"),
  AVR_GUARDIAN_CONSENT: (f) => (f.avrGuardianConsent ? null : "The guardian's consent to the return request is not recorded"),
  FAMILY_ASSESSMENT_RELEASED: (f) => (f.familyAssessmentReleased ? null : 'No family-assessment report has been released'),
  COUNSELLING_RECORDED: (f) => (f.counsellingSessions > 0 ? null : 'No counselling session with the minor is recorded'),
  REINTEGRATION_PLAN_DRAFTED: (f) =>
    f.planRecorded && f.planObjectives > 0 && f.planItems > 0 ? null : 'The draft reintegration plan (with objectives and assistance items) is not written',
  COURT_PROCEEDING_FILED: (f) => (f.proceedingFiled ? null : 'The filing of the return petition with the juvenile court is not recorded'),
  COURT_FILE_COMPLETE: (f) => {
    const missing = [
      f.courtFileFamilyAssessment ? null : 'the released family assessment',
      f.courtFileSocialServicesReport ? null : "the social services' report",
      f.courtFileReintegrationProposal ? null : 'the reintegration proposal',
    ].filter(Boolean);
    return missing.length ? `The documents before the court lack ${missing.join(', ')}` : null;
  },
  MINOR_AND_GUARDIAN_HEARD: (f) => {
    if (f.minorHeard && f.guardianHeard) return null;
    return `No hearing record shows ${[f.minorHeard ? null : 'the minor', f.guardianHeard ? null : 'the guardian'].filter(Boolean).join(' and ')} heard by the court`;
  },
  COURT_DECISION_RECORDED: (f, { to }) => {
    const expected = to === 'COURT_REJECTED' ? 'RETURN_REJECTED' : 'RETURN_ORDERED';
    return f.courtDecision === expected ? null : `No court decision ${expected === 'RETURN_ORDERED' ? 'ordering' : 'rejecting'} the return is recorded`;
  },
  COURT_DECREE_ATTACHED: (f) => (f.decreeAttached ? null : "The court's decree is not attached to the decision"),
  COURT_RETURN_ORDERED: (f) =>
    f.courtDecision === 'RETURN_ORDERED' && f.decreeAttached ? null : 'No court decision ordering the return, with its decree attached, is recorded: no travel step is possible',
  RISK_CHECK_PRE_RETURN_PROCEED: (f) =>
    f.preReturnRisk && f.preReturnRisk !== 'DO_NOT_PROCEED' && f.preReturnRiskApproved ? null : 'An approved pre-return risk check that allows proceeding is missing',
  CAREGIVER_ACCEPTANCE: (f) => {
    if (!f.travelPlanRecorded) return 'No travel plan names the receiving caregiver';
    if (!f.caregiverAccepted) return "The receiving caregiver's written acceptance (RETURN_ACCEPTANCE) is not recorded";
    return f.airportCollection ? null : 'The receiving caregiver has not undertaken to collect the child at the airport';
  },
  TRAVEL_DOCUMENTS_READY: (f) => (f.travelPlanRecorded && f.travelDocumentReady ? null : 'The travel documents are not ready'),
  RISK_CHECK_CONSULAR_CONTACT: (f) => {
    if (!f.travelPlanRecorded) return 'No travel plan says whether the consulate must be contacted';
    if (!f.consularContact) return null;
    return f.consularRisk && f.consularRisk !== 'DO_NOT_PROCEED' && f.consularRiskApproved
      ? null
      : 'The travel documents need the consulate: an approved consular-contact risk check allowing it is missing';
  },
  FIT_TO_TRAVEL: (f) => (f.travelPlanRecorded && f.fitToTravel ? null : 'Fitness to travel is not assessed'),
  ESCORT_ASSIGNED: (f) => {
    if (!f.travelPlanRecorded) return 'No travel plan names the escort';
    if (f.escortRequired) return f.escortNamed ? null : 'No escort is assigned';
    return f.escortWaived ? null : "Travel without an escort needs a supervisor's reasoned waiver";
  },
  REINTEGRATION_PLAN_APPROVED: (f) => (f.planApproved ? null : 'The supervisor has not approved the reintegration plan (from its report)'),
  RECEIVING_MISSION_ASSIGNED: (f) => (f.travelPlanRecorded && f.receivingMission ? null : 'No IOM mission in the country of origin is named for the reception'),
  // Before the AVR operational plan is approved: the planned departure; at departure: today. A
  // recorded prosieguo covers a departure until its end.
  DEPARTURE_BEFORE_18: (f, { to }) => {
    if (to === 'IN_TRANSIT') {
      return !f.eighteenthBirthdayReached || f.prosieguoUntil !== null ? null : 'The minor has turned 18 and no continuation of support (prosieguo) is recorded';
    }
    if (!f.plannedDeparture) return 'No departure is planned';
    if (!f.eighteenthBirthday || f.plannedDeparture < f.eighteenthBirthday) return null;
    if (f.prosieguoUntil && f.plannedDeparture <= f.prosieguoUntil) return null;
    return `The planned departure (${f.plannedDeparture}) is not before the 18th birthday (${f.eighteenthBirthday}) and no continuation of support covers it`;
  },
  HANDOVER_PROTOCOL_SIGNED: (f) => (f.handoverProtocolSigned ? null : 'The signed hand-over protocol is not attached'),
  ARRIVAL_CONFIRMED: (f) => (f.arrivalConfirmed ? null : 'The arrival, and who received the child, is not confirmed'),
  MONITORING_SCHEDULED: (f) => (f.monitoringScheduled > 0 ? null : 'No monitoring visit is scheduled'),
  ASSISTANCE_DELIVERED: (f) => {
    if (f.planItems === 0) return 'The reintegration plan has no assistance items';
    return f.planItemsOpen === 0 ? null : `${f.planItemsOpen} assistance item(s) of the plan are neither delivered nor cancelled`;
  },
  MONITORING_COMPLETED: (f) => {
    if (f.monitoringPending > 0) return `${f.monitoringPending} monitoring visit(s) are still planned`;
    if (f.monitoringDone === 0 || !f.monitoringSpanMet) return `Monitoring has not covered at least ${MIN_MONITORING_MONTHS} months after the hand-over`;
    return f.finalScoresRecorded ? null : 'The last monitoring visit has no reintegration-sustainability scores';
  },
  MONITORING_CONCERNS_RESOLVED: (f) => (f.openEscalations === 0 ? null : `${f.openEscalations} escalated protection concern(s) are still open`),
};

export function unmetGuards(transition: TransitionDef, facts: CaseFacts, reason?: string): UnmetGuard[] {
  return transition.guards.flatMap((code) => {
    const message = GUARDS[code](facts, { to: transition.to, reason });
    return message ? [{ code, message }] : [];
  });
}

export type TransitionDecision =
  | { kind: 'allowed'; transition: TransitionDef }
  | { kind: 'illegal' }
  | { kind: 'role'; transition: TransitionDef }
  | { kind: 'unmet'; transition: TransitionDef; unmet: UnmetGuard[] };

// Pure decision: is `from → to` in the table, may this role fire it, and do the facts satisfy
// every guard? The server runs it inside the transaction; the case view runs it to list actions.
export function decideTransition(role: Role, from: CaseState, to: CaseState, facts: CaseFacts, reason?: string): TransitionDecision {
  const transition = findTransition(from, to);
  if (!transition) return { kind: 'illegal' };
  if (!transition.roles.includes(role)) return { kind: 'role', transition };
  const unmet = unmetGuards(transition, facts, reason);
  return unmet.length ? { kind: 'unmet', transition, unmet } : { kind: 'allowed', transition };
}
