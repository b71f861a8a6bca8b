import { FETCH, cloneTemplateDatabase, createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { createApp } from '../../src/app';
import { loadEnv } from '../../src/config/env';
import request from 'supertest';

// Nothing may leak implementation details: no stack, SQL, or file paths in any error body.
const LEAKS = /at \w+ \(|\.ts:\d+|\/work\/|node_modules|SELECT |relation "|stack/i;

describe('errors and input', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    cookie = await t.login(demoEmail('admin'));
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const response = await t.http.post('/api/auth/login').set(FETCH).set('content-type', 'application/json').send('{"email": ').expect(400);
    expect(response.body).toEqual({ code: 'MALFORMED_REQUEST', message: 'The request body could not be read' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.http.post('/api/auth/login').set(FETCH).send({ email: 'x'.repeat(1_100_000), password: 'x' }).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.http.post('/api/auth/login').set(FETCH).set('content-type', 'application/xml').send('<a/>').expect(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects unknown keys naming them, and changes nothing', async () => {
    const before = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM organisations`);
    const response = await t.as(cookie).post('/api/admin/organisations', { name: 'Comune di Torino', type: 'SOCIAL_SERVICES', municipality: 'Torino', ownerId: 'x', __proto__: { isAdmin: true } }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields).toEqual([expect.objectContaining({ path: 'ownerId', code: 'unrecognized_key' })]);
    const after = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM organisations`);
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('rejects unknown query parameters and malformed ids', async () => {
    const caseworker = await t.login(demoEmail('caseworker'));
    const unknown = await t.as(caseworker).get('/api/cases?sort=name').expect(400);
    expect(unknown.body.details.fields).toEqual([expect.objectContaining({ path: 'query.sort', code: 'unrecognized_key' })]);
    const badId = await t.as(caseworker).get("/api/cases/1' OR 1=1--").expect(400);
    expect(badId.body.details.fields[0].path).toBe('params.caseId');
    await t.as(caseworker).get('/api/cases?limit=1000').expect(400);
    await t.as(caseworker).get('/api/cases?cursor=bm90LWEtY3Vyc29y').expect(400);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.as(cookie).get('/api/no/such/route').expect(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Not found' });
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('never leaks internals in error bodies', async () => {
    const bodies = await Promise.all([
      t.http.post('/api/auth/login').set(FETCH).set('content-type', 'application/json').send('{'),
      t.as(cookie).get('/api/cases/not-a-uuid'),
      t.http.get('/api/admin/users'),
      t.as(cookie).post('/api/admin/users', { email: 'bad' }),
    ]);
    for (const response of bodies) expect(JSON.stringify(response.body)).not.toMatch(LEAKS);
  });

  it('sends security headers and no-store on API responses', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('reports 503 on /api/health when the database is gone', async () => {
    const database = await cloneTemplateDatabase();
    const app = await createApp({ config: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), databaseUrl: database.url });
    try {
      await request(app.getHttpServer()).get('/api/health').expect(200);
      await database.drop();
      const response = await request(app.getHttpServer()).get('/api/health').expect(503);
      expect(response.body).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
    }
  });
});
