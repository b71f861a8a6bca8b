import { ROLES } from '@app/contracts';
import { RouteInventory, type RouteInfo } from '../../src/openapi/route-inventory';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

// Tables whose rows record reads (audit, session activity) may change on a GET; nothing else may.
const READ_LOG_TABLES = new Set(['audit_event', 'audit_head', 'sessions', 'migrations']);

describe('route inventory', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.get(RouteInventory).list();
  });
  afterAll(() => t.close());

  it('finds the routes the app serves', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/cases/:caseId', 'GET /api/health']));
  });

  it('has every route declare its audience: @Public() or a non-empty, valid @Roles()', () => {
    const undeclared = routes.filter((r) => !r.isPublic && (!r.roles || r.roles.length === 0));
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    for (const route of routes) for (const role of route.roles ?? []) expect(ROLES).toContain(role);
  });

  it('has every route declare a contract (summary, and schemas for its inputs)', () => {
    const missing = routes.filter((r) => !r.contract?.summary || (r.path.includes(':') && !r.contract.params));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('keeps the public surface small and known', () => {
    expect(routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/docs', 'POST /api/auth/login', 'GET /api/health', 'GET /api/openapi.json'].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)));
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[route.method.toLowerCase()]!(path).set('x-requested-with', 'fetch');
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('never changes state on GET, for any role', async () => {
    const fingerprint = async () => {
      const tables = await t.db.query<{ table_name: string }[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
      const parts: string[] = [];
      for (const { table_name } of tables) {
        if (READ_LOG_TABLES.has(table_name)) continue;
        const rows = await t.db.query<{ h: string | null }[]>(`SELECT md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM "${table_name}" x`);
        parts.push(`${table_name}:${rows[0]?.h}`);
      }
      return parts;
    };
    const anyCase = (await t.db.query<{ id: string }[]>(`SELECT id FROM cases LIMIT 1`))[0]!.id;
    const cookies = new Map<string, string>();
    for (const local of ['admin', 'supervisor', 'caseworker', 'field.cairo', 'guardian', 'social.milano', 'court.milano', 'ministry', 'dpo']) {
      cookies.set(local, await t.login(demoEmail(local)));
    }
    const before = await fingerprint();
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const path = route.path.replace(/:(\w+)/g, anyCase);
      for (const cookie of cookies.values()) {
        const response = await t.as(cookie).get(path);
        expect(response.status).toBeLessThan(500);
      }
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const response = await t.http.get('/api/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(response.body.paths[path]?.[route.method.toLowerCase()]).toBeDefined();
    }
    expect(response.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    const docs = await t.http.get('/api/docs').expect(200);
    expect(docs.text).toContain('/api/cases/{caseId}');
  });
});
