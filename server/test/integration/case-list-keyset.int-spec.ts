import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

// docs/performance.md F5: a caseworker's, guardian's, office's or court's list walks their grants in
// list order, on a copy of the case's updated_at kept on each grant by triggers. These tests fail if
// the copy drifts from the case, if a case shows twice, or if the walk sees what the grant does not
// open.
describe('case list walked through the grants', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = (local: string) => t.as(cookies.get(local)!);
  const version = async (caseId: string) => (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
  const userId = async (local: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.id;
  const listAll = async (local: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(local)
        .get(`/api/cases?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .expect(200);
      ids.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids;
  };
  // What the grants open, by the rule of visibleCasePredicate, newest change first.
  const expected = async (column: 'user_id' | 'organisation_id', id: string, relation: string) =>
    (
      await t.db.query<{ id: string }[]>(
        `SELECT c.id FROM cases c WHERE EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = c.id AND g.${column} = $1 AND g.relation = $2 AND (g.expires_at IS NULL OR g.expires_at > app_now()))
          ORDER BY c.updated_at DESC, c.id DESC`,
        [id, relation],
      )
    ).map((row) => row.id);

  beforeAll(async () => {
    t = await createTestApp();
    for (const local of ['caseworker', 'social.milano', 'guardian']) cookies.set(local, await t.login(demoEmail(local)));
  });
  afterAll(() => t.close());

  it('keeps every grant in step with its case, through the app and through plain SQL', async () => {
    const drift = async () =>
      (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM case_grants g JOIN cases c ON c.id = g.case_id WHERE g.case_updated_at <> c.updated_at`))[0]!.n;
    expect(await drift()).toBe(0);
    const caseId = await t.blankCase('RECEIVED');
    await as('caseworker').post(`/api/cases/${caseId}/transitions`, { to: 'SCREENING' }).set('if-match', String(await version(caseId))).expect(200);
    await t.db.query(`UPDATE cases SET updated_at = updated_at - interval '3 days' WHERE id = $1`, [caseId]);
    // A grant inserted with a wrong value takes the case's.
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation, case_updated_at) VALUES ($1, $2, 'guardian', '2000-01-01')`, [caseId, await userId('guardian')]);
    expect(await drift()).toBe(0);
  });

  it('lists for a person and for an office exactly what their grants open, newest first, each case once', async () => {
    const office = (await t.db.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM users WHERE email = $1`, [demoEmail('social.milano')]))[0]!.organisation_id;
    // A second live assignment of the same caseworker to the same case.
    const twice = await t.blankCase('SCREENING');
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) VALUES ($1, $2, 'assigned_caseworker')`, [twice, await userId('caseworker')]);
    // An expired one opens nothing.
    const expired = await t.blankCase('SCREENING', { caseworker: 'caseworker2' });
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation, expires_at) VALUES ($1, $2, 'assigned_caseworker', app_now() - interval '1 day')`, [expired, await userId('caseworker')]);

    const mine = await listAll('caseworker');
    expect(mine).toEqual(await expected('user_id', await userId('caseworker'), 'assigned_caseworker'));
    expect(mine.filter((id) => id === twice)).toHaveLength(1);
    expect(mine).not.toContain(expired);
    expect(await listAll('social.milano')).toEqual(await expected('organisation_id', office, 'social_services'));
    expect(await listAll('guardian')).toEqual(await expected('user_id', await userId('guardian'), 'guardian'));
  });

  it('moves a case to the top of the list when it changes', async () => {
    const [, second] = await listAll('caseworker');
    const current = (await as('caseworker').get(`/api/cases/${second}`).expect(200)).body as { priority: string; version: number };
    await as('caseworker').patch(`/api/cases/${second}`).set('if-match', String(current.version)).send({ priority: current.priority === 'HIGH' ? 'LOW' : 'HIGH' }).expect(200);
    expect((await listAll('caseworker'))[0]).toBe(second);
  });
});
