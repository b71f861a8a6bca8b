import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';

describe('administration of organisations and users', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(demoEmail('admin'));
  });
  afterAll(() => t.close());

  const orgId = async (type: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = $1 LIMIT 1`, [type]))[0]!.id;

  it('is refused to every other role with 403, and audited', async () => {
    for (const local of ['supervisor', 'caseworker', 'guardian', 'dpo', 'ministry']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).get('/api/admin/users').expect(403);
      await t.as(cookie).post('/api/admin/organisations', { name: 'X org', type: 'MINISTRY' }).expect(403);
    }
    const denied = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE action = 'AUTHZ_DENIED'`);
    expect(Number(denied[0]!.n)).toBeGreaterThanOrEqual(10);
  });

  it('keeps admins out of case files', async () => {
    await t.as(admin).get('/api/cases').expect(403);
  });

  it('creates an organisation, requiring the place that fits its type', async () => {
    const missing = await t.as(admin).post('/api/admin/organisations', { name: 'Comune di Torino – Servizi sociali', type: 'SOCIAL_SERVICES' }).expect(400);
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ path: 'municipality' })]);
    const created = await t.as(admin).post('/api/admin/organisations', { name: 'Comune di Torino – Servizi sociali', type: 'SOCIAL_SERVICES', municipality: 'Torino' }).expect(201);
    expect(created.body).toMatchObject({ type: 'SOCIAL_SERVICES', municipality: 'Torino' });
    await t.as(admin).post('/api/admin/organisations', { name: 'Comune di Torino – Servizi sociali', type: 'SOCIAL_SERVICES', municipality: 'Torino' }).expect(409);
    const list = await t.as(admin).get('/api/admin/organisations').expect(200);
    expect(list.body.items.map((o: { name: string }) => o.name)).toContain('Comune di Torino – Servizi sociali');
  });

  it('creates a user who can sign in, enforcing the password policy and the role-organisation fit', async () => {
    const court = await orgId('JUVENILE_COURT');
    const base = { email: 'Nuovo.Cancelliere@tribunale.example', displayName: 'Nuovo Cancelliere', role: 'court', organisationId: court };
    const short = await t.as(admin).post('/api/admin/users', { ...base, password: 'short' }).expect(400);
    expect(short.body.details.fields[0]).toMatchObject({ path: 'password', code: 'too_small' });
    const common = await t.as(admin).post('/api/admin/users', { ...base, password: 'qwertyuiop123' }).expect(400);
    expect(common.body.details.fields[0]).toMatchObject({ path: 'password', code: 'common_password' });
    const wrongRole = await t.as(admin).post('/api/admin/users', { ...base, role: 'caseworker', password: 'a sturdy passphrase 1' }).expect(400);
    expect(wrongRole.body.details.fields[0]).toMatchObject({ path: 'role', code: 'role_not_allowed' });
    const created = await t.as(admin).post('/api/admin/users', { ...base, password: 'a sturdy passphrase 1' }).expect(201);
    expect(created.body).toMatchObject({ email: 'nuovo.cancelliere@tribunale.example', role: 'court', active: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    await t.as(admin).post('/api/admin/users', { ...base, password: 'another passphrase 2' }).expect(409);
    await t.http.post('/api/auth/login').set(FETCH).send({ email: 'nuovo.cancelliere@tribunale.example', password: 'a sturdy passphrase 1' }).expect(200);
  });

  it('pages through users with a keyset cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { email: string }[]; nextCursor: string | null } } = await t.as(admin).get(`/api/admin/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...response.body.items.map((u: { email: string }) => u.email));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([demoEmail('admin'), demoEmail('court.palermo')]));
  });

  it('resets a password: the old one stops working and sessions end', async () => {
    const user = (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail('social.milano')]))[0]!;
    const session = await t.login(demoEmail('social.milano'));
    await t.as(admin).post(`/api/admin/users/${user.id}/password`, { password: 'password' }).expect(400);
    await t.as(admin).post(`/api/admin/users/${user.id}/password`, { password: 'brand new passphrase 7' }).expect(204);
    await t.as(session).get('/api/auth/me').expect(401);
    await t.http.post('/api/auth/login').set(FETCH).send({ email: demoEmail('social.milano'), password: t.demoPassword }).expect(401);
    await t.login(demoEmail('social.milano'), 'brand new passphrase 7');
  });

  it('does not let an admin deactivate themselves, and 404s unknown users', async () => {
    const me = (await t.as(admin).get('/api/auth/me')).body.id as string;
    await t.as(admin).post(`/api/admin/users/${me}/deactivate`).expect(409);
    await t.as(admin).post('/api/admin/users/00000000-0000-4000-8000-000000000000/deactivate').expect(404);
  });
});
