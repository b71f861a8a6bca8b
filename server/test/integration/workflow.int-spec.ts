import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

const consent = { subject: 'MINOR', scope: 'TRACING', language: 'Arabic (Egyptian)', mediatorPresent: true, mediatorName: 'Samir (mediator)', informedBy: 'Marco Bellini', minorWords: 'I want IOM to find my mother and tell her I am safe.', givenAt: '2026-11-10T10:00:00.000Z' };
const riskCheck = { stage: 'PRE_TRACING', riskToMinor: 'No threat known from the family', riskToFamily: 'Low; rural area', protectionStatusConflict: false, traffickingConcern: false, areaSecurity: 'Stable', decision: 'PROCEED' };

describe('case workflow through the API', () => {
  let t: TestApp;
  let supervisor: string;
  let caseworker: string;
  beforeAll(async () => {
    t = await createTestApp();
    supervisor = await t.login(demoEmail('supervisor'));
    caseworker = await t.login(demoEmail('caseworker'));
  });
  afterAll(() => t.close());

  // A new case of caseworker@ in the given state, with none of the seeded records.
  const caseIn = (state: string) => t.blankCase(state);
  const snapshot = async (caseId: string) => (await t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
  const fire = (cookie: string, caseId: string, body: object, version?: number | string) => {
    const req = t.as(cookie).post(`/api/cases/${caseId}/transitions`, body);
    return version === undefined ? req : req.set('if-match', String(version));
  };

  it('lists the ways out of the current state with what is missing and who supplies it', async () => {
    const caseId = await caseIn('SCREENING');
    const detail = (await t.as(caseworker).get(`/api/cases/${caseId}`).expect(200)).body;
    const ready = detail.transitions.find((tr: { to: string }) => tr.to === 'READY_FOR_TRACING');
    expect(ready).toMatchObject({ allowedForYou: false, firedBy: ['supervisor'] });
    expect(ready.unmet.map((u: { code: string }) => u.code)).toEqual(['MINOR_CONSENT_TRACING', 'RISK_CHECK_PRE_TRACING_PROCEED']);
    expect(ready.unmet[0].suppliedBy).toContain('caseworker');
  });

  it('takes a case from screening to ready-for-tracing only with consent, an approved risk check and a supervisor', async () => {
    const caseId = await caseIn('SCREENING');
    const { version } = await snapshot(caseId);

    await fire(supervisor, caseId, { to: 'READY_FOR_TRACING' }).expect(428);
    const blocked = await fire(supervisor, caseId, { to: 'READY_FOR_TRACING' }, version).expect(422);
    expect(blocked.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(blocked.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['MINOR_CONSENT_TRACING', 'RISK_CHECK_PRE_TRACING_PROCEED']);
    expect(await snapshot(caseId)).toEqual({ state: 'SCREENING', version });

    await t.as(caseworker).post(`/api/cases/${caseId}/consents`, consent).expect(201);
    const risk = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck).expect(201)).body;
    const stillBlocked = await fire(supervisor, caseId, { to: 'READY_FOR_TRACING' }, version).expect(422);
    expect(stillBlocked.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['RISK_CHECK_PRE_TRACING_PROCEED']);

    await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks/${risk.id}/approve`).expect(403);
    await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${risk.id}/approve`).expect(200);
    await fire(caseworker, caseId, { to: 'READY_FOR_TRACING' }, version).expect(403);
    const moved = await fire(supervisor, caseId, { to: 'READY_FOR_TRACING' }, version).expect(200);
    expect(moved.body).toMatchObject({ state: 'READY_FOR_TRACING', version: version + 1 });

    const history = await t.db.query<{ from_state: string; to_state: string }[]>(`SELECT from_state, to_state FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION'`, [caseId]);
    expect(history).toEqual([{ from_state: 'SCREENING', to_state: 'READY_FOR_TRACING' }]);
    const audit = await t.db.query<{ detail: { to: string } }[]>(`SELECT detail FROM audit_event WHERE case_id = $1 AND action = 'CASE_TRANSITION'`, [caseId]);
    expect(audit.map((a) => a.detail.to)).toEqual(['READY_FOR_TRACING']);
    // The transition is one audited action: answering with the new case is not logged as a view.
    const last = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1`);
    expect(last[0]?.action).toBe('CASE_TRANSITION');
  });

  it('refuses an illegal transition with 409 and changes nothing', async () => {
    const caseId = await caseIn('RECEIVED');
    const before = await snapshot(caseId);
    const response = await fire(caseworker, caseId, { to: 'REPORT_SENT' }, before.version).expect(409);
    expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'RECEIVED', to: 'REPORT_SENT' } });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('answers 412 to a stale version and keeps the newer data', async () => {
    const caseId = await caseIn('RECEIVED');
    const { version } = await snapshot(caseId);
    await fire(caseworker, caseId, { to: 'SCREENING' }, version).expect(200);
    const stale = await fire(caseworker, caseId, { to: 'ON_HOLD', reason: 'Minor absconded' }, version).expect(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { currentVersion: version + 1 } });
    expect(await snapshot(caseId)).toEqual({ state: 'SCREENING', version: version + 1 });
  });

  it('lets exactly one of two concurrent transitions on the same version win', async () => {
    const caseId = await caseIn('SCREENING');
    const { version } = await snapshot(caseId);
    const results = await Promise.all([
      fire(caseworker, caseId, { to: 'INFO_REQUESTED', reason: 'Missing family address' }, version),
      fire(caseworker, caseId, { to: 'ON_HOLD', reason: 'Minor absconded' }, version),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await snapshot(caseId)).version).toBe(version + 1);
  });

  it('puts a case on hold with a reason and resumes it to the state it left', async () => {
    const caseId = await caseIn('TRACING_IN_PROGRESS');
    let { version } = await snapshot(caseId);
    await fire(caseworker, caseId, { to: 'ON_HOLD' }, version).expect(422);
    await fire(caseworker, caseId, { to: 'ON_HOLD', reason: 'Allontanamento: minor left the facility' }, version).expect(200);
    version += 1;
    await fire(caseworker, caseId, { to: 'SCREENING', reason: 'Minor found again' }, version).expect(409);
    await fire(caseworker, caseId, { to: 'TRACING_IN_PROGRESS', reason: 'Minor found again' }, version).expect(200);
  });

  it('withdraws the case and cancels open tracing at once when the minor withdraws consent', async () => {
    const caseId = await caseIn('TRACING_IN_PROGRESS');
    const mission = (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_MISSION' LIMIT 1`))[0]!.id;
    const sender = (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail('caseworker')]))[0]!.id;
    await t.db.query(`INSERT INTO tracing_requests (case_id, mission_id, target_country, packet, sent_at, due_at, sent_by) VALUES ($1, $2, 'EG', '{}', app_now(), app_now() + interval '45 days', $3)`, [caseId, mission, sender]);
    const given = (await t.as(caseworker).post(`/api/cases/${caseId}/consents`, consent).expect(201)).body;
    await t.as(caseworker).post(`/api/cases/${caseId}/consents/${given.id}/withdraw`, { reason: 'The minor no longer wants the family contacted' }).expect(200);
    expect((await snapshot(caseId)).state).toBe('WITHDRAWN');
    const requests = await t.db.query<{ status: string }[]>(`SELECT status FROM tracing_requests WHERE case_id = $1`, [caseId]);
    expect(requests).toEqual([{ status: 'CANCELLED' }]);
    await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck).expect(409);
  });

  it('rejects a "do not contact" family member without a reason, and a minor’s consent without their words', async () => {
    const caseId = await caseIn('SCREENING');
    const member = await t.as(caseworker).post(`/api/cases/${caseId}/family-members`, { relationship: 'uncle', firstName: 'Hassan', lastName: 'Ibrahim', doNotContact: true }).expect(400);
    expect(member.body.details.fields).toEqual([expect.objectContaining({ path: 'doNotContactReason', code: 'required' })]);
    const { minorWords: _omitted, ...withoutWords } = consent;
    const bad = await t.as(caseworker).post(`/api/cases/${caseId}/consents`, withoutWords).expect(400);
    expect(bad.body.details.fields).toEqual([expect.objectContaining({ path: 'minorWords', code: 'required' })]);
  });

  it('hides other caseworkers’ cases from the case-file routes with 404', async () => {
    const foreign = (await t.db.query<{ id: string }[]>(
      `SELECT c.id FROM cases c JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' JOIN users u ON u.id = g.user_id WHERE u.email = $1 LIMIT 1`,
      [demoEmail('caseworker2')],
    ))[0]!.id;
    await t.as(caseworker).get(`/api/cases/${foreign}/file`).expect(404);
    await t.as(caseworker).post(`/api/cases/${foreign}/consents`, consent).expect(404);
    await fire(caseworker, foreign, { to: 'ON_HOLD', reason: 'x y z' }, 1).expect(404);
  });
});
