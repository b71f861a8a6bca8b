import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { DAY, ReturnDriver, SCORES, isoDay, riskCheck } from './return-fixtures';
import { testNow } from '../setup/test-clock';

// The receiving mission's view of its returned minors (issue 4; domain §2: "for AVR the
// reintegration plan and monitoring schedule", never the minor's whereabouts in Italy; §8 rules 3
// and 8) and its records: hand-over, monitoring visits, assistance delivered.

const MARK = 'RTM9X';
// Every protected value of the minor, the case and its part-2 file gets a marker; no field officer
// answer may contain one (the marker-value firewall of the tracing spec, extended to returns).
const MARKERS = {
  region: `${MARK}-region`,
  municipality: `${MARK}-municipality`,
  receptionFacility: `${MARK}-reception-facility`,
  legalStatus: `${MARK}-legal-status-asylum`,
  trafficking: `${MARK}-trafficking-indicators`,
  health: `${MARK}-health-notes`,
  vulnerability: `${MARK}-vulnerability`,
  internalNotes: `${MARK}-internal-notes`,
  extras: `${MARK}-case-extras`,
  dgProtocol: `${MARK}-dg-protocol`,
  guardian: `${MARK}-guardian-name`,
  avrWords: `${MARK}-avr-request-words`,
  counselling: `${MARK}-counselling-words`,
  planViews: `${MARK}-plan-minor-views`,
  docket: `${MARK}-docket`,
  reasons: `${MARK}-court-reasons`,
  ssTitle: `${MARK}-social-services-report`,
  riskToMinor: `${MARK}-risk-to-minor`,
  waiver: `${MARK}-escort-waiver`,
  mediator: `${MARK}-mediator`,
};

