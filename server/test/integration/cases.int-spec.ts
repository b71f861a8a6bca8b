import type { CaseState } from '@app/contracts';
import { DEMO_STATES } from '../../src/seed/demo-data';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { testNow } from '../setup/test-clock';

const COURT_STATES = new Set<CaseState>(['COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED']);
const all = DEMO_STATES.map((_, i) => i);
const even = all.filter((i) => i % 2 === 0);
const odd = all.filter((i) => i % 2 === 1);

// The demo unit's documented scopes (README, "Demo accounts"): each persona sees a known subset,
// identified by the seed index in the case number suffix.
const EXPECTED_VISIBLE: Record<string, number[]> = {
  supervisor: all,
  caseworker: even,
  caseworker2: odd,
  guardian: [0, 14, 20],
  guardian2: [1, 19, 25],
  'social.milano': even,
  'social.palermo': odd,
  'court.milano': even.filter((i) => COURT_STATES.has(DEMO_STATES[i]!)),
  'court.palermo': odd.filter((i) => COURT_STATES.has(DEMO_STATES[i]!)),
};
const NO_CASE_FILES = ['admin', 'field.cairo', 'field.dhaka', 'ministry', 'dpo'];

const seedIndex = (caseNumber: string) => Number(caseNumber.split('-')[2]) - 1;

