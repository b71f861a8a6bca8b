import { addDays, addYears } from '@app/contracts';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { DAY, ReturnDriver, SCORES, isoDay } from './return-fixtures';
import { testNow } from '../setup/test-clock';

// Part 2 of the workflow through the HTTP API (issue 4; domain §4 transitions 14–21): the whole
// return path, a court rejection, a departure that would fall after the 18th birthday, and an
// attempt to skip the court.
describe('return, court and reintegration through the API', () => {
  let t: TestApp;
  let d: ReturnDriver;
  let caseworker: string;
  let supervisor: string;
  let guardian: string;
  let courtMilano: string;
  let courtPalermo: string;
  let cairo: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    supervisor = await t.login(demoEmail('supervisor'));
    guardian = await t.login(demoEmail('guardian'));
    courtMilano = await t.login(demoEmail('court.milano'));
    courtPalermo = await t.login(demoEmail('court.palermo'));
    cairo = await t.login(demoEmail('field.cairo'));
    d = new ReturnDriver(t, { caseworker, supervisor });
  });
  afterAll(() => t.close());

  const unmetCodes = (response: { body: { details?: { unmet?: { code: string }[] } } }) => response.body.details?.unmet?.map((u) => u.code);
  const count = async (sql: string, params: unknown[]) => Number((await t.db.query<{ n: string }[]>(sql, params))[0]!.n);

  // A case in AWAITING_SOLUTION with a released family assessment, a guardian and a caregiver.
  const awaiting = async () => {
    const caseId = await t.blankCase('AWAITING_SOLUTION');
    const reportId = await d.releasedFamilyAssessment(caseId);
    await d.grantGuardian(caseId);
    const caregiverId = await d.caregiver(caseId);
    return { caseId, reportId, caregiverId };
  };

  // Drives a fresh case to COURT_PENDING through the API.
  const pending = async () => {
    const { caseId, reportId, caregiverId } = await awaiting();
    await d.minorRequest(caseId);
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(201);
    await d.move(caseworker, caseId, 'AVR_REQUESTED').then((r) => expect(r.status).toBe(200));
    await d.move(caseworker, caseId, 'AVR_COUNSELLING').then((r) => expect(r.status).toBe(200));
    const { proceedingId, itemIds } = await d.fileWithCourt(caseId, reportId);
    await d.move(caseworker, caseId, 'COURT_PENDING').then((r) => expect(r.status).toBe(200));
    return { caseId, caregiverId, proceedingId, itemIds };
  };

  it('takes a case from the minor’s request through the court, the journey and monitoring to CLOSED_REINTEGRATED', async () => {
    const { caseId, reportId, caregiverId } = await awaiting();

    // §4 #14: the minor's own request and the guardian's consent.
    let response = await d.move(caseworker, caseId, 'AVR_REQUESTED');
    expect(response.status).toBe(422);
    expect(unmetCodes(response)).toEqual(['AVR_MINOR_REQUEST', 'AVR_GUARDIAN_CONSENT']);
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(409);
    await d.minorRequest(caseId);
    await t.as(caseworker).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(403);
    const consent = (await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(201)).body;
    expect(consent).toMatchObject({ subject: 'GUARDIAN', scope: 'AVR_REQUEST', informedBy: 'Paola Riva (demo)' });
    expect((await d.move(caseworker, caseId, 'AVR_REQUESTED')).status).toBe(200);
    expect((await d.move(caseworker, caseId, 'AVR_COUNSELLING')).status).toBe(200);

    // §4 #15–16: counselling, the draft plan and the filing with the court file complete.
    response = await d.move(caseworker, caseId, 'COURT_PENDING');
    expect(response.status).toBe(422);
    expect(unmetCodes(response)).toEqual(['COUNSELLING_RECORDED', 'REINTEGRATION_PLAN_DRAFTED', 'COURT_PROCEEDING_FILED', 'COURT_FILE_COMPLETE']);
    await t.as(courtMilano).get(`/api/cases/${caseId}/court`).expect(404);
    const { proceedingId, itemIds } = await d.fileWithCourt(caseId, reportId);
    expect((await d.move(caseworker, caseId, 'COURT_PENDING')).status).toBe(200);

    // The court's clerks see their court's proceeding once it is filed; another court does not.
    const courtFile = (await t.as(courtMilano).get(`/api/cases/${caseId}/court`).expect(200)).body;
    expect(courtFile.proceedings).toEqual([expect.objectContaining({ id: proceedingId, kind: 'AVR_ART8', hearings: [], decision: null })]);
    await t.as(courtPalermo).get(`/api/cases/${caseId}/court`).expect(404);
    await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings`, {}).expect(403);

    // §4 #17: the decision, with its decree attached, after hearing the minor and the guardian.
    response = await d.move(caseworker, caseId, 'COURT_APPROVED');
    expect(unmetCodes(response)).toEqual(['MINOR_AND_GUARDIAN_HEARD', 'COURT_DECISION_RECORDED', 'COURT_DECREE_ATTACHED']);
    const hearing = (await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/hearings`, { scheduledAt: new Date(testNow().getTime() + 3 * DAY).toISOString() }).expect(201)).body;
    const hearingTask = await t.db.query<{ status: string; source: string }[]>(`SELECT status, source FROM tasks WHERE case_id = $1 AND rule = 'court_hearing'`, [caseId]);
    expect(hearingTask).toEqual([{ status: 'OPEN', source: 'COURT' }]);
    await d.put(courtMilano, `/api/cases/${caseId}/court/hearings/${hearing.id}`, { heldAt: testNow().toISOString(), minorHeard: true, guardianHeard: true }).expect(200);
    const decree = (await d.upload(courtMilano, `/api/cases/${caseId}/court/decrees`, { title: 'Decreto n. 123/2026', language: 'it' }).expect(201)).body;
    expect(decree).toMatchObject({ type: 'COURT_DECREE', sensitivity: 'SPECIAL' });
    const decision = (
      await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/decision`, { outcome: 'RETURN_ORDERED', decidedOn: isoDay(testNow()), reasonsSummary: 'Sentiti minore e tutore.' }).expect(201)
    ).body;
    response = await d.move(caseworker, caseId, 'COURT_APPROVED');
    expect(unmetCodes(response)).toEqual(['COURT_DECREE_ATTACHED']);
    await d.put(courtMilano, `/api/cases/${caseId}/court/decisions/${decision.id}/decree`, { decreeDocumentId: decree.id }).expect(200);
    await d.put(courtMilano, `/api/cases/${caseId}/court/decisions/${decision.id}/decree`, { decreeDocumentId: decree.id }).expect(409);
    expect((await d.move(caseworker, caseId, 'COURT_APPROVED')).status).toBe(200);

    // §4 #18: the supervisor approves the operational plan once every requirement is recorded.
    response = await d.move(supervisor, caseId, 'AVR_PREPARATION');
    expect(unmetCodes(response)).toEqual([
      'RISK_CHECK_PRE_RETURN_PROCEED', 'CAREGIVER_ACCEPTANCE', 'TRAVEL_DOCUMENTS_READY', 'RISK_CHECK_CONSULAR_CONTACT', 'FIT_TO_TRAVEL', 'ESCORT_ASSIGNED',
      'REINTEGRATION_PLAN_APPROVED', 'RECEIVING_MISSION_ASSIGNED', 'DEPARTURE_BEFORE_18',
    ]);
    await d.prepareReturn(caseId, caregiverId, new Date(testNow().getTime() + 20 * DAY));
    expect((await d.move(caseworker, caseId, 'AVR_PREPARATION')).status).toBe(403);
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(200);
    const note = await d.approveReport(caseId, { kind: 'AVR_OPERATIONAL_NOTE' }, true);
    expect(await count(`SELECT count(*) AS n FROM report_disclosures d JOIN report_versions v ON v.id = d.report_version_id WHERE v.report_id = $1`, [note])).toBe(1);
    expect((await d.move(caseworker, caseId, 'IN_TRANSIT')).status).toBe(200);

    // §4 #19: the receiving mission confirms the arrival with the signed protocol.
    const protocol = (await d.upload(cairo, `/api/field/returns/${caseId}/documents`, { type: 'HANDOVER_PROTOCOL', title: 'Verbale di consegna firmato', language: 'en' }).expect(201)).body;
    response = await d.move(caseworker, caseId, 'HANDED_OVER');
    expect(unmetCodes(response)).toEqual(['HANDOVER_PROTOCOL_SIGNED', 'ARRIVAL_CONFIRMED']);
    const arrivedAt = new Date(testNow().getTime() - 200 * DAY);
    const handover = (
      await t
        .as(cairo)
        .post(`/api/field/returns/${caseId}/handover`, {
          arrivedAt: arrivedAt.toISOString(),
          place: 'Cairo International Airport',
          receivedByName: 'Fatma Ibrahim',
          receivedByKind: 'PARENT',
          receivedByFamilyMemberId: caregiverId,
          protocolDocumentId: protocol.id,
          signedBy: ['Luca Verdi (escort)', 'Nour El-Sayed (IOM Cairo)', 'Fatma Ibrahim'],
        })
        .expect(201)
    ).body;
    expect(handover.protocolDocumentId).toBe(protocol.id);
    expect((await d.snapshot(caseId)).state).toBe('HANDED_OVER');
    const visits = await t.db.query<{ id: string; month_offset: number; planned_on: string }[]>(
      `SELECT id, month_offset, to_char(planned_on, 'YYYY-MM-DD') AS planned_on FROM monitoring_visits WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    expect(visits.map((v) => v.month_offset)).toEqual([1, 3, 6]);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE case_id = $1 AND rule = 'monitoring_visit_due' AND status = 'OPEN'`, [caseId])).toBe(1);

    // §4 #20: reintegration, assistance delivered against the plan, then monitoring.
    expect((await d.move(caseworker, caseId, 'REINTEGRATION')).status).toBe(200);
    response = await d.move(caseworker, caseId, 'MONITORING');
    expect(unmetCodes(response)).toEqual(['ASSISTANCE_DELIVERED']);
    const visitBody = (i: number, extra: object = {}) => ({
      visitedOn: visits[i]!.planned_on,
      mode: 'HOME',
      officer: 'Nour El-Sayed',
      childSeenAlone: true,
      wellbeing: 'Attends school, sleeps well.',
      ...extra,
    });
    await d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${visits[0]!.id}`, visitBody(0, { assistanceDelivered: [{ itemId: itemIds[0], status: 'DELIVERED', deliveredOn: visits[0]!.planned_on }] })).expect(200);
    await t.as(cairo).patch(`/api/field/returns/${caseId}/assistance-items/${itemIds[1]}`, { status: 'DELIVERED', deliveredOn: visits[0]!.planned_on }).expect(200);
    expect((await d.move(caseworker, caseId, 'MONITORING')).status).toBe(200);

    // A concern is escalated and resolved by the supervisor; the final visit carries the scores.
    await d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${visits[1]!.id}`, visitBody(1, { protectionConcerns: 'An uncle pressures the child to work to repay the debt.' })).expect(200);
    await t.as(cairo).post(`/api/field/returns/${caseId}/monitoring-visits/${visits[1]!.id}/escalation`, { referredTo: 'Child Protection Committee, Kafr el-Sheikh', note: 'Referral made by phone.' }).expect(200);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE case_id = $1 AND rule = 'monitoring_concern_review' AND status = 'OPEN' AND owner_role = 'supervisor'`, [caseId])).toBe(1);
    response = await d.move(supervisor, caseId, 'CLOSED_REINTEGRATED');
    expect(unmetCodes(response)).toEqual(['MONITORING_COMPLETED', 'MONITORING_CONCERNS_RESOLVED', 'DURABLE_SOLUTION_RECORDED']);
    await t.as(caseworker).post(`/api/cases/${caseId}/monitoring/visits/${visits[1]!.id}/escalation/resolve`, { resolution: 'Family counselled.' }).expect(403);
    await t.as(supervisor).post(`/api/cases/${caseId}/monitoring/visits/${visits[1]!.id}/escalation/resolve`, { resolution: 'Family counselled; the uncle no longer lives with them.' }).expect(200);
    await d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${visits[2]!.id}`, visitBody(2)).expect(200);
    response = await d.move(supervisor, caseId, 'CLOSED_REINTEGRATED');
    expect(unmetCodes(response)).toEqual(['MONITORING_COMPLETED', 'DURABLE_SOLUTION_RECORDED']);
    // A recorded visit never changes: the scores come with a visit, here an extra one.
    await d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${visits[2]!.id}`, visitBody(2, { sustainabilityScores: SCORES })).expect(409);
    const extra = (await t.as(caseworker).post(`/api/cases/${caseId}/monitoring/visits`, { plannedOn: isoDay(testNow()), reason: 'Final visit with the sustainability survey' }).expect(201)).body;
    const final = (await d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${extra.id}`, { ...visitBody(2), visitedOn: isoDay(testNow()), sustainabilityScores: SCORES }).expect(200)).body;
    expect(final.sustainabilityIndex.composite).toBeGreaterThan(0.5);

    // Each monitoring report goes through the composer; its PDF is served once released.
    const monitoringReport = await d.approveReport(caseId, { kind: 'MONITORING_REPORT', monitoringVisitId: extra.id }, true);
    const pdf = await t.as(caseworker).get(`/api/reports/${monitoringReport}/pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('relazione-monitoraggio');

    // §4 #21 and §3.9: the durable-solution record names the court's decision.
    await t
      .as(caseworker)
      .post(`/api/cases/${caseId}/durable-solution`, {
        solution: 'RETURN_AVR', decidedBy: 'Tribunale per i minorenni di Milano', decisionRef: 'Decreto n. 123/2026', decidedOn: isoDay(testNow()),
        minorViews: 'Sono contento di essere tornato.', minorViewsLanguage: 'Arabo (egiziano)', mediatorPresent: false, optionsConsidered: ['RETURN_AVR', 'LOCAL_INTEGRATION_IT'],
      })
      .expect(400);
    await t
      .as(caseworker)
      .post(`/api/cases/${caseId}/durable-solution`, {
        solution: 'RETURN_AVR', decidedBy: 'Tribunale per i minorenni di Milano', decisionRef: 'Decreto n. 123/2026', decidedOn: isoDay(testNow()), courtDecisionId: decision.id,
        minorViews: 'Sono contento di essere tornato.', minorViewsLanguage: 'Arabo (egiziano)', mediatorPresent: false, optionsConsidered: ['RETURN_AVR', 'LOCAL_INTEGRATION_IT'],
      })
      .expect(201);
    expect((await d.move(caseworker, caseId, 'CLOSED_REINTEGRATED')).status).toBe(403);
    expect((await d.move(supervisor, caseId, 'CLOSED_REINTEGRATED')).status).toBe(200);

    const history = await t.db.query<{ to_state: string }[]>(`SELECT to_state FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION' ORDER BY id`, [caseId]);
    expect(history.map((h) => h.to_state)).toEqual([
      'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED',
    ]);
    const file = (await t.as(caseworker).get(`/api/cases/${caseId}/return`).expect(200)).body;
    expect(file.reports.map((r: { kind: string }) => r.kind).sort()).toEqual(['AVR_OPERATIONAL_NOTE', 'MONITORING_REPORT', 'REINTEGRATION_PLAN']);
    expect(file.reintegrationPlan).toMatchObject({ approved: true, totalBudgetEur: 750 });
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE case_id = $1 AND status = 'OPEN'`, [caseId])).toBe(0);
  });

  it('closes a case the court refused with a local solution, never with a return', async () => {
    const { caseId, caregiverId, proceedingId } = await pending();
    await d.courtDecides(courtMilano, caseId, proceedingId, 'RETURN_REJECTED');
    expect(unmetCodes(await d.move(caseworker, caseId, 'COURT_APPROVED'))).toEqual(['COURT_DECISION_RECORDED']);
    expect((await d.move(caseworker, caseId, 'COURT_REJECTED')).status).toBe(200);
    // A rejected case has no way to the journey.
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(409);
    await d.put(caseworker, `/api/cases/${caseId}/avr/travel-plan`, {
      receivingCaregiverId: caregiverId, airportCollection: true, receivingMissionId: await d.orgOf('field.cairo'), travelDocumentType: 'PASSPORT', travelDocumentReady: true,
      consularContact: false, fitToTravel: false, escortName: 'Luca Verdi', escortRole: 'Operatore OIM', itinerary: 'Milano → Il Cairo', plannedDeparture: new Date(testNow().getTime() + 9 * DAY).toISOString(),
    }).expect(409);
    expect(unmetCodes(await d.move(caseworker, caseId, 'CLOSED_LOCAL_SOLUTION'))).toEqual(['DURABLE_SOLUTION_RECORDED']);
    const solution = {
      decidedBy: 'Servizi sociali di Milano e tutore', decisionRef: 'Verbale 45/2026', decidedOn: isoDay(testNow()),
      minorViews: 'Resto in Italia e continuo la scuola.', minorViewsLanguage: 'Arabo (egiziano)', mediatorPresent: true, mediatorName: 'Samir', optionsConsidered: ['LOCAL_INTEGRATION_IT', 'RETURN_AVR'],
    };
    const refused = await t.as(caseworker).post(`/api/cases/${caseId}/durable-solution`, { ...solution, solution: 'RETURN_AVR', courtDecisionId: proceedingId }).expect(400);
    expect(refused.body.details.fields).toEqual([expect.objectContaining({ path: 'solution', code: 'not_allowed' })]);
    await t.as(caseworker).post(`/api/cases/${caseId}/durable-solution`, { ...solution, solution: 'LOCAL_INTEGRATION_IT' }).expect(201);
    expect((await d.move(caseworker, caseId, 'CLOSED_LOCAL_SOLUTION')).status).toBe(200);
    const rows = await t.db.query<{ solution: string; minor_views_language: string; mediator_name: string; options_considered: string[] }[]>(
      `SELECT solution, minor_views_language, mediator_name, options_considered FROM durable_solutions WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([{ solution: 'LOCAL_INTEGRATION_IT', minor_views_language: 'Arabo (egiziano)', mediator_name: 'Samir', options_considered: ['LOCAL_INTEGRATION_IT', 'RETURN_AVR'] }]);
  });

  it('refuses a departure that would fall after the 18th birthday until a prosieguo from the court covers it', async () => {
    const { caseId, caregiverId, proceedingId } = await pending();
    await d.courtDecides(courtMilano, caseId, proceedingId, 'RETURN_ORDERED');
    expect((await d.move(caseworker, caseId, 'COURT_APPROVED')).status).toBe(200);
    const eighteenth = new Date(testNow().getTime() + 40 * DAY);
    await d.setBirthday(caseId, eighteenth);
    await d.prepareReturn(caseId, caregiverId, new Date(eighteenth.getTime() + 10 * DAY));
    const before = await d.snapshot(caseId);
    const refused = await d.move(supervisor, caseId, 'AVR_PREPARATION');
    expect(refused.status).toBe(422);
    expect(unmetCodes(refused)).toEqual(['DEPARTURE_BEFORE_18']);
    expect(await d.snapshot(caseId)).toEqual(before);
    const plan = (await t.as(caseworker).get(`/api/cases/${caseId}/return`).expect(200)).body.travelPlan;
    expect(plan).toMatchObject({ departureBeforeEighteen: false, eighteenthBirthday: isoDay(eighteenth) });
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE case_id = $1 AND rule = 'avr_departure_before_18' AND status = 'OPEN'`, [caseId])).toBe(1);

    // The prosieguo comes from the court's decree, after the 18th and no later than the 21st birthday.
    const decree = (await d.upload(courtMilano, `/api/cases/${caseId}/court/decrees`, { title: 'Decreto di prosieguo amministrativo', language: 'it' }).expect(201)).body.id;
    const twentyFirst = addYears(isoDay(eighteenth), 3);
    const prosieguo = { docketNumber: 'RG 77/2026', decidedOn: isoDay(testNow()), decreeDocumentId: decree };
    const late = await t.as(courtMilano).post(`/api/cases/${caseId}/court/prosieguo`, { ...prosieguo, prosieguoUntil: addDays(twentyFirst, 1) }).expect(400);
    expect(late.body.details.fields).toEqual([expect.objectContaining({ path: 'prosieguoUntil', code: 'after_21st_birthday' })]);
    await t.as(courtPalermo).post(`/api/cases/${caseId}/court/prosieguo`, { ...prosieguo, prosieguoUntil: twentyFirst }).expect(404);
    const until = addDays(isoDay(eighteenth), 365);
    await t.as(courtMilano).post(`/api/cases/${caseId}/court/prosieguo`, { ...prosieguo, prosieguoUntil: until }).expect(201);
    const minor = await t.db.query<{ until: string }[]>(`SELECT to_char(m.prosieguo_until, 'YYYY-MM-DD') AS until FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`, [caseId]);
    expect(minor).toEqual([{ until }]);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE case_id = $1 AND rule = 'avr_departure_before_18' AND status = 'DONE'`, [caseId])).toBe(1);
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(200);
  });

  it('allows no step around the juvenile court', async () => {
    const { caseId, caregiverId, proceedingId } = await pending();
    // No decision: no COURT_APPROVED; no travel step from any state before it.
    expect(unmetCodes(await d.move(caseworker, caseId, 'COURT_APPROVED'))).toEqual(['MINOR_AND_GUARDIAN_HEARD', 'COURT_DECISION_RECORDED', 'COURT_DECREE_ATTACHED']);
    for (const to of ['AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER']) {
      const response = await d.move(supervisor, caseId, to);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('ILLEGAL_TRANSITION');
    }
    // The travel plan and the hand-over cannot be recorded while the court has not decided.
    await d.put(caseworker, `/api/cases/${caseId}/avr/travel-plan`, {
      receivingCaregiverId: caregiverId, airportCollection: true, receivingMissionId: await d.orgOf('field.cairo'), travelDocumentType: 'PASSPORT', travelDocumentReady: true,
      consularContact: false, fitToTravel: false, escortName: 'Luca Verdi', escortRole: 'Operatore OIM', itinerary: 'Milano → Il Cairo', plannedDeparture: new Date(testNow().getTime() + 9 * DAY).toISOString(),
    }).expect(409);
    await t.as(cairo).get(`/api/field/returns/${caseId}`).expect(404);
    // A decision recorded without its decree does not open the way either, not even once moved by hand.
    const hearing = (await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/hearings`, { scheduledAt: testNow().toISOString() }).expect(201)).body;
    await d.put(courtMilano, `/api/cases/${caseId}/court/hearings/${hearing.id}`, { heldAt: testNow().toISOString(), minorHeard: true, guardianHeard: true }).expect(200);
    await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/decision`, { outcome: 'RETURN_ORDERED', decidedOn: isoDay(testNow()), reasonsSummary: 'Sentiti minore e tutore.' }).expect(201);
    expect(unmetCodes(await d.move(caseworker, caseId, 'COURT_APPROVED'))).toEqual(['COURT_DECREE_ATTACHED']);
    await t.db.query(`UPDATE cases SET state = 'COURT_APPROVED' WHERE id = $1`, [caseId]);
    await d.prepareReturn(caseId, caregiverId, new Date(testNow().getTime() + 20 * DAY));
    const before = await d.snapshot(caseId);
    const refused = await d.move(supervisor, caseId, 'AVR_PREPARATION');
    expect(refused.status).toBe(422);
    expect(unmetCodes(refused)).toEqual(['COURT_RETURN_ORDERED']);
    expect(await d.snapshot(caseId)).toEqual(before);
    // A court decision is recorded once: a second one is refused, and the row cannot be rewritten.
    await t.as(courtMilano).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/decision`, { outcome: 'RETURN_REJECTED', decidedOn: isoDay(testNow()), reasonsSummary: 'x y z' }).expect(409);
    await expect(t.db.query(`UPDATE court_decisions SET outcome = 'RETURN_REJECTED' WHERE proceeding_id = $1`, [proceedingId])).rejects.toThrow(/recorded once/);
  });

  it('keeps the escort on unless a supervisor waives it with a reason', async () => {
    const { caseId, caregiverId, proceedingId } = await pending();
    await d.courtDecides(courtMilano, caseId, proceedingId, 'RETURN_ORDERED');
    expect((await d.move(caseworker, caseId, 'COURT_APPROVED')).status).toBe(200);
    await d.prepareReturn(caseId, caregiverId, new Date(testNow().getTime() + 20 * DAY));
    const plan = (await t.as(caseworker).get(`/api/cases/${caseId}/return`).expect(200)).body.travelPlan;
    expect(plan).toMatchObject({ escortRequired: true, escortName: 'Luca Verdi', escortWaiver: null });
    const base = {
      receivingCaregiverId: caregiverId, airportCollection: true, receivingMissionId: await d.orgOf('field.cairo'), travelDocumentType: 'LAISSEZ_PASSER', travelDocumentReady: true,
      consularContact: true, fitToTravel: true, fitnessAssessedOn: isoDay(testNow()), fitnessAssessedBy: 'Dr. Rossi', itinerary: 'Milano → Il Cairo', plannedDeparture: new Date(testNow().getTime() + 20 * DAY).toISOString(),
    };
    const noReason = await d.put(supervisor, `/api/cases/${caseId}/avr/travel-plan`, { ...base, escortRequired: false }).expect(400);
    expect(noReason.body.details.fields).toEqual([expect.objectContaining({ path: 'escortWaiverReason', code: 'required' })]);
    await d.put(caseworker, `/api/cases/${caseId}/avr/travel-plan`, { ...base, escortRequired: false, escortWaiverReason: 'Sixteen-year-old travelling with the mother' }).expect(403);
    expect((await t.as(caseworker).get(`/api/cases/${caseId}/return`).expect(200)).body.travelPlan).toMatchObject({ escortRequired: true, version: plan.version });
    const waived = (await d.put(supervisor, `/api/cases/${caseId}/avr/travel-plan`, { ...base, escortRequired: false, escortWaiverReason: 'The mother travels with the child' }).expect(200)).body;
    expect(waived).toMatchObject({ escortRequired: false, escortName: null, escortWaiver: { reason: 'The mother travels with the child' } });
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE case_id = $1 AND action = 'ESCORT_WAIVED'`, [caseId])).toBe(1);
    // A caseworker's later edit keeps the supervisor's waiver; the case can then go ahead.
    await d.put(caseworker, `/api/cases/${caseId}/avr/travel-plan`, { ...base, escortRequired: false, escortWaiverReason: 'The mother travels with the child', itinerary: 'Milano → Roma → Il Cairo' }).expect(200);
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(200);
  });

  it('lets only the ward’s guardian co-sign, and refuses a prosieguo to a court without the case', async () => {
    const { caseId } = await awaiting();
    await d.minorRequest(caseId);
    const other = await t.login(demoEmail('guardian2'));
    await t.as(other).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(404);
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: false }).expect(400);
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(201);
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(409);
    await t.as(courtMilano).post(`/api/cases/${caseId}/court/prosieguo`, { docketNumber: 'RG 1/2026', decidedOn: isoDay(testNow()), prosieguoUntil: '2030-01-01', decreeDocumentId: caseId }).expect(404);
  });
});
