import { CASE_STATES, GUARD_CODES, OPEN_STATES, REOPEN, RESUME, ROLES, TRANSITIONS, findTransition, transitionsFrom, type CaseState, type GuardCode } from '@app/contracts';
import { NO_FACTS, type CaseFacts } from './case-facts';
import { decideTransition } from './case-transition.policy';

// Facts that satisfy every guard of a transition to `to`.
function satisfying(to: CaseState): CaseFacts {
  const outcome = { FAMILY_LOCATED: 'LOCATED', NOT_LOCATED: 'NOT_LOCATED', FAMILY_REFUSED: 'FAMILY_REFUSED' } as const;
  // The report version's status once the report endpoint has done its part of each move.
  const reportStatus = { REPORT_QA: 'IN_QA', REPORT_DRAFTING: 'RETURNED', REPORT_APPROVED: 'APPROVED', REPORT_SENT: 'RELEASED' } as const;
  return {
    ...NO_FACTS,
    minorConsentTracing: true,
    latestPreTracingRisk: 'PROCEED',
    preTracingRiskApproved: true,
    tracingRequestSent: true,
    tracingOutcome: outcome[to as keyof typeof outcome] ?? 'LOCATED',
    contactAttempts: 2,
    latestRiskDecision: 'DO_NOT_PROCEED',
    familyConsentInterview: true,
    familyConsentSharing: true,
    assessmentRecorded: true,
    reportKind: 'FAMILY_ASSESSMENT',
    reportStatus: reportStatus[to as keyof typeof reportStatus] ?? null,
    reportDraftReady: true,
    reportQaPassed: true,
    reportReleased: true,
    durableSolutionRecorded: true,
    consentWithdrawn: true,
    eighteenthBirthdayReached: true,
  };
}

// The single change to the facts that breaks one guard.
const BREAK: Record<GuardCode, (f: CaseFacts) => CaseFacts> = {
  MINOR_CONSENT_TRACING: (f) => ({ ...f, minorConsentTracing: false }),
  RISK_CHECK_PRE_TRACING_PROCEED: (f) => ({ ...f, preTracingRiskApproved: false }),
  TRACING_REQUEST_SENT: (f) => ({ ...f, tracingRequestSent: false }),
  TRACING_OUTCOME_RECORDED: (f) => ({ ...f, tracingOutcome: null }),
  CONTACT_ATTEMPT_LOGGED: (f) => ({ ...f, contactAttempts: 0 }),
  RISK_CHECK_UNSAFE: (f) => ({ ...f, latestRiskDecision: 'PROCEED' }),
  FAMILY_CONSENT_INTERVIEW: (f) => ({ ...f, familyConsentInterview: false }),
  ASSESSMENT_RECORDED: (f) => ({ ...f, assessmentRecorded: false }),
  REPORT_DRAFT_READY: (f) => ({ ...f, reportDraftReady: false }),
  REPORT_SUBMITTED: (f) => ({ ...f, reportStatus: 'DRAFT' }),
  REPORT_RETURNED: (f) => ({ ...f, reportStatus: 'IN_QA' }),
  REPORT_QA_PASSED: (f) => ({ ...f, reportQaPassed: false }),
  REPORT_VERSION_APPROVED: (f) => ({ ...f, reportStatus: 'QA_PASSED' }),
  REPORT_RELEASED: (f) => ({ ...f, reportReleased: false }),
  FAMILY_CONSENT_SHARING: (f) => ({ ...f, familyConsentSharing: false }),
  DURABLE_SOLUTION_RECORDED: (f) => ({ ...f, durableSolutionRecorded: false }),
  CONSENT_WITHDRAWN: (f) => ({ ...f, consentWithdrawn: false }),
  EIGHTEENTH_BIRTHDAY_REACHED: (f) => ({ ...f, eighteenthBirthdayReached: false }),
  NO_PROSIEGUO: (f) => ({ ...f, prosieguoUntil: '2029-01-01' }),
  REASON_GIVEN: (f) => f,
};