describe('case visibility through grants', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const local of [...Object.keys(EXPECTED_VISIBLE), ...NO_CASE_FILES]) cookies.set(local, await t.login(demoEmail(local)));
  });
  afterAll(() => t.close());

  const listAll = async (cookie: string, query = '') => {
    const numbers: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { caseNumber: string }[]; nextCursor: string | null } } = await t.as(cookie).get(`/api/cases?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
      numbers.push(...response.body.items.map((item: { caseNumber: string }) => item.caseNumber));
      cursor = response.body.nextCursor;
    } while (cursor);
    return numbers;
  };

  it.each(Object.entries(EXPECTED_VISIBLE))('lists exactly the cases %s may see, across keyset pages', async (local, expected) => {
    const numbers = await listAll(cookies.get(local)!);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.map(seedIndex).sort((a, b) => a - b)).toEqual(expected);
  });

  it.each(NO_CASE_FILES)('refuses the case list to %s (no case files for this role)', async (local) => {
    await t.as(cookies.get(local)!).get('/api/cases').expect(403);
  });

  it('orders newest first and filters by state', async () => {
    const response = await t.as(cookies.get('supervisor')!).get('/api/cases?limit=100').expect(200);
    const updated = response.body.items.map((item: { updatedAt: string }) => item.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const tracing = await listAll(cookies.get('supervisor')!, '&state=TRACING_IN_PROGRESS');
    expect(tracing.map(seedIndex).sort((a, b) => a - b)).toEqual(all.filter((i) => DEMO_STATES[i] === 'TRACING_IN_PROGRESS'));
  });

  it('returns a visible case with its version, and audits the read', async () => {
    const [first] = (await t.as(cookies.get('guardian')!).get('/api/cases').expect(200)).body.items;
    const response = await t.as(cookies.get('guardian')!).get(`/api/cases/${first.id}`).expect(200);
    expect(response.body).toMatchObject({ id: first.id, version: 1, state: first.state });
    const audit = await t.db.query<{ action: string; actor_role: string }[]>(`SELECT action, actor_role FROM audit_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [first.id]);
    expect(audit[0]).toEqual({ action: 'CASE_VIEWED', actor_role: 'guardian' });
  });

  it('answers 404, not 403, for a case outside the caller’s scope, and audits the attempt', async () => {
    const foreign = (await t.as(cookies.get('caseworker2')!).get('/api/cases?limit=1').expect(200)).body.items[0];
    const response = await t.as(cookies.get('caseworker')!).get(`/api/cases/${foreign.id}`).expect(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Case not found' });
    const missing = await t.as(cookies.get('caseworker')!).get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body).toEqual(response.body);
    const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`, [foreign.id]);
    expect(audit[0]?.action).toBe('CASE_ACCESS_DENIED');
  });

  it('refuses a guardian or caseworker grant to a whole organisation (it must name a person)', async () => {
    const [{ case_id: caseId, organisation_id: guardiansOrg }] = await t.db.query<{ case_id: string; organisation_id: string }[]>(
      `SELECT g.case_id, u.organisation_id FROM case_grants g JOIN users u ON u.id = g.user_id WHERE g.relation = 'guardian' LIMIT 1`,
    ) as [{ case_id: string; organisation_id: string }];
    for (const relation of ['guardian', 'assigned_caseworker']) {
      await expect(t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation) VALUES ($1, $2, $3)`, [caseId, guardiansOrg, relation])).rejects.toThrow(/check constraint/);
    }
    await expect(t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) SELECT $1, id, 'social_services' FROM users LIMIT 1`, [caseId])).rejects.toThrow(/check constraint/);
  });

  it('stops showing a case when a time-limited court grant expires', async () => {
    const court = cookies.get('court.milano')!;
    const [visible] = (await t.as(court).get('/api/cases?limit=1').expect(200)).body.items;
    await t.db.query(`UPDATE case_grants SET expires_at = $2 WHERE case_id = $1 AND relation = 'court'`, [visible.id, new Date(testNow().getTime() + 60 * 60_000)]);
    await t.as(court).get(`/api/cases/${visible.id}`).expect(200);
    t.clock.advance(61 * 60_000);
    try {
      await t.as(court).get(`/api/cases/${visible.id}`).expect(401); // the 30-minute idle timeout passed too
      const fresh = await t.login(demoEmail('court.milano'));
      await t.as(fresh).get(`/api/cases/${visible.id}`).expect(404);
      expect((await listAll(fresh)).map(seedIndex)).not.toContain(seedIndex(visible.caseNumber));
    } finally {
      t.clock.reset();
    }
  });
});

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds 40 minors aged 14 to 17 (the aged-out one just 18), cases in every workflow state', async () => {
    const ages = await t.db.query<{ age: number; state: string }[]>(
      `SELECT extract(year FROM age(app_today(), m.date_of_birth))::int AS age, c.state FROM minors m JOIN cases c ON c.minor_id = m.id`,
    );
    expect(ages).toHaveLength(40);
    for (const { age, state } of ages) expect({ state, ok: state === 'AGED_OUT' ? age === 18 : age >= 14 && age <= 17 }).toEqual({ state, ok: true });
    const states = (await t.db.query<{ state: string }[]>(`SELECT DISTINCT state FROM cases`)).map((r) => r.state).sort();
    const { CASE_STATES } = await import('@app/contracts');
    expect(states).toEqual([...CASE_STATES].sort());
  });
});

// A case assigned to caseworker@ in the given state (even seed index), with its version.
const caseOf = async (t: TestApp, state: string, email = demoEmail('caseworker')) =>
  (await t.db.query<{ id: string; version: number; minor_id: string }[]>(
    `SELECT c.id, c.version, c.minor_id FROM cases c JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' JOIN users u ON u.id = g.user_id
      WHERE c.state = $1 AND u.email = $2 ORDER BY c.case_number LIMIT 1`,
    [state, email],
  ))[0]!;

describe('case and minor edits with optimistic locking', () => {
  let t: TestApp;
  let caseworker: string;
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
  });
  afterAll(() => t.close());

  const snapshot = async (caseId: string) =>
    (await t.db.query<{ version: number; priority: string; internal_notes: string | null; risk_level: string; updated_at: Date }[]>(
      `SELECT version, priority, internal_notes, risk_level, updated_at FROM cases WHERE id = $1`,
      [caseId],
    ))[0]!;
  const patch = (caseId: string, body: object, version?: number | string, path = '') => {
    const req = t.as(caseworker).patch(`/api/cases/${caseId}${path}`, body);
    return version === undefined ? req : req.set('if-match', String(version));
  };

  it('needs If-Match (428), applies the edit with a version bump, history and audit', async () => {
    const { id, version } = await caseOf(t, 'SCREENING');
    const before = await snapshot(id);
    const missing = await patch(id, { priority: 'URGENT' }).expect(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    expect(await snapshot(id)).toEqual(before);

    const response = await patch(id, { priority: 'URGENT', riskLevel: 'MEDIUM', internalNotes: 'Uncle in Milan may be the smuggler.' }, `W/"${version}"`).expect(200);
    expect(response.body).toMatchObject({ id, version: version + 1, priority: 'URGENT', riskLevel: 'MEDIUM', internalNotes: 'Uncle in Milan may be the smuggler.' });
    expect(await snapshot(id)).toMatchObject({ version: version + 1, priority: 'URGENT', risk_level: 'MEDIUM', internal_notes: 'Uncle in Milan may be the smuggler.' });
    const [history] = await t.db.query<{ kind: string; detail: Record<string, unknown> }[]>(`SELECT kind, detail FROM case_history WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(history).toEqual({
      kind: 'CASE_UPDATED',
      detail: { fields: ['priority', 'riskLevel', 'internalNotes'], changes: { priority: { from: before.priority, to: 'URGENT' }, riskLevel: { from: 'UNKNOWN', to: 'MEDIUM' } } },
    });
    const [audit] = await t.db.query<{ action: string; detail: Record<string, unknown> }[]>(`SELECT action, detail FROM audit_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [id]);
    expect(audit).toEqual({ action: 'CASE_UPDATED', detail: { fields: ['priority', 'riskLevel', 'internalNotes'] } });
    // The notes' text is in neither.
    expect(JSON.stringify([history, audit])).not.toContain('smuggler');
  });

  it('answers 412 to a stale version and keeps the newer data', async () => {
    const { id, version } = await caseOf(t, 'RECEIVED');
    await patch(id, { priority: 'LOW' }, version).expect(200);
    const stale = await patch(id, { priority: 'URGENT', internalNotes: 'stale write' }, version).expect(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { currentVersion: version + 1 } });
    expect(await snapshot(id)).toMatchObject({ version: version + 1, priority: 'LOW', internal_notes: null });
    const minorStale = await patch(id, { municipality: 'Torino' }, version, '/minor').expect(412);
    expect(minorStale.body.code).toBe('PRECONDITION_FAILED');
  });

  it('lets exactly one of concurrent edits with the same version win', async () => {
    const { id, version } = await caseOf(t, 'INFO_REQUESTED');
    const priorities = ['LOW', 'HIGH', 'URGENT', 'NORMAL', 'LOW', 'HIGH'];
    const responses = await Promise.all(priorities.map((priority, i) => patch(id, { priority, dgProtocolNo: `P-${i}` }, version)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(await snapshot(id)).toMatchObject({ version: version + 1, priority: winner.body.priority });
    expect((await t.db.query<{ dg_protocol_no: string }[]>(`SELECT dg_protocol_no FROM cases WHERE id = $1`, [id]))[0]!.dg_protocol_no).toBe(winner.body.dgProtocolNo);
  });

  it('edits the minor: age changes keep old and new values, sensitive fields only their name', async () => {
    const { id, version, minor_id: minorId } = await caseOf(t, 'SCREENING');
    const [minorBefore] = await t.db.query<{ dob: string; version: number }[]>(`SELECT to_char(date_of_birth, 'YYYY-MM-DD') AS dob, version FROM minors WHERE id = $1`, [minorId]);
    const current = (await snapshot(id)).version;
    expect(current).toBeGreaterThanOrEqual(version);
    const response = await patch(id, { dateOfBirth: '2009-01-01', dobIsDefaultJan1: true, healthNotes: 'Asthma; inhaler at night', municipality: 'Torino', aliases: ['Mohamed Ibrahim Ali'] }, current, '/minor').expect(200);
    expect(response.body).toMatchObject({ version: current + 1, minor: { dateOfBirth: '2009-01-01', dobIsDefaultJan1: true, healthNotes: 'Asthma; inhaler at night', municipality: 'Torino', version: minorBefore!.version + 1 } });
    const [history] = await t.db.query<{ kind: string; detail: Record<string, unknown> }[]>(`SELECT kind, detail FROM case_history WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(history).toEqual({
      kind: 'MINOR_UPDATED',
      detail: {
        minorId,
        fields: ['aliases', 'dateOfBirth', 'dobIsDefaultJan1', 'municipality', 'healthNotes'],
        changes: { dateOfBirth: { from: minorBefore!.dob, to: '2009-01-01' }, dobIsDefaultJan1: { from: false, to: true } },
        sensitive: ['healthNotes'],
      },
    });
    const [audit] = await t.db.query<{ action: string; entity_id: string; detail: Record<string, unknown> }[]>(`SELECT action, entity_id, detail FROM audit_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [id]);
    expect(audit).toMatchObject({ action: 'MINOR_UPDATED', entity_id: minorId });
    expect(JSON.stringify([history, audit])).not.toMatch(/asthma|inhaler|torino/i);
    // The new alias is searchable at once.
    expect((await t.db.query<unknown[]>(`SELECT 1 FROM minor_names WHERE minor_id = $1 AND is_alias`, [minorId])).length).toBe(1);
  });

  it('checks the merged profile and refuses bad edits without changing anything', async () => {
    const { id } = await caseOf(t, 'REPORT_DRAFTING');
    const before = await snapshot(id);
    const noRange = await patch(id, { dobBasis: 'AGE_ASSESSMENT' }, before.version, '/minor').expect(400);
    expect(noRange.body.details.fields).toEqual([expect.objectContaining({ path: 'ageAssessmentMin', code: 'required' })]);
    const notJan1 = await patch(id, { dobIsDefaultJan1: true, dateOfBirth: '2010-05-06' }, before.version, '/minor').expect(400);
    expect(notJan1.body.details.fields).toEqual([expect.objectContaining({ path: 'dobIsDefaultJan1', code: 'not_january_first' })]);
    const future = await patch(id, { arrivalDate: '2099-01-01' }, before.version, '/minor').expect(400);
    expect(future.body.details.fields).toEqual([expect.objectContaining({ path: 'arrivalDate', code: 'in_future' })]);
    await patch(id, {}, before.version, '/minor').expect(400);
    await patch(id, {}, before.version).expect(400);
    const unknown = await patch(id, { state: 'CLOSED_LOCAL_SOLUTION' }, before.version).expect(400);
    expect(unknown.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'state', code: 'unrecognized_key' })]));
    const office = await patch(id, { requestingOrganisationId: (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_MISSION' LIMIT 1`))[0]!.id }, before.version).expect(400);
    expect(office.body.details.fields).toEqual([expect.objectContaining({ path: 'requestingOrganisationId', code: 'wrong_type' })]);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses edits on a closed case (409), on a case out of scope (404) and to external roles (403)', async () => {
    const closed = await caseOf(t, 'WITHDRAWN');
    const before = await snapshot(closed.id);
    expect((await patch(closed.id, { priority: 'HIGH' }, closed.version).expect(409)).body.code).toBe('CONFLICT');
    await patch(closed.id, { municipality: 'Bari' }, closed.version, '/minor').expect(409);
    expect(await snapshot(closed.id)).toEqual(before);
    const foreign = await caseOf(t, 'SCREENING', demoEmail('caseworker2'));
    await patch(foreign.id, { priority: 'HIGH' }, foreign.version).expect(404);
    const guardian = await t.login(demoEmail('guardian'));
    const [wardCase] = (await t.as(guardian).get('/api/cases').expect(200)).body.items;
    await t.as(guardian).patch(`/api/cases/${wardCase.id}`, { priority: 'HIGH' }).set('if-match', '1').expect(403);
    await t.as(guardian).patch(`/api/cases/${wardCase.id}/minor`, { municipality: 'Bari' }).set('if-match', '1').expect(403);
  });

  it('does not bump the version for an edit that changes nothing', async () => {
    const { id } = await caseOf(t, 'AWAITING_SOLUTION');
    const before = await snapshot(id);
    const response = await patch(id, { priority: before.priority }, before.version).expect(200);
    expect(response.body.version).toBe(before.version);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('case detail per audience', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives IOM staff the internal notes and risk level, and never a guardian, social services or a court', async () => {
    const NOTE = 'INTERNAL-NOTE-MARKER: family may be linked to the trafficker';
    await t.db.query(`UPDATE cases SET internal_notes = $1, risk_level = 'HIGH'`, [NOTE]);
    await t.db.query(`UPDATE minors SET health_notes = 'HEALTH-MARKER', trafficking_indicators = 'TRAFFICKING-MARKER'`);
    for (const local of ['guardian', 'guardian2', 'social.milano', 'court.milano']) {
      const cookie = await t.login(demoEmail(local));
      const items = (await t.as(cookie).get('/api/cases?limit=100').expect(200)).body.items as { id: string }[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const detail = (await t.as(cookie).get(`/api/cases/${item.id}`).expect(200)).body;
        expect(detail).not.toHaveProperty('internalNotes');
        expect(detail).not.toHaveProperty('riskLevel');
        expect(JSON.stringify(detail)).not.toContain('INTERNAL-NOTE-MARKER');
        if (local.startsWith('court')) {
          expect(detail.minor).not.toHaveProperty('healthNotes');
          expect(detail.minor).not.toHaveProperty('traffickingIndicators');
          expect(JSON.stringify(detail)).not.toMatch(/HEALTH-MARKER|TRAFFICKING-MARKER/);
        } else {
          expect(detail.minor.healthNotes).toBe('HEALTH-MARKER');
        }
      }
    }
    const caseworker = await t.login(demoEmail('caseworker'));
    const [first] = (await t.as(caseworker).get('/api/cases').expect(200)).body.items;
    const detail = (await t.as(caseworker).get(`/api/cases/${first.id}`).expect(200)).body;
    expect(detail).toMatchObject({ internalNotes: NOTE, riskLevel: 'HIGH', minor: { healthNotes: 'HEALTH-MARKER', traffickingIndicators: 'TRAFFICKING-MARKER' } });
  });

  it('shows who works on the case and who asked for it', async () => {
    const supervisor = await t.login(demoEmail('supervisor'));
    const expected = await t.db.query<{ id: string; caseworker: string; authority: string; guardian: string | null }[]>(
      `SELECT c.id, u.display_name AS caseworker, o.name AS authority,
              (SELECT gu.display_name FROM case_grants gg JOIN users gu ON gu.id = gg.user_id WHERE gg.case_id = c.id AND gg.relation = 'guardian') AS guardian
         FROM cases c JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' JOIN users u ON u.id = g.user_id
         JOIN organisations o ON o.id = c.requesting_organisation_id`,
    );
    const items = (await t.as(supervisor).get('/api/cases?limit=100').expect(200)).body.items as { id: string; assignedCaseworker: { name: string }; requestingAuthority: { name: string } }[];
    expect(items).toHaveLength(expected.length);
    for (const row of expected) {
      const item = items.find((i) => i.id === row.id)!;
      expect([item.assignedCaseworker.name, item.requestingAuthority.name]).toEqual([row.caseworker, row.authority]);
    }
    const withGuardian = expected.find((r) => r.guardian)!;
    expect((await t.as(supervisor).get(`/api/cases/${withGuardian.id}`).expect(200)).body.guardian.name).toBe(withGuardian.guardian);
  });
});

