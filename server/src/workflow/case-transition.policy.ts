import { findTransition, type CaseState, type GuardCode, type Role, type TransitionDef } from '@app/contracts';
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
  DURABLE_SOLUTION_RECORDED: (f) => (f.durableSolutionRecorded ? null : 'The durable-solution decision is not recorded'),
  CONSENT_WITHDRAWN: (f) => (f.consentWithdrawn ? null : 'No withdrawal of consent is recorded'),
  EIGHTEENTH_BIRTHDAY_REACHED: (f) => (f.eighteenthBirthdayReached ? null : 'The minor has not turned 18'),
  NO_PROSIEGUO: (f) => (f.prosieguoUntil === null ? null : `Continuation of support is recorded until ${f.prosieguoUntil}`),
  REASON_GIVEN: (_f, { reason }) => (reason && reason.trim().length >= 3 ? null : 'A reason is required'),
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
