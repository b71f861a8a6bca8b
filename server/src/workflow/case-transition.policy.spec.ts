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
    // Part 2: every record of a return, with the decision matching the target.
    durableSolutionType: to === 'CLOSED_REINTEGRATED' ? 'RETURN_AVR' : 'LOCAL_INTEGRATION_IT',
    avrMinorRequest: true,
    avrGuardianConsent: true,
    familyAssessmentReleased: true,
    counsellingSessions: 2,
    planRecorded: true,
    planObjectives: 3,
    planItems: 4,
    planItemsOpen: 0,
    planApproved: true,
    proceedingFiled: true,
    courtFileFamilyAssessment: true,
    courtFileSocialServicesReport: true,
    courtFileReintegrationProposal: true,
    minorHeard: true,
    guardianHeard: true,
    courtDecision: to === 'COURT_REJECTED' ? 'RETURN_REJECTED' : 'RETURN_ORDERED',
    decreeAttached: true,
    preReturnRisk: 'PROCEED',
    preReturnRiskApproved: true,
    consularRisk: 'PROCEED_WITH_MITIGATION',
    consularRiskApproved: true,
    travelPlanRecorded: true,
    caregiverAccepted: true,
    airportCollection: true,
    travelDocumentReady: true,
    consularContact: true,
    fitToTravel: true,
    escortRequired: true,
    escortNamed: true,
    escortWaived: false,
    receivingMission: true,
    // The planned departure is before the 18th birthday; the minor has turned 18 (for AGED_OUT) with
    // a prosieguo only where none is tested (NO_PROSIEGUO breaks by adding one).
    plannedDeparture: '2027-03-01',
    eighteenthBirthday: '2027-06-01',
    ...(to === 'IN_TRANSIT' ? { eighteenthBirthdayReached: false } : {}),
    handoverProtocolSigned: true,
    arrivalConfirmed: true,
    monitoringScheduled: 3,
    monitoringPending: 0,
    monitoringDone: 3,
    monitoringSpanMet: true,
    finalScoresRecorded: true,
    openEscalations: 0,
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
  AVR_MINOR_REQUEST: (f) => ({ ...f, avrMinorRequest: false }),
  AVR_GUARDIAN_CONSENT: (f) => ({ ...f, avrGuardianConsent: false }),
  FAMILY_ASSESSMENT_RELEASED: (f) => ({ ...f, familyAssessmentReleased: false }),
  COUNSELLING_RECORDED: (f) => ({ ...f, counsellingSessions: 0 }),
  REINTEGRATION_PLAN_DRAFTED: (f) => ({ ...f, planItems: 0 }),
  COURT_PROCEEDING_FILED: (f) => ({ ...f, proceedingFiled: false }),
  COURT_FILE_COMPLETE: (f) => ({ ...f, courtFileSocialServicesReport: false }),
  MINOR_AND_GUARDIAN_HEARD: (f) => ({ ...f, minorHeard: false }),
  COURT_DECISION_RECORDED: (f) => ({ ...f, courtDecision: null }),
  COURT_DECREE_ATTACHED: (f) => ({ ...f, decreeAttached: false }),
  COURT_RETURN_ORDERED: (f) => ({ ...f, courtDecision: 'RETURN_REJECTED' }),
  RISK_CHECK_PRE_RETURN_PROCEED: (f) => ({ ...f, preReturnRisk: 'DO_NOT_PROCEED' }),
  CAREGIVER_ACCEPTANCE: (f) => ({ ...f, caregiverAccepted: false }),
  TRAVEL_DOCUMENTS_READY: (f) => ({ ...f, travelDocumentReady: false }),
  RISK_CHECK_CONSULAR_CONTACT: (f) => ({ ...f, consularRiskApproved: false }),
  FIT_TO_TRAVEL: (f) => ({ ...f, fitToTravel: false }),
  ESCORT_ASSIGNED: (f) => ({ ...f, escortNamed: false }),
  REINTEGRATION_PLAN_APPROVED: (f) => ({ ...f, planApproved: false }),
  RECEIVING_MISSION_ASSIGNED: (f) => ({ ...f, receivingMission: false }),
  // Planned after the birthday (AVR_PREPARATION) or already 18 at departure (IN_TRANSIT).
  DEPARTURE_BEFORE_18: (f) => ({ ...f, plannedDeparture: '2027-06-01', eighteenthBirthdayReached: true }),
  HANDOVER_PROTOCOL_SIGNED: (f) => ({ ...f, handoverProtocolSigned: false }),
  ARRIVAL_CONFIRMED: (f) => ({ ...f, arrivalConfirmed: false }),
  MONITORING_SCHEDULED: (f) => ({ ...f, monitoringScheduled: 0 }),
  ASSISTANCE_DELIVERED: (f) => ({ ...f, planItemsOpen: 1 }),
  MONITORING_COMPLETED: (f) => ({ ...f, finalScoresRecorded: false }),
  MONITORING_CONCERNS_RESOLVED: (f) => ({ ...f, openEscalations: 1 }),
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
  // Part 2 (issue 4): the return path.
  describe('return, court and reintegration', () => {
    it('offers no way around the juvenile court: no state before the decision leads to a travel step', () => {
      const beforeDecision = ['AWAITING_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_REJECTED'] as const;
      for (const from of beforeDecision) {
        for (const to of ['AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER'] as const) {
          for (const role of ROLES) expect(decideTransition(role, from, to, satisfying(to), REASON)).toEqual({ kind: 'illegal' });
        }
      }
      // Only COURT_PENDING leads to COURT_APPROVED, and only with the decision and its decree.
      expect(CASE_STATES.filter((from) => findTransition(from, 'COURT_APPROVED') && from !== 'ON_HOLD')).toEqual(['COURT_PENDING']);
      const facts = satisfying('COURT_APPROVED');
      expect(decideTransition('caseworker', 'COURT_PENDING', 'COURT_APPROVED', { ...facts, courtDecision: 'RETURN_REJECTED' })).toMatchObject({
        kind: 'unmet',
        unmet: [{ code: 'COURT_DECISION_RECORDED' }],
      });
      expect(decideTransition('caseworker', 'COURT_PENDING', 'COURT_REJECTED', { ...satisfying('COURT_REJECTED'), courtDecision: 'RETURN_ORDERED' })).toMatchObject({
        kind: 'unmet',
        unmet: [{ code: 'COURT_DECISION_RECORDED' }],
      });
      expect(decideTransition('caseworker', 'COURT_PENDING', 'COURT_APPROVED', { ...facts, decreeAttached: false })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'COURT_DECREE_ATTACHED' }] });
    });

    it('needs the court’s return order again at approval of the operational plan and at departure', () => {
      for (const [from, to, role] of [['COURT_APPROVED', 'AVR_PREPARATION', 'supervisor'], ['AVR_PREPARATION', 'IN_TRANSIT', 'caseworker']] as const) {
        const facts = satisfying(to);
        expect(decideTransition(role, from, to, facts).kind).toBe('allowed');
        for (const broken of [{ courtDecision: null }, { courtDecision: 'RETURN_REJECTED' as const }, { decreeAttached: false }]) {
          expect(decideTransition(role, from, to, { ...facts, ...broken })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'COURT_RETURN_ORDERED' }] });
        }
      }
    });

    it('lets only a supervisor approve the AVR operational plan and close a reintegrated case', () => {
      for (const [from, to] of [['COURT_APPROVED', 'AVR_PREPARATION'], ['MONITORING', 'CLOSED_REINTEGRATED']] as const) {
        expect(findTransition(from, to)!.roles).toEqual(['supervisor']);
        expect(decideTransition('caseworker', from, to, satisfying(to)).kind).toBe('role');
      }
    });

    it('refuses a planned departure on or after the 18th birthday unless a prosieguo covers it', () => {
      const facts = { ...satisfying('AVR_PREPARATION'), eighteenthBirthday: '2027-06-01' };
      const decide = (extra: Partial<typeof facts>) => decideTransition('supervisor', 'COURT_APPROVED', 'AVR_PREPARATION', { ...facts, ...extra });
      expect(decide({ plannedDeparture: '2027-05-31' }).kind).toBe('allowed');
      expect(decide({ plannedDeparture: '2027-06-01' })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'DEPARTURE_BEFORE_18' }] });
      expect(decide({ plannedDeparture: '2027-09-01' })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'DEPARTURE_BEFORE_18' }] });
      expect(decide({ plannedDeparture: null })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'DEPARTURE_BEFORE_18' }] });
      expect(decide({ plannedDeparture: '2027-09-01', prosieguoUntil: '2028-01-31' }).kind).toBe('allowed');
      expect(decide({ plannedDeparture: '2028-02-01', prosieguoUntil: '2028-01-31' })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'DEPARTURE_BEFORE_18' }] });
      // At departure the day counts: a minor who turned 18 leaves only under a prosieguo.
      const atDeparture = { ...satisfying('IN_TRANSIT'), eighteenthBirthdayReached: true };
      expect(decideTransition('caseworker', 'AVR_PREPARATION', 'IN_TRANSIT', atDeparture)).toMatchObject({ kind: 'unmet', unmet: [{ code: 'DEPARTURE_BEFORE_18' }] });
      expect(decideTransition('caseworker', 'AVR_PREPARATION', 'IN_TRANSIT', { ...atDeparture, prosieguoUntil: '2028-01-31' }).kind).toBe('allowed');
    });

    it('keeps the escort on unless a supervisor waived it, and asks for the consular risk check only when the consulate is involved', () => {
      const facts = satisfying('AVR_PREPARATION');
      const decide = (extra: Partial<typeof facts>) => decideTransition('supervisor', 'COURT_APPROVED', 'AVR_PREPARATION', { ...facts, ...extra });
      expect(decide({ escortRequired: false, escortNamed: false, escortWaived: false })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'ESCORT_ASSIGNED' }] });
      expect(decide({ escortRequired: false, escortNamed: false, escortWaived: true }).kind).toBe('allowed');
      expect(decide({ consularContact: false, consularRisk: null, consularRiskApproved: false }).kind).toBe('allowed');
      expect(decide({ consularContact: true, consularRisk: 'DO_NOT_PROCEED' })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'RISK_CHECK_CONSULAR_CONTACT' }] });
      // The caregiver must accept in writing and collect the child at the airport (Alternative Care Guidelines §148).
      expect(decide({ airportCollection: false })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'CAREGIVER_ACCEPTANCE' }] });
      // An unapproved pre-return risk check does not count.
      expect(decide({ preReturnRiskApproved: false })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'RISK_CHECK_PRE_RETURN_PROCEED' }] });
      // Without a travel plan, everything it carries is missing.
      const none = decide({ ...NO_FACTS, courtDecision: 'RETURN_ORDERED', decreeAttached: true, preReturnRisk: 'PROCEED', preReturnRiskApproved: true, planApproved: true });
      expect(none.kind === 'unmet' && none.unmet.map((u) => u.code)).toEqual([
        'CAREGIVER_ACCEPTANCE', 'TRAVEL_DOCUMENTS_READY', 'RISK_CHECK_CONSULAR_CONTACT', 'FIT_TO_TRAVEL', 'ESCORT_ASSIGNED', 'RECEIVING_MISSION_ASSIGNED', 'DEPARTURE_BEFORE_18',
      ]);
    });

    it('closes a return only on the court’s RETURN_AVR solution and a local solution only on another one', () => {
      expect(decideTransition('supervisor', 'MONITORING', 'CLOSED_REINTEGRATED', { ...satisfying('CLOSED_REINTEGRATED'), durableSolutionType: 'LOCAL_INTEGRATION_IT' })).toMatchObject({
        kind: 'unmet',
        unmet: [{ code: 'DURABLE_SOLUTION_RECORDED' }],
      });
      for (const from of ['AWAITING_SOLUTION', 'COURT_REJECTED'] as const) {
        expect(decideTransition('caseworker', from, 'CLOSED_LOCAL_SOLUTION', { ...satisfying('CLOSED_LOCAL_SOLUTION'), durableSolutionType: 'RETURN_AVR' })).toMatchObject({
          kind: 'unmet',
          unmet: [{ code: 'DURABLE_SOLUTION_RECORDED' }],
        });
        expect(decideTransition('caseworker', from, 'CLOSED_LOCAL_SOLUTION', satisfying('CLOSED_LOCAL_SOLUTION')).kind).toBe('allowed');
      }
      // A court rejection leads to a local solution only (or the cross-cutting exits).
      expect(transitionsFrom('COURT_REJECTED').map((t) => t.to).sort()).toEqual(['AGED_OUT', 'CLOSED_LOCAL_SOLUTION', 'ON_HOLD', 'WITHDRAWN']);
    });

    it('needs monitoring over six months with final scores, and no open concern, before closing', () => {
      const facts = satisfying('CLOSED_REINTEGRATED');
      const decide = (extra: Partial<typeof facts>) => decideTransition('supervisor', 'MONITORING', 'CLOSED_REINTEGRATED', { ...facts, ...extra });
      expect(decide({ monitoringPending: 1 })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'MONITORING_COMPLETED' }] });
      expect(decide({ monitoringSpanMet: false })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'MONITORING_COMPLETED' }] });
      expect(decide({ monitoringDone: 0 })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'MONITORING_COMPLETED' }] });
      expect(decide({ openEscalations: 2 })).toMatchObject({ kind: 'unmet', unmet: [{ code: 'MONITORING_CONCERNS_RESOLVED' }] });
    });

    it('asks for the minor’s request, the guardian’s consent and a released family assessment before AVR_REQUESTED', () => {
      const none = decideTransition('caseworker', 'AWAITING_SOLUTION', 'AVR_REQUESTED', NO_FACTS);
      expect(none.kind === 'unmet' && none.unmet.map((u) => u.code)).toEqual(['AVR_MINOR_REQUEST', 'AVR_GUARDIAN_CONSENT', 'FAMILY_ASSESSMENT_RELEASED']);
    });
  });
});