describe('case list filters and name search', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const local of ['supervisor', 'caseworker', 'caseworker2', 'guardian']) cookies.set(local, await t.login(demoEmail(local)));
  });
  afterAll(() => t.close());

  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const listAll = async (cookie: string, query: string) => {
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.as(cookie).get(`/api/cases?limit=5${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
      found.push(...response.body.items.map((i) => i.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    return found.sort();
  };
  const searchAll = async (cookie: string, body: object) => {
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.as(cookie).post('/api/cases/search', { ...body, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      found.push(...response.body.items.map((i) => i.id));
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor);
    return found.sort();
  };
  const userId = async (local: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.id;
  const orgId = async (prefix: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE name LIKE $1`, [`${prefix}%`]))[0]!.id;
  const scoped = (local: string) =>
    `EXISTS (SELECT 1 FROM case_grants g JOIN users u ON u.id = g.user_id WHERE g.case_id = c.id AND g.relation = 'assigned_caseworker' AND u.email = '${demoEmail(local)}')`;

  it('filters by nationality, caseworker, requesting authority, overdue task, alone and combined', async () => {
    const now = testNow();
    const [overdueCase, futureCase, doneCase] = await t.db.query<{ id: string }[]>(
      `SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'OPEN' AND t.due_at < app_now()) ORDER BY case_number LIMIT 3`,
    );
    await t.db.query(
      `INSERT INTO tasks (case_id, rule, title, due_at, source, owner_role, status) VALUES
         ($1, 'test.overdue', 'Overdue', $4, 'MANUAL', 'caseworker', 'OPEN'),
         ($2, 'test.future', 'Not yet due', $5, 'MANUAL', 'caseworker', 'OPEN'),
         ($3, 'test.done', 'Done late', $4, 'MANUAL', 'caseworker', 'DONE')`,
      [overdueCase!.id, futureCase!.id, doneCase!.id, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 86_400_000)],
    );
    const supervisor = cookies.get('supervisor')!;
    const caseworker2 = await userId('caseworker2');
    const palermo = await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE name LIKE 'Comune di Palermo%'`);
    const expectations: [string, string][] = [
      ['&nationality=EG', `SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE m.nationality = 'EG'`],
      ['&nationality=bd', `SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE m.nationality = 'BD'`],
      [`&caseworkerId=${caseworker2}`, `SELECT c.id FROM cases c WHERE ${scoped('caseworker2')}`],
      [`&requestingAuthorityId=${palermo[0]!.id}`, `SELECT c.id FROM cases c WHERE c.requesting_organisation_id = '${palermo[0]!.id}'`],
      ['&overdue=true', `SELECT c.id FROM cases c WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'OPEN' AND t.due_at < app_now())`],
      ['&overdue=false', `SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'OPEN' AND t.due_at < app_now())`],
      [`&nationality=EG&caseworkerId=${caseworker2}&state=SCREENING`, `SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE m.nationality = 'EG' AND c.state = 'SCREENING' AND ${scoped('caseworker2')}`],
    ];
    for (const [query, sql] of expectations) {
      const expected = ids(await t.db.query<{ id: string }[]>(sql));
      expect({ query, found: await listAll(supervisor, query) }).toEqual({ query, found: expected });
    }
    expect(await listAll(supervisor, '&overdue=true')).toContain(overdueCase!.id);
    expect(await listAll(supervisor, '&overdue=true')).not.toContain(futureCase!.id);
    // A filter never widens the caller's scope.
    const mine = ids(await t.db.query<{ id: string }[]>(`SELECT c.id FROM cases c WHERE ${scoped('caseworker')}`));
    expect(await listAll(cookies.get('caseworker')!, `&caseworkerId=${caseworker2}`)).toEqual([]);
    expect(await listAll(cookies.get('caseworker')!, '&nationality=EG')).toEqual(
      ids(await t.db.query<{ id: string }[]>(`SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE m.nationality = 'EG' AND ${scoped('caseworker')}`)),
    );
    expect(mine.length).toBeGreaterThan(0);
    // The row says whether a task is overdue.
    const page = (await t.as(supervisor).get('/api/cases?limit=100').expect(200)).body.items as { id: string; overdue: boolean }[];
    expect(page.find((i) => i.id === overdueCase!.id)!.overdue).toBe(true);
    expect(page.find((i) => i.id === futureCase!.id)!.overdue).toBe(false);
    await t.as(supervisor).get('/api/cases?nationality=Egypt').expect(400);
    await t.as(supervisor).get('/api/cases?caseworkerId=nope').expect(400);
  });

  it('searches by name in the body, across transliterations and aliases, with the other filters', async () => {
    const supervisor = cookies.get('supervisor')!;
    const byName = async (...names: [string, string][]) =>
      ids(await t.db.query<{ id: string }[]>(`SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE (m.first_name, m.last_name) IN (${names.map((n) => `('${n[0]}', '${n[1]}')`).join(', ')})`));
    // Lamin Jallow, and Mamadou Diallo through his alias Mamadu Jallow.
    const jallow = await byName(['Lamin', 'Jallow'], ['Mamadou', 'Diallo']);
    expect(await searchAll(supervisor, { name: 'Jallow' })).toEqual(jallow);
    expect(await searchAll(supervisor, { name: 'diallo' })).toEqual(jallow);
    expect(await searchAll(supervisor, { name: 'Djallo' })).toEqual(jallow);
    expect(await searchAll(supervisor, { name: 'Mohamed', nationality: 'TN' })).toEqual(await byName(['Mohamed Amine', 'Jebali']));
    expect(await searchAll(supervisor, { name: 'Traore Adama' })).toEqual(await byName(['Adama', 'Traoré']));
    expect(await searchAll(cookies.get('caseworker')!, { name: 'Jallow' })).toEqual([]);
    expect(await searchAll(cookies.get('caseworker2')!, { name: 'Jallow' })).toEqual(jallow);
    // Without a name it is the plain filtered list.
    expect(await searchAll(supervisor, { state: 'TRACING_IN_PROGRESS' })).toEqual(ids(await t.db.query<{ id: string }[]>(`SELECT id FROM cases WHERE state = 'TRACING_IN_PROGRESS'`)));
    const [audit] = await t.db.query<{ action: string; detail: Record<string, unknown> }[]>(`SELECT action, detail FROM audit_event WHERE action = 'CASE_NAME_SEARCH' ORDER BY seq DESC LIMIT 1`);
    expect(JSON.stringify(audit)).not.toMatch(/jallow|diallo/i);
    await t.as(supervisor).post('/api/cases/search?name=Jallow', {}).expect(400);
    await t.as(supervisor).post('/api/cases/search', { name: '%%' }).expect(400);
  });

  it('lists the filter options among the visible cases', async () => {
    const options = (await t.as(cookies.get('caseworker2')!).get('/api/cases/filters').expect(200)).body;
    const visible = `SELECT c.id, c.state, c.requesting_organisation_id, m.nationality FROM cases c JOIN minors m ON m.id = c.minor_id WHERE ${scoped('caseworker2')}`;
    const expectedStates = (await t.db.query<{ s: string }[]>(`SELECT DISTINCT state AS s FROM (${visible}) v ORDER BY 1`)).map((r) => r.s);
    const expectedNationalities = (await t.db.query<{ s: string }[]>(`SELECT DISTINCT nationality AS s FROM (${visible}) v ORDER BY 1`)).map((r) => r.s);
    expect(options.states).toEqual(expectedStates);
    expect(options.nationalities).toEqual(expectedNationalities);
    expect(options.caseworkers).toEqual([{ id: await userId('caseworker2'), name: 'Sara Conti (demo)' }]);
    expect(options.requestingAuthorities).toEqual([{ id: await orgId('Comune di Palermo'), name: 'Comune di Palermo – Servizi sociali per minori', type: 'SOCIAL_SERVICES' }]);
    const guardian = (await t.as(cookies.get('guardian')!).get('/api/cases/filters').expect(200)).body;
    expect(guardian.nationalities.length).toBeLessThanOrEqual(3);
  });
});

describe('case timeline', () => {
  let t: TestApp;
  let caseworker: string;
  let guardian: string;
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    guardian = await t.login(demoEmail('guardian'));
  });
  afterAll(() => t.close());

  type Entry = { id: string; kind: string; actor: { name: string } | null; fromState: string | null; toState: string | null; reason: string | null; detail: Record<string, unknown> };
  const walk = async (cookie: string, caseId: string, limit: number) => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: Entry[]; nextCursor: string | null } } = await t.as(cookie).get(`/api/cases/${caseId}/timeline?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      entries.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return entries;
  };

  it('lists the history newest first with actor names, paginated; external users see less', async () => {
    const [ward] = (await t.as(guardian).get('/api/cases').expect(200)).body.items as { id: string; state: string }[];
    const caseId = ward!.id;
    const version = async () => (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
    const move = async (to: string, reason?: string) => t.as(caseworker).post(`/api/cases/${caseId}/transitions`, { to, ...(reason ? { reason } : {}) }).set('if-match', String(await version())).expect(200);
    if (ward!.state === 'RECEIVED') await move('SCREENING');
    await t.as(caseworker).patch(`/api/cases/${caseId}`, { priority: 'URGENT', internalNotes: 'first note' }).set('if-match', String(await version())).expect(200);
    await t.as(caseworker).patch(`/api/cases/${caseId}`, { internalNotes: 'second note' }).set('if-match', String(await version())).expect(200);
    await t.as(caseworker).post(`/api/cases/${caseId}/consents`, {
      subject: 'MINOR', scope: 'TRACING', language: 'Arabic', mediatorPresent: false, informedBy: 'Marco Bellini', minorWords: 'Please find my mother.', givenAt: testNow().toISOString(),
    }).expect(201);
    await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, {
      stage: 'PRE_TRACING', riskToMinor: 'None known', riskToFamily: 'Low', protectionStatusConflict: false, traffickingConcern: false, areaSecurity: 'Stable', decision: 'PROCEED',
    }).expect(201);
    await move('INFO_REQUESTED', 'Need the name of the home village (internal wording)');

    const recorded = await t.db.query<{ id: string; kind: string }[]>(`SELECT id::text, kind FROM case_history WHERE case_id = $1 ORDER BY id DESC`, [caseId]);
    const staff = await walk(caseworker, caseId, 2);
    expect(staff.map((e) => e.id)).toEqual(recorded.map((r) => r.id));
    expect(staff.map((e) => e.kind).slice(0, 5)).toEqual(['TRANSITION', 'RISK_CHECK_RECORDED', 'CONSENT_RECORDED', 'CASE_UPDATED', 'CASE_UPDATED']);
    expect(staff[0]).toMatchObject({ fromState: 'SCREENING', toState: 'INFO_REQUESTED', reason: 'Need the name of the home village (internal wording)', actor: { name: 'Marco Bellini (demo)' } });
    expect(staff[3]!.detail).toMatchObject({ fields: ['internalNotes'] });
    const onePage = (await t.as(caseworker).get(`/api/cases/${caseId}/timeline?limit=100`).expect(200)).body;
    expect(onePage.items.map((e: Entry) => e.id)).toEqual(staff.map((e) => e.id));
    expect(onePage.nextCursor).toBeNull();

    const external = await walk(guardian, caseId, 1);
    expect(external.map((e) => e.kind).slice(0, 3)).toEqual(['TRANSITION', 'CONSENT_RECORDED', 'CASE_UPDATED']);
    expect(external[0]).toMatchObject({ fromState: 'SCREENING', toState: 'INFO_REQUESTED', reason: null, detail: {} });
    expect(external[1]!.detail).toEqual({ subject: 'MINOR', scope: 'TRACING' });
    expect(external[2]!.detail).toEqual({ fields: ['priority'] });
    for (const entry of external) expect(['CASE_CREATED', 'TRANSITION', 'CONSENT_RECORDED', 'CONSENT_WITHDRAWN', 'CASE_UPDATED', 'MINOR_UPDATED']).toContain(entry.kind);
    expect(JSON.stringify(external)).not.toMatch(/internal wording|note|RISK_CHECK/);
    expect(external.map((e) => e.id)).toEqual(recorded.filter((r) => external.some((e) => e.id === r.id)).map((r) => r.id));

    const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [caseId]);
    expect(audit[0]!.action).toBe('CASE_TIMELINE_VIEWED');
  });

  it('answers 404 for a case out of scope and refuses a bad cursor', async () => {
    const foreign = await caseOf(t, 'SCREENING', demoEmail('caseworker2'));
    await t.as(caseworker).get(`/api/cases/${foreign.id}/timeline`).expect(404);
    const mine = await caseOf(t, 'SCREENING');
    await t.as(caseworker).get(`/api/cases/${mine.id}/timeline?cursor=${Buffer.from('["x"]').toString('base64url')}`).expect(400);
    await t.as(caseworker).get(`/api/cases/${mine.id}/timeline?cursor=garbage`).expect(400);
  });
});