describe('the receiving mission’s view of returned minors', () => {
  let t: TestApp;
  let d: ReturnDriver;
  let caseworker: string;
  let supervisor: string;
  let courtMilano: string;
  let cairo: string;
  let dhaka: string;
  let caseId: string;
  const fieldBodies: string[] = [];
  const asField = async <T extends { text: string }>(response: Promise<T> | T): Promise<T> => {
    const r = await response;
    fieldBodies.push(r.text);
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    supervisor = await t.login(demoEmail('supervisor'));
    courtMilano = await t.login(demoEmail('court.milano'));
    cairo = await t.login(demoEmail('field.cairo'));
    dhaka = await t.login(demoEmail('field.dhaka'));
    d = new ReturnDriver(t, { caseworker, supervisor });

    // A case driven to COURT_APPROVED, every protected value a marker.
    caseId = await t.blankCase('AWAITING_SOLUTION');
    const reportId = await d.releasedFamilyAssessment(caseId);
    await d.grantGuardian(caseId);
    const caregiverId = await d.caregiver(caseId);
    await t
      .as(caseworker)
      .post(`/api/cases/${caseId}/avr/request`, { minorWords: MARKERS.avrWords, language: 'Arabo', mediatorPresent: true, mediatorName: MARKERS.mediator, informedBy: 'Marco Bellini', givenAt: testNow().toISOString() })
      .expect(201);
    const guardian = await t.login(demoEmail('guardian'));
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(201);
    expect((await d.move(caseworker, caseId, 'AVR_REQUESTED')).status).toBe(200);
    expect((await d.move(caseworker, caseId, 'AVR_COUNSELLING')).status).toBe(200);
    await t
      .as(caseworker)
      .post(`/api/cases/${caseId}/avr/counselling-sessions`, { heldOn: isoDay(testNow()), counsellor: 'Marco', language: 'Arabo', mediatorPresent: false, minorWords: MARKERS.counselling, notes: MARKERS.counselling })
      .expect(201);
    await d.fileWithCourt(caseId, reportId);
    await t.db.query(`UPDATE reintegration_plans SET minor_views = $2, mediator_name = $3 WHERE case_id = $1`, [caseId, MARKERS.planViews, MARKERS.mediator]);
    await t.db.query(`UPDATE court_proceedings SET docket_number = $2 WHERE case_id = $1`, [caseId, MARKERS.docket]);
    await t.db.query(`UPDATE documents SET title = $2 WHERE case_id = $1 AND type = 'SOCIAL_SERVICES_REPORT'`, [caseId, MARKERS.ssTitle]);
    expect((await d.move(caseworker, caseId, 'COURT_PENDING')).status).toBe(200);
    const proceedingId = (await t.db.query<{ id: string }[]>(`SELECT id FROM court_proceedings WHERE case_id = $1`, [caseId]))[0]!.id;
    await d.courtDecides(courtMilano, caseId, proceedingId, 'RETURN_ORDERED');
    await t.db.query(`ALTER TABLE court_decisions DISABLE TRIGGER court_decisions_guard`);
    await t.db.query(`UPDATE court_decisions SET reasons_summary = $2 WHERE case_id = $1`, [caseId, MARKERS.reasons]);
    await t.db.query(`ALTER TABLE court_decisions ENABLE TRIGGER court_decisions_guard`);
    expect((await d.move(caseworker, caseId, 'COURT_APPROVED')).status).toBe(200);
    await d.prepareReturn(caseId, caregiverId, new Date(testNow().getTime() + 15 * DAY));
    await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, { ...riskCheck('POST_RETURN'), riskToMinor: MARKERS.riskToMinor }).expect(201);
    await d.put(supervisor, `/api/cases/${caseId}/avr/travel-plan`, {
      receivingCaregiverId: caregiverId, airportCollection: true, receivingMissionId: await d.orgOf('field.cairo'), travelDocumentType: 'PASSPORT', travelDocumentReady: true,
      consularContact: true, fitToTravel: true, fitnessAssessedOn: isoDay(testNow()), fitnessAssessedBy: 'Dr. Rossi', escortRequired: false, escortWaiverReason: MARKERS.waiver,
      itinerary: 'Milano Malpensa → Il Cairo', plannedDeparture: new Date(testNow().getTime() + 15 * DAY).toISOString(),
    }).expect(200);

    await t.db.query(
      `UPDATE minors SET region = $2, municipality = $3, reception_facility = $4, reception_type = 'SAI', legal_status = $5, asylum_applicant = true,
          trafficking_indicators = $6, health_notes = $7, vulnerabilities = ARRAY[$8]
        WHERE id = (SELECT minor_id FROM cases WHERE id = $1)`,
      [caseId, MARKERS.region, MARKERS.municipality, MARKERS.receptionFacility, MARKERS.legalStatus, MARKERS.trafficking, MARKERS.health, MARKERS.vulnerability],
    );
    await t.db.query(`UPDATE cases SET internal_notes = $2, extras = $3, dg_protocol_no = $4 WHERE id = $1`, [
      caseId, MARKERS.internalNotes, JSON.stringify({ socialServicesReport: MARKERS.extras }), MARKERS.dgProtocol,
    ]);
    await t.db.query(`UPDATE users SET display_name = $1 WHERE email = $2`, [MARKERS.guardian, demoEmail('guardian')]);
  });
  afterAll(() => t.close());

  it('shows nothing before the supervisor approves the operational plan, and nothing to another mission', async () => {
    const list = (await asField(t.as(cairo).get('/api/field/returns').expect(200))).body;
    expect(list.items.map((i: { caseId: string }) => i.caseId)).not.toContain(caseId);
    await asField(t.as(cairo).get(`/api/field/returns/${caseId}`).expect(404));
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(200);
    await asField(t.as(dhaka).get(`/api/field/returns/${caseId}`).expect(404));
    expect((await t.as(dhaka).get('/api/field/returns').expect(200)).body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(caseId);
    await t.as(caseworker).get('/api/field/returns').expect(403);
  });

  it('shows the mission its returning minor: reception arrangements and the reintegration plan', async () => {
    const list = (await asField(t.as(cairo).get('/api/field/returns').expect(200))).body;
    expect(list.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, state: 'AVR_PREPARATION', handedOverAt: null })]));
    const detail = (await asField(t.as(cairo).get(`/api/field/returns/${caseId}`).expect(200))).body;
    expect(detail).toMatchObject({
      caseId,
      minor: { firstName: 'Prova', nationality: 'EG' },
      receivingCaregiver: { name: 'Fatma Ibrahim', relationship: 'MOTHER' },
      airportCollection: true,
      escort: null,
      reintegrationPlan: { approved: true, objectives: [expect.objectContaining({ dimension: 'SOCIAL' })] },
      monitoringVisits: [],
      writable: false,
    });
    expect(detail.reintegrationPlan.assistanceItems).toHaveLength(2);
    expect(Object.keys(detail.minor).sort()).toEqual(['dateOfBirth', 'firstName', 'lastName', 'nationality', 'sex']);
    // Not yet travelling: nothing can be recorded.
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/handover`, {}).expect(400));
    await asField(d.upload(cairo, `/api/field/returns/${caseId}/documents`, { type: 'HANDOVER_PROTOCOL', title: 'Verbale', language: 'en' }).expect(409));
  });

  it('records the hand-over, the schedule and the visits from the mission', async () => {
    expect((await d.move(caseworker, caseId, 'IN_TRANSIT')).status).toBe(200);
    await asField(d.upload(cairo, `/api/field/returns/${caseId}/documents`, { type: 'COURT_DECREE', title: 'x y', language: 'en' }).expect(400));
    const protocol = (await asField(d.upload(cairo, `/api/field/returns/${caseId}/documents`, { type: 'HANDOVER_PROTOCOL', title: 'Verbale di consegna', language: 'en' }).expect(201))).body;
    const before = await d.snapshot(caseId);
    // Without the signed protocol (a document of another type) nothing changes.
    const ssDoc = (await t.db.query<{ id: string }[]>(`SELECT id FROM documents WHERE case_id = $1 AND type = 'SOCIAL_SERVICES_REPORT'`, [caseId]))[0]!.id;
    const body = {
      arrivedAt: new Date(testNow().getTime() - 3 * DAY).toISOString(), place: 'Cairo airport', receivedByName: 'Fatma Ibrahim', receivedByKind: 'PARENT',
      signedBy: ['Escort', 'IOM Cairo', 'Fatma Ibrahim'], monitoringMonths: [1, 3, 6, 9],
    };
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/handover`, { ...body, protocolDocumentId: ssDoc }).expect(400));
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/handover`, { ...body, protocolDocumentId: protocol.id, monitoringMonths: [1, 3] }).expect(400));
    expect(await d.snapshot(caseId)).toEqual(before);
    expect(await t.db.query(`SELECT 1 FROM avr_handovers WHERE case_id = $1`, [caseId])).toEqual([]);
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/handover`, { ...body, protocolDocumentId: protocol.id }).expect(201));
    expect(await d.snapshot(caseId)).toEqual({ state: 'HANDED_OVER', version: before.version + 1 });
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/handover`, { ...body, protocolDocumentId: protocol.id }).expect(409));

    const detail = (await asField(t.as(cairo).get(`/api/field/returns/${caseId}`).expect(200))).body;
    expect(detail.monitoringVisits.map((v: { monthOffset: number }) => v.monthOffset)).toEqual([1, 3, 6, 9]);
    expect(detail).toMatchObject({ state: 'HANDED_OVER', writable: true, handover: { receivedByName: 'Fatma Ibrahim' } });
    expect(detail.nextVisitOn).toBe(detail.monitoringVisits[0].plannedOn);
    const first = detail.monitoringVisits[0];
    // A visit is recorded once it happened.
    await asField(d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${first.id}`, { visitedOn: first.plannedOn, mode: 'HOME', officer: 'Nour', childSeenAlone: true, wellbeing: 'Fine' }).expect(400));
    const visit = (
      await asField(
        d.put(cairo, `/api/field/returns/${caseId}/monitoring-visits/${first.id}`, {
          visitedOn: isoDay(testNow()), mode: 'HOME', officer: 'Nour', childSeenAlone: false, wellbeing: 'Settling in', sustainabilityScores: SCORES,
          assistanceDelivered: [{ itemId: detail.reintegrationPlan.assistanceItems[0].id, status: 'IN_PROGRESS' }],
        }).expect(200),
      )
    ).body;
    expect(visit).toMatchObject({ status: 'DONE', childSeenAlone: false, sustainabilityIndex: expect.objectContaining({ composite: expect.any(Number) }) });
    // No concern recorded: nothing to escalate.
    await asField(t.as(cairo).post(`/api/field/returns/${caseId}/monitoring-visits/${first.id}/escalation`, { referredTo: 'Child protection', note: 'x y z' }).expect(409));
    const second = detail.monitoringVisits[1];
    await asField(d.put(dhaka, `/api/field/returns/${caseId}/monitoring-visits/${second.id}`, { visitedOn: isoDay(testNow()), mode: 'PHONE', officer: 'Tanvir', childSeenAlone: true, wellbeing: 'Fine' }).expect(404));
    expect((await t.db.query<{ status: string }[]>(`SELECT status FROM monitoring_visits WHERE id = $1`, [second.id]))[0]!.status).toBe('PLANNED');
    const denied = await t.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_event WHERE action = 'FIELD_RETURN_ACCESS_DENIED' AND entity_id = $1 AND actor_id = (SELECT id FROM users WHERE email = $2)`,
      [caseId, demoEmail('field.dhaka')],
    );
    expect(Number(denied[0]!.n)).toBeGreaterThanOrEqual(2);
  });

  it('keeps a closed return readable but not writable for the mission', async () => {
    await t.db.query(`UPDATE cases SET state = 'CLOSED_REINTEGRATED' WHERE id = $1`, [caseId]);
    const detail = (await asField(t.as(cairo).get(`/api/field/returns/${caseId}`).expect(200))).body;
    expect(detail.writable).toBe(false);
    const item = detail.reintegrationPlan.assistanceItems[1].id;
    await asField(t.as(cairo).patch(`/api/field/returns/${caseId}/assistance-items/${item}`, { status: 'DELIVERED', deliveredOn: isoDay(testNow()) }).expect(409));
    await t.db.query(`UPDATE cases SET state = 'WITHDRAWN' WHERE id = $1`, [caseId]);
    await asField(t.as(cairo).get(`/api/field/returns/${caseId}`).expect(404));
  });

  it('never showed the mission a protected value of the minor, the case, the court or the case file', () => {
    expect(fieldBodies.length).toBeGreaterThan(15);
    for (const body of fieldBodies) {
      for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
      expect(body).not.toContain(MARK);
    }
  });
});
