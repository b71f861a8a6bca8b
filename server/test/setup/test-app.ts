import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app';
import { Clock } from '../../src/common/clock';
import { loadEnv, type Env } from '../../src/config/env';
import { Db } from '../../src/database/db';
import { runClock } from './test-clock';

export const FETCH = { 'x-requested-with': 'fetch' } as const;

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  clock: Clock;
  db: Db;
  databaseUrl: string;
  demoPassword: string;
  login(email: string, password?: string): Promise<string>;
  as(cookie: string): AuthedClient;
  // A new case with no records yet (the seeded cases carry the consents, tracing and reports of
  // their state), assigned to `caseworker` (a demo local part), for tests that build a path.
  blankCase(state: string, options?: { caseworker?: string; nationality?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface AuthedClient {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

const baseUrl = () => {
  const url = process.env.TEST_PG_BASE_URL;
  if (!url) throw new Error('TEST_PG_BASE_URL is not set: run through jest (global setup)');
  return url;
};

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${baseUrl()}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function cloneTemplateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE app_template`));
  return {
    url: `${baseUrl()}/${name}`,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

// The whole Nest app over real HTTP (supertest) on a fresh clone of the seeded template.
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await cloneTemplateDatabase();
  // Every app of the run reads the run's clock (global setup): the seed's "now", running on since.
  const config: Env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, TEST_NOW: process.env.TEST_NOW, ...env });
  const app = await createApp({ config, databaseUrl: database.url, clock: runClock() });
  const server = app.getHttpServer();
  const http = request(server);
  const demoPassword = process.env.TEST_DEMO_PASSWORD!;

  const as = (cookie: string): AuthedClient => ({
    get: (path) => request(server).get(path).set('cookie', cookie),
    post: (path, body) => request(server).post(path).set('cookie', cookie).set(FETCH).send(body ?? {}),
    patch: (path, body) => request(server).patch(path).set('cookie', cookie).set(FETCH).send(body ?? {}),
    delete: (path) => request(server).delete(path).set('cookie', cookie).set(FETCH),
  });

  return {
    app,
    http,
    clock: app.get(Clock),
    db: app.get(Db),
    databaseUrl: database.url,
    demoPassword,
    as,
    async login(email, password = demoPassword) {
      const response = await request(server).post('/api/auth/login').set(FETCH).send({ email, password });
      if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      const session = setCookie.find((c) => c.startsWith('__Host-sid='));
      if (!session) throw new Error('no session cookie');
      return session.split(';')[0]!;
    },
    async blankCase(state, options = {}) {
      const db = app.get(Db);
      const n = randomBytes(3).toString('hex');
      const [minor] = await db.query<{ id: string }[]>(
        `INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth) VALUES ('Prova', $1, 'M', $2, app_today() - interval '16 years') RETURNING id`,
        [`Caso${n}`, options.nationality ?? 'EG'],
      );
      const [created] = await db.query<{ id: string }[]>(
        `INSERT INTO cases (case_number, minor_id, state, priority, channel, request_date, requesting_organisation_id, created_by)
         SELECT $1, $2, $3, 'NORMAL', 'DG_MLPS', app_today(), o.id, u.id FROM organisations o, users u
          WHERE o.name LIKE 'Comune di Milano%' AND u.email = $4 RETURNING id`,
        [`T-${n}`, minor!.id, state, demoEmail(options.caseworker ?? 'caseworker')],
      );
      await db.query(
        `INSERT INTO case_grants (case_id, user_id, organisation_id, relation, granted_by, reason)
         SELECT $1::uuid, NULL::uuid, o.id, 'supervising_unit', NULL::uuid, 'test' FROM organisations o WHERE o.type = 'IOM_UNIT'
         UNION ALL SELECT $1, u.id, NULL, 'assigned_caseworker', NULL, 'test' FROM users u WHERE u.email = $2
         UNION ALL SELECT $1, NULL, o.id, 'social_services', NULL, 'test' FROM organisations o WHERE o.name LIKE 'Comune di Milano%'`,
        [created!.id, demoEmail(options.caseworker ?? 'caseworker')],
      );
      return created!.id;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const demoEmail = (local: string) => `${local}@demo.example`;
