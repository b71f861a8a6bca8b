import { randomBytes } from 'node:crypto';
import { CLOSED_STATES, addDays, type CaseState } from '@app/contracts';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { advanceDays, dateOfBirthTurning18In } from '../setup/test-clock';

const DAY = 86_400_000;
const consent = { subject: 'MINOR', scope: 'TRACING', language: 'Tigrinya', mediatorPresent: true, mediatorName: 'Yonas (mediator)', informedBy: 'Marco Bellini', minorWords: 'Please look for my aunt.', givenAt: '2026-01-10T10:00:00.000Z' };
const riskCheck = { stage: 'PRE_TRACING', riskToMinor: 'None known', riskToFamily: 'Low', protectionStatusConflict: false, traffickingConcern: false, areaSecurity: 'Stable', decision: 'PROCEED' };

interface Bucket<T> {
  count: number;
  items: T[];
}
interface Turning {
  caseId: string;
  daysLeft: number;
  dobIsDefaultJan1: boolean;
  prosieguoUntil: string | null;
  eighteenthBirthday: string;
  firstName: string;
}

describe('dashboard', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = (local: string) => t.as(cookies.get(local)!);
  const relogin = async () => {
    for (const local of cookies.keys()) cookies.set(local, await t.login(demoEmail(local)));
  };
  const dashboard = async (local: string) => (await as(local).get('/api/dashboard').expect(200)).body;

  const userId = async (local: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.id;
  const unitOrg = async () => (await t.db.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM users WHERE email = $1`, [demoEmail('supervisor')]))[0]!.organisation_id;
  const makeCase = async (state: string, options: { local?: string; eighteenIn?: number; prosieguoIn?: number; jan1?: boolean; name?: string } = {}) => {
    const dob = dateOfBirthTurning18In(t.clock.today(), options.eighteenIn ?? 1500);
    const prosieguo = options.prosieguoIn === undefined ? null : addDays(t.clock.today(), options.prosieguoIn);
    const minor = (await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth, dob_is_default_jan1, prosieguo_until) VALUES ($1, 'Dashboard', 'M', 'ER', $2, $3, $4) RETURNING id`,
      [options.name ?? 'Fixture', dob, options.jan1 ?? false, prosieguo],
    ))[0]!.id;
    const caseId = (await t.db.query<{ id: string }[]>(
      `INSERT INTO cases (case_number, minor_id, state, channel, request_date) VALUES ($1, $2, $3, 'DG_MLPS', '2026-01-10') RETURNING id`,
      [`DSH-${randomBytes(4).toString('hex')}`, minor, state],
    ))[0]!.id;
    await t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation) VALUES ($1, $2, 'supervising_unit')`, [caseId, await unitOrg()]);
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) VALUES ($1, $2, 'assigned_caseworker')`, [caseId, await userId(options.local ?? 'caseworker')]);
    return caseId;
  };
  const inBucket = (bucket: Bucket<Turning>, caseId: string) => bucket.items.find((i) => i.caseId === caseId);

  beforeAll(async () => {
    // The fixtures below write with plain SQL, outside any transaction of the app, which the
    // supervisors' shared dashboard cannot see (it is recomputed after the app's own transactions:
    // see "the supervisors' shared dashboard" below), so this suite computes it on every request.
    t = await createTestApp({ DASHBOARD_CACHE_SECONDS: '0' });
    for (const local of ['caseworker', 'caseworker2', 'supervisor', 'field.cairo', 'guardian', 'admin']) cookies.set(local, await t.login(demoEmail(local)));
  });
  afterEach(async () => {
    if (t.clock.now().getTime() - Date.now() > 60_000) {
      t.clock.reset();
      await relogin();
    }
  });
  afterAll(() => t.close());

  it('is for caseworkers and supervisors only', async () => {
    await as('field.cairo').get('/api/dashboard').expect(403);
    await as('guardian').get('/api/dashboard').expect(403);
    await as('admin').get('/api/dashboard').expect(403);
  });

  it.each(['caseworker', 'caseworker2', 'supervisor'])('counts by state exactly the open cases the case list returns (%s)', async (local) => {
    const listAll = async (query = '') => {
      const states: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { state: string }[]; nextCursor: string | null } } = await as(local).get(`/api/cases?limit=50${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
        states.push(...page.body.items.map((i) => i.state));
        cursor = page.body.nextCursor;
      } while (cursor);
      return states;
    };
    const expected: Record<string, number> = {};
    for (const state of await listAll()) if (!CLOSED_STATES.includes(state as CaseState)) expected[state] = (expected[state] ?? 0) + 1;
    const body = await dashboard(local);
    const counted = Object.fromEntries(body.casesByState.map((s: { state: string; count: number }) => [s.state, s.count]));
    expect(counted).toEqual(expected);
    expect(body.openCases).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    for (const state of ['SCREENING', 'ON_HOLD', 'REPORT_QA']) expect(counted[state] ?? 0).toBe((await listAll(`&state=${state}`)).length);
    // Closed cases are the archive, not the working dashboard.
    for (const state of CLOSED_STATES) expect(counted[state]).toBeUndefined();
  });

  it('buckets minors turning 18 by 30/90/180 days, with days left, prosieguo and the default-1-January flag', async () => {
    const soon = await makeCase('SCREENING', { eighteenIn: 20, jan1: true, name: 'Soon' });
    const mid = await makeCase('TRACING_IN_PROGRESS', { eighteenIn: 60 });
    const later = await makeCase('REPORT_DRAFTING', { eighteenIn: 150, prosieguoIn: 150 + 700 });
    const far = await makeCase('SCREENING', { eighteenIn: 200 });
    const reached = await makeCase('AWAITING_SOLUTION', { eighteenIn: -3 });
    const covered = await makeCase('AWAITING_SOLUTION', { eighteenIn: -3, prosieguoIn: 300 });
    const closed = await makeCase('CLOSED_LOCAL_SOLUTION', { eighteenIn: 10 });
    const othersCase = await makeCase('SCREENING', { eighteenIn: 15, local: 'caseworker2' });

    const { turningEighteen: b } = await dashboard('caseworker');
    expect(inBucket(b.within30, soon)).toMatchObject({ daysLeft: 20, dobIsDefaultJan1: true, firstName: 'Soon', eighteenthBirthday: addDays(t.clock.today(), 20) });
    expect(inBucket(b.within90, mid)).toMatchObject({ daysLeft: 60, prosieguoUntil: null });
    expect(inBucket(b.within180, later)).toMatchObject({ daysLeft: 150, prosieguoUntil: addDays(t.clock.today(), 850) });
    expect(inBucket(b.reached, reached)).toMatchObject({ daysLeft: -3 });
    const everywhere = [...b.within30.items, ...b.within90.items, ...b.within180.items, ...b.reached.items].map((i: Turning) => i.caseId);
    for (const hidden of [far, covered, closed, othersCase]) expect(everywhere).not.toContain(hidden);
    for (const bucket of [b.within30, b.within90, b.within180, b.reached]) expect(bucket.count).toBeGreaterThanOrEqual(bucket.items.length);

    // The supervisor sees the unit, including caseworker2's minor.
    const unit = (await dashboard('supervisor')).turningEighteen;
    expect(inBucket(unit.within30, othersCase)).toMatchObject({ daysLeft: 15 });

    // Forty days on, everything has moved one bucket closer.
    advanceDays(t.clock, 40);
    await relogin();
    const moved = (await dashboard('caseworker')).turningEighteen;
    expect(inBucket(moved.reached, soon)).toMatchObject({ daysLeft: -20 });
    expect(inBucket(moved.within30, mid)).toMatchObject({ daysLeft: 20 });
    expect(inBucket(moved.within180, later)).toMatchObject({ daysLeft: 110 });
    expect(inBucket(moved.within180, far)).toMatchObject({ daysLeft: 160 });
  });

  it('shows my tasks due this week and, once the date passes, as overdue', async () => {
    await t.db.query(`DELETE FROM tasks`);
    const caseId = await makeCase('SCREENING', { name: 'Overdue' });
    const other = await makeCase('SCREENING', { local: 'caseworker2' });
    const now = t.clock.now().getTime();
    const task = (await as('caseworker').post(`/api/cases/${caseId}/tasks`, { title: 'Phone the guardian', dueAt: new Date(now + DAY).toISOString() }).expect(201)).body;
    await as('caseworker').post(`/api/cases/${caseId}/tasks`, { title: 'Next month', dueAt: new Date(now + 30 * DAY).toISOString() }).expect(201);
    await as('caseworker2').post(`/api/cases/${other}/tasks`, { title: 'Not mine', dueAt: new Date(now + DAY).toISOString() }).expect(201);

    let body = await dashboard('caseworker');
    expect(body.tasks.overdue).toEqual({ count: 0, items: [] });
    expect(body.tasks.dueThisWeek.count).toBe(1);
    expect(body.tasks.dueThisWeek.items).toEqual([expect.objectContaining({ id: task.id, caseId, title: 'Phone the guardian', minor: { firstName: 'Overdue', lastName: 'Dashboard' }, source: 'MANUAL' })]);
    expect(body.tasks.dueThisWeek.items[0].caseNumber).toMatch(/^DSH-/);

    t.clock.advance(2 * DAY);
    await relogin();
    body = await dashboard('caseworker');
    expect(body.tasks.overdue.count).toBe(1);
    expect(body.tasks.overdue.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    expect(body.tasks.dueThisWeek).toEqual({ count: 0, items: [] });
    // The supervisor's own tasks are separate from the caseworkers'.
    expect((await dashboard('supervisor')).tasks.overdue.count).toBe(0);
  });

  it('queues a pending risk check for the supervisor until approved, then the case for tracing approval', async () => {
    const caseId = await makeCase('SCREENING');
    const waiting = async () => (await dashboard('supervisor')).approvals.items.filter((i: { caseId: string }) => i.caseId === caseId);
    expect(await waiting()).toEqual([]);

    await as('caseworker').post(`/api/cases/${caseId}/consents`, consent).expect(201);
    const risk = (await as('caseworker').post(`/api/cases/${caseId}/risk-checks`, riskCheck).expect(201)).body;
    // Oldest first: backdate it so the demo's own queue cannot push it off the first page.
    await t.db.query(`UPDATE risk_checks SET created_at = '2000-01-01' WHERE id = $1`, [risk.id]);
    const before = (await dashboard('supervisor')).approvals.count;
    expect(await waiting()).toEqual([expect.objectContaining({ kind: 'RISK_CHECK', riskCheckId: risk.id, state: 'SCREENING' })]);
    // Caseworkers do not approve risk checks.
    expect((await dashboard('caseworker')).approvals.items.filter((i: { caseId: string }) => i.caseId === caseId)).toEqual([]);

    await as('supervisor').post(`/api/cases/${caseId}/risk-checks/${risk.id}/approve`).expect(200);
    await t.db.query(`UPDATE case_history SET at = '2000-01-01' WHERE case_id = $1`, [caseId]);
    await t.db.query(`INSERT INTO case_history (case_id, at, kind, from_state, to_state) VALUES ($1, '2000-01-01', 'TRANSITION', 'RECEIVED', 'SCREENING')`, [caseId]);
    const after = await waiting();
    expect(after).toEqual([expect.objectContaining({ kind: 'TRACING_APPROVAL', riskCheckId: null })]);
    expect((await dashboard('supervisor')).approvals.count).toBe(before);

    const version = (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
    await as('supervisor').post(`/api/cases/${caseId}/transitions`, { to: 'READY_FOR_TRACING' }).set('if-match', String(version)).expect(200);
    expect(await waiting()).toEqual([]);
    expect((await dashboard('supervisor')).approvals.count).toBe(before - 1);
  });

  it('queues reports in QA: for approval (supervisor) and for QA (the assigned caseworker only)', async () => {
    const caseId = await makeCase('REPORT_QA');
    await t.db.query(`INSERT INTO case_history (case_id, at, kind, from_state, to_state) VALUES ($1, '2000-01-01', 'TRANSITION', 'REPORT_DRAFTING', 'REPORT_QA')`, [caseId]);
    const find = async (local: string) => (await dashboard(local)).approvals.items.filter((i: { caseId: string }) => i.caseId === caseId);
    expect(await find('supervisor')).toEqual([expect.objectContaining({ kind: 'REPORT_APPROVAL', since: '2000-01-01T00:00:00.000Z' })]);
    expect(await find('caseworker')).toEqual([expect.objectContaining({ kind: 'REPORT_QA' })]);
    expect(await find('caseworker2')).toEqual([]);
  });
});

// docs/performance.md F4: counting the whole unit on every request is what made the supervisors'
// dashboard slow at national scale, so it is computed once for the unit's supervisors and shared –
// but never shown stale after a change made through the app.
describe("the dashboard's kept figures (the supervisors' shared, each caseworker's own)", () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = (local: string) => t.as(cookies.get(local)!);
  const dashboard = async (local: string) => (await as(local).get('/api/dashboard').expect(200)).body as { generatedAt: string; casesByState: { state: string; count: number }[] };
  const count = (body: { casesByState: { state: string; count: number }[] }, state: string) => body.casesByState.find((s) => s.state === state)?.count ?? 0;
  const version = async (caseId: string) => (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;

  beforeAll(async () => {
    t = await createTestApp({ DASHBOARD_CACHE_SECONDS: '30' });
    for (const local of ['caseworker', 'caseworker2', 'supervisor']) cookies.set(local, await t.login(demoEmail(local)));
    // A second session (the demo unit has one supervisor; the figures are keyed by unit and role).
    cookies.set('supervisor2', await t.login(demoEmail('supervisor')));
  });
  afterAll(() => t.close());

  it('is computed once for the unit and shared between requests until it is 30 seconds old', async () => {
    const first = await dashboard('supervisor');
    const mine = await dashboard('caseworker');
    const theirs = await dashboard('caseworker2');
    // A change outside the app's transactions (here, plain SQL) is not seen while the figures last…
    await t.blankCase('ON_HOLD');
    expect(await dashboard('supervisor2')).toEqual(first);
    expect(await dashboard('caseworker')).toEqual(mine);
    // …each caseworker's figures are their own…
    expect(theirs).not.toEqual(mine);
    t.clock.advance(31_000);
    // …and they are read again once 30 seconds old.
    const later = await dashboard('supervisor');
    expect(later.generatedAt).not.toBe(first.generatedAt);
    expect(count(later, 'ON_HOLD')).toBe(count(first, 'ON_HOLD') + 1);
    expect(count(await dashboard('caseworker'), 'ON_HOLD')).toBe(count(mine, 'ON_HOLD') + 1);
    expect(count(await dashboard('caseworker2'), 'ON_HOLD')).toBe(count(theirs, 'ON_HOLD'));
  });

  it('is computed again after any change made through the app', async () => {
    const caseId = await t.blankCase('RECEIVED');
    t.clock.advance(31_000);
    const before = await dashboard('supervisor');
    expect(await dashboard('supervisor')).toEqual(before);
    const mine = await dashboard('caseworker');
    await as('caseworker').post(`/api/cases/${caseId}/transitions`, { to: 'SCREENING' }).set('if-match', String(await version(caseId))).expect(200);
    const after = await dashboard('supervisor2');
    expect(count(after, 'SCREENING')).toBe(count(before, 'SCREENING') + 1);
    expect(count(after, 'RECEIVED')).toBe(count(before, 'RECEIVED') - 1);
    expect(count(await dashboard('caseworker'), 'SCREENING')).toBe(count(mine, 'SCREENING') + 1);
  });

  it("keeps a caseworker's figures through a change to another caseworker's case, not through one to their own", async () => {
    const mineId = await t.blankCase('RECEIVED');
    const theirsId = await t.blankCase('RECEIVED', { caseworker: 'caseworker2' });
    t.clock.advance(31_000);
    const mine = await dashboard('caseworker');
    const theirs = await dashboard('caseworker2');
    const unit = await dashboard('supervisor');
    // A transition on caseworker2's case: caseworker2's and the unit's figures are read again,
    // caseworker's are kept (the same computation, same generatedAt).
    await as('caseworker2').post(`/api/cases/${theirsId}/transitions`, { to: 'SCREENING' }).set('if-match', String(await version(theirsId))).expect(200);
    expect(await dashboard('caseworker')).toEqual(mine);
    expect(count(await dashboard('caseworker2'), 'SCREENING')).toBe(count(theirs, 'SCREENING') + 1);
    expect(count(await dashboard('supervisor'), 'SCREENING')).toBe(count(unit, 'SCREENING') + 1);
    // An edit of caseworker's own case is seen at once.
    await as('caseworker').patch(`/api/cases/${mineId}`, { priority: 'URGENT' }).set('if-match', String(await version(mineId))).expect(200);
    const edited = await dashboard('caseworker');
    expect(edited.generatedAt).not.toBe(mine.generatedAt);
    // A change that may move who sees what (here an assignment, unscoped) is seen by everyone.
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE case_grants SET user_id = (SELECT id FROM users WHERE email = $2) WHERE case_id = $1 AND relation = 'assigned_caseworker'`, [theirsId, demoEmail('caseworker')]);
    });
    const reassigned = await dashboard('caseworker');
    expect(count(reassigned, 'SCREENING')).toBe(count(edited, 'SCREENING') + 1);
  });

  it('is not read again after searches, which cannot write', async () => {
    t.clock.advance(31_000);
    const unit = await dashboard('supervisor');
    const generation = t.db.changeGeneration;
    await as('caseworker').post('/api/minors/search', { name: 'Mohamed Fofana' }).expect(200);
    await as('supervisor').post('/api/cases/search', { name: 'Mohamed', limit: 10 }).expect(200);
    expect(t.db.changeGeneration).toBe(generation);
    expect(await dashboard('supervisor2')).toEqual(unit);
    // The transaction they run in refuses a write.
    await expect(t.db.readTransaction((tx) => tx.query(`UPDATE cases SET priority = priority WHERE false`))).rejects.toThrow(/read-only transaction/);
  });
});
