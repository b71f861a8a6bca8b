import type { CaseState } from '@app/contracts';
import { DEMO_STATES } from '../../src/seed/demo-data';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

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
    await t.db.query(`UPDATE case_grants SET expires_at = $2 WHERE case_id = $1 AND relation = 'court'`, [visible.id, new Date(Date.now() + 60 * 60_000)]);
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

  it('holds 40 minors aged 14 to 17, cases in every workflow state', async () => {
    const ages = await t.db.query<{ age: number }[]>(`SELECT extract(year FROM age(current_date, date_of_birth))::int AS age FROM minors`);
    expect(ages).toHaveLength(40);
    for (const { age } of ages) expect(age >= 14 && age <= 17).toBe(true);
    const states = (await t.db.query<{ state: string }[]>(`SELECT DISTINCT state FROM cases`)).map((r) => r.state).sort();
    const { CASE_STATES } = await import('@app/contracts');
    expect(states).toEqual([...CASE_STATES].sort());
  });
});
