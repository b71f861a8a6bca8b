import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';

const MINUTE = 60_000;

describe('authentication and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const auditActions = async (since: number) =>
    (await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`, [since])).map((r) => r.action);
  const auditHead = async () => Number((await t.db.query<{ seq: string }[]>(`SELECT seq FROM audit_head`))[0]!.seq);

  it('sets an opaque __Host- session cookie with the required flags', async () => {
    const response = await t.http.post('/api/auth/login').set(FETCH).send({ email: demoEmail('caseworker'), password: t.demoPassword }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-sid='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie.split(';')[0]!.split('=')[1]!.length).toBeGreaterThanOrEqual(43);
    expect(response.body).toMatchObject({ email: demoEmail('caseworker'), role: 'caseworker', organisation: { type: 'IOM_UNIT' } });
    expect(response.body).not.toHaveProperty('passwordHash');
  });

  it('issues a new token at every login and stores only its hash', async () => {
    const first = await t.login(demoEmail('supervisor'));
    const second = await t.login(demoEmail('supervisor'));
    expect(first).not.toEqual(second);
    const token = first.split('=')[1]!;
    const stored = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE $1`, [`%${token}%`]);
    expect(Number(stored[0]!.n)).toBe(0);
  });

  it('answers /me with the user and 401 without a session', async () => {
    const cookie = await t.login(demoEmail('guardian'));
    await t.as(cookie).get('/api/auth/me').expect(200).expect((r) => expect(r.body.role).toBe('guardian'));
    await t.http.get('/api/auth/me').expect(401).expect((r) => expect(r.body.code).toBe('UNAUTHENTICATED'));
    await t.http.get('/api/auth/me').set('cookie', '__Host-sid=forged-token-value').expect(401);
  });

  it('gives the same answer for a wrong password and an unknown email, and audits both', async () => {
    const head = await auditHead();
    const wrong = await t.http.post('/api/auth/login').set(FETCH).send({ email: demoEmail('caseworker2'), password: 'not the password!' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').set(FETCH).send({ email: 'nobody@nowhere.example', password: 'not the password!' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Incorrect email or password' });
    expect(await auditActions(head)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED']);
  });

  it('locks an account for 15 minutes after 10 failures, even against the right password', async () => {
    const email = demoEmail('social.palermo');
    for (let i = 0; i < 10; i += 1) {
      await t.http.post('/api/auth/login').set(FETCH).send({ email, password: `wrong password ${i}` }).expect(401);
    }
    const locked = await t.http.post('/api/auth/login').set(FETCH).send({ email, password: t.demoPassword }).expect(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
    // An unknown email locks the same way, so the lock reveals nothing about existence.
    for (let i = 0; i < 10; i += 1) {
      await t.http.post('/api/auth/login').set(FETCH).send({ email: 'ghost@nowhere.example', password: `wrong password ${i}` });
    }
    await t.http.post('/api/auth/login').set(FETCH).send({ email: 'ghost@nowhere.example', password: 'anything at all' }).expect(429);

    t.clock.advance(14 * MINUTE);
    await t.http.post('/api/auth/login').set(FETCH).send({ email, password: t.demoPassword }).expect(429);
    t.clock.advance(2 * MINUTE);
    await t.http.post('/api/auth/login').set(FETCH).send({ email, password: t.demoPassword }).expect(200);
  });

  it('throttles a single IP that fails across many accounts', async () => {
    const local = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '5' });
    try {
      for (let i = 0; i < 5; i += 1) {
        await local.http.post('/api/auth/login').set(FETCH).send({ email: `user${i}@nowhere.example`, password: 'wrong password!' }).expect(401);
      }
      await local.http.post('/api/auth/login').set(FETCH).send({ email: demoEmail('caseworker'), password: local.demoPassword }).expect(429);
    } finally {
      await local.close();
    }
  });

  it('expires a session after 30 idle minutes', async () => {
    const cookie = await t.login(demoEmail('caseworker'));
    t.clock.advance(29 * MINUTE);
    await t.as(cookie).get('/api/auth/me').expect(200);
    t.clock.advance(29 * MINUTE);
    await t.as(cookie).get('/api/auth/me').expect(200);
    t.clock.advance(31 * MINUTE);
    await t.as(cookie).get('/api/auth/me').expect(401);
  });

  it('expires a session after 12 hours even while it is in use', async () => {
    const cookie = await t.login(demoEmail('caseworker'));
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      await t.as(cookie).get('/api/auth/me').expect(200);
    }
    t.clock.advance(25 * MINUTE);
    await t.as(cookie).get('/api/auth/me').expect(401);
  });

  it('kills the session server-side at logout', async () => {
    const cookie = await t.login(demoEmail('court.milano'));
    const head = await auditHead();
    const response = await t.as(cookie).post('/api/auth/logout').expect(204);
    expect(String(response.headers['set-cookie'])).toMatch(/__Host-sid=;/);
    await t.as(cookie).get('/api/auth/me').expect(401);
    expect(await auditActions(head)).toContain('LOGOUT');
  });

  it('ends every session of a user who is deactivated', async () => {
    const admin = await t.login(demoEmail('admin'));
    const sessions = await Promise.all([1, 2, 3].map(() => t.login(demoEmail('dpo'))));
    for (const s of sessions) await t.as(s).get('/api/auth/me').expect(200);
    const dpoId = (await t.as(sessions[0]!).get('/api/auth/me')).body.id as string;
    await t.as(admin).post(`/api/admin/users/${dpoId}/deactivate`).expect(204);
    for (const s of sessions) await t.as(s).get('/api/auth/me').expect(401);
    await t.http.post('/api/auth/login').set(FETCH).send({ email: demoEmail('dpo'), password: t.demoPassword }).expect(401);
  });

  it('refuses mutating requests without the CSRF header or from a foreign origin', async () => {
    const cookie = await t.login(demoEmail('caseworker'));
    await t.http.post('/api/auth/login').send({ email: demoEmail('caseworker'), password: t.demoPassword }).expect(403).expect((r) => expect(r.body.code).toBe('CSRF_REJECTED'));
    await t.http.post('/api/auth/logout').set('cookie', cookie).expect(403);
    await t.http.post('/api/auth/logout').set('cookie', cookie).set(FETCH).set('origin', 'https://evil.example').expect(403);
    await t.http.post('/api/auth/logout').set('cookie', cookie).set(FETCH).set('sec-fetch-site', 'cross-site').expect(403);
    // A percent-encoded path reaches the same route once decoded: it must meet the same check.
    await t.http.post('/%61pi/auth/logout').set('cookie', cookie).expect(403);
    await t.as(cookie).get('/api/auth/me').expect(200);
  });
});