const REASON = 'documented reason';
const legalPairs = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to] as const)).filter(([from, to]) => findTransition(from, to));
const illegalPairs = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to] as const)).filter(([from, to]) => !findTransition(from, to));

describe('case transition table', () => {
  it('uses every guard code in some transition', () => {
    const used = new Set([...TRANSITIONS, RESUME, REOPEN].flatMap((t) => t.guards));
    expect(GUARD_CODES.filter((code) => !used.has(code))).toEqual([]);
  });

  it('only names known states and guards', () => {
    for (const t of TRANSITIONS) {
      expect(CASE_STATES).toContain(t.to);
      for (const from of t.from) expect(CASE_STATES).toContain(from);
      for (const guard of t.guards) expect(GUARD_CODES).toContain(guard);
      expect(t.roles.length).toBeGreaterThan(0);
    }
  });

  it.each(illegalPairs)('%s → %s is illegal for every role, whatever the facts', (from, to) => {
    for (const role of ROLES) expect(decideTransition(role, from, to, satisfying(to), REASON)).toEqual({ kind: 'illegal' });
  });

  it.each(legalPairs)('%s → %s is allowed exactly for its roles when every guard holds', (from, to) => {
    const transition = findTransition(from, to)!;
    for (const role of ROLES) {
      const decision = decideTransition(role, from, to, satisfying(to), REASON);
      expect(decision.kind).toBe(transition.roles.includes(role) ? 'allowed' : 'role');
    }
  });

  it.each(legalPairs)('%s → %s is refused naming each guard that does not hold', (from, to) => {
    const transition = findTransition(from, to)!;
    const role = transition.roles[0]!;
    for (const guard of transition.guards) {
      const facts = BREAK[guard](satisfying(to));
      const reason = guard === 'REASON_GIVEN' ? '' : REASON;
      const decision = decideTransition(role, from, to, facts, reason);
      expect(decision).toMatchObject({ kind: 'unmet', unmet: [expect.objectContaining({ code: guard })] });
    }
  });

  it('requires supervisor approval for READY_FOR_TRACING and REJECTED, and the report approval', () => {
    for (const [from, to] of [['SCREENING', 'READY_FOR_TRACING'], ['SCREENING', 'REJECTED'], ['REPORT_QA', 'REPORT_APPROVED']] as const) {
      expect(findTransition(from, to)!.roles).toEqual(['supervisor']);
      expect(decideTransition('caseworker', from, to, satisfying(to), REASON).kind).toBe('role');
    }
  });

  it('needs the minor’s consent and an approved pre-tracing risk check before READY_FOR_TRACING', () => {
    const facts = satisfying('READY_FOR_TRACING');
    expect(decideTransition('supervisor', 'SCREENING', 'READY_FOR_TRACING', { ...facts, minorConsentTracing: false }).kind).toBe('unmet');
    expect(decideTransition('supervisor', 'SCREENING', 'READY_FOR_TRACING', { ...facts, latestPreTracingRisk: 'DO_NOT_PROCEED' }).kind).toBe('unmet');
    expect(decideTransition('supervisor', 'SCREENING', 'READY_FOR_TRACING', { ...facts, latestPreTracingRisk: null }).kind).toBe('unmet');
  });

  it('needs the family’s consent to sharing before releasing a family-assessment report, not a non-location note', () => {
    const facts = { ...satisfying('REPORT_SENT'), familyConsentSharing: false };
    expect(decideTransition('caseworker', 'REPORT_APPROVED', 'REPORT_SENT', facts)).toMatchObject({ kind: 'unmet', unmet: [{ code: 'FAMILY_CONSENT_SHARING' }] });
    expect(decideTransition('caseworker', 'REPORT_APPROVED', 'REPORT_SENT', { ...facts, reportKind: 'NON_LOCATION_NOTE' }).kind).toBe('allowed');
    // Without any report the consent is required (and REPORT_RELEASED fails anyway).
    expect(decideTransition('caseworker', 'REPORT_APPROVED', 'REPORT_SENT', { ...facts, reportKind: null, reportReleased: false })).toMatchObject({
      kind: 'unmet',
      unmet: [{ code: 'FAMILY_CONSENT_SHARING' }, { code: 'REPORT_RELEASED' }],
    });
  });

  it('moves a case through the report states only once its report version has moved', () => {
    // Submitting: a complete draft is not enough, the version must be in QA.
    const drafting = { ...satisfying('REPORT_QA'), reportStatus: 'DRAFT' as const };
    expect(decideTransition('caseworker', 'REPORT_DRAFTING', 'REPORT_QA', drafting)).toMatchObject({ kind: 'unmet', unmet: [{ code: 'REPORT_SUBMITTED' }] });
    expect(decideTransition('caseworker', 'REPORT_DRAFTING', 'REPORT_QA', { ...drafting, reportDraftReady: false }).kind).toBe('unmet');
    // Approving: QA passed is not enough, the supervisor must approve the version (fixing its hash).
    const passed = { ...satisfying('REPORT_APPROVED'), reportStatus: 'QA_PASSED' as const };
    expect(decideTransition('supervisor', 'REPORT_QA', 'REPORT_APPROVED', passed)).toMatchObject({ kind: 'unmet', unmet: [{ code: 'REPORT_VERSION_APPROVED' }] });
    expect(decideTransition('supervisor', 'REPORT_QA', 'REPORT_APPROVED', { ...passed, reportStatus: 'APPROVED', reportQaPassed: false }).kind).toBe('unmet');
    // Releasing: an approved version and the family's consent are not enough without the release.
    const approved = { ...satisfying('REPORT_SENT'), reportStatus: 'APPROVED' as const, reportReleased: false };
    expect(decideTransition('caseworker', 'REPORT_APPROVED', 'REPORT_SENT', approved)).toMatchObject({ kind: 'unmet', unmet: [{ code: 'REPORT_RELEASED' }] });
    // Returning to drafting: not while a version is under review (it is returned from the report).
    for (const reportStatus of ['IN_QA', 'QA_PASSED'] as const) {
      expect(decideTransition('supervisor', 'REPORT_QA', 'REPORT_DRAFTING', { ...satisfying('REPORT_DRAFTING'), reportStatus }, REASON)).toMatchObject({
        kind: 'unmet',
        unmet: [{ code: 'REPORT_RETURNED' }],
      });
    }
    // A case without any report (a legacy file) can still be returned by the supervisor.
    expect(decideTransition('supervisor', 'REPORT_QA', 'REPORT_DRAFTING', { ...satisfying('REPORT_DRAFTING'), reportStatus: null }, REASON).kind).toBe('allowed');
  });

  it('lets a case on hold resume to an open state and a closed case be reopened only by a supervisor', () => {
    expect(decideTransition('caseworker', 'ON_HOLD', 'TRACING_IN_PROGRESS', satisfying('TRACING_IN_PROGRESS'), REASON).kind).toBe('allowed');
    expect(decideTransition('caseworker', 'CLOSED_LOCAL_SOLUTION', 'SCREENING', satisfying('SCREENING'), REASON).kind).toBe('role');
    expect(decideTransition('supervisor', 'CLOSED_LOCAL_SOLUTION', 'SCREENING', satisfying('SCREENING'), REASON).kind).toBe('allowed');
  });

  it('offers withdrawal and hold from every open state', () => {
    for (const state of OPEN_STATES) {
      expect(transitionsFrom(state).map((t) => t.to)).toEqual(expect.arrayContaining(['ON_HOLD', 'WITHDRAWN', 'AGED_OUT']));
    }
  });
});
