import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../src/auth/password.service';
import { loadEnv } from '../../src/config/env';
import { dataSourceOptions, runMigrations } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { seedDemo } from '../../src/seed/demo-seed';

export const TEST_DEMO_PASSWORD = 'test-demo-passphrase-2026';

// One embedded PostgreSQL per test run; a template database migrated and seeded once, which
// every test file clones (CREATE DATABASE … TEMPLATE) in ~50 ms.
//
// The run has one instant: TEST_NOW when set (npm run test:dates sets it), else the real time when
// the run starts. The demo seed is generated as of it, and every test app's clock starts at it, so
// a failure can be replayed at the same instant (docs/testing.md "Dates").
export default async function globalSetup(): Promise<void> {
  const now = loadEnv({ NODE_ENV: 'test', TEST_NOW: process.env.TEST_NOW }).TEST_NOW ?? new Date();
  process.env.TEST_NOW = now.toISOString();
  // The real time that TEST_NOW stands for: every app's clock and the tests' testNow() run on
  // from it together (setup/test-clock.ts).
  process.env.TEST_CLOCK_ORIGIN = String(Date.now());
  console.log(`\nTEST_NOW=${process.env.TEST_NOW} (to replay this run at the same instant: TEST_NOW=${process.env.TEST_NOW} npm test -w server)`);
  // Not fs.mkdtemp: its 0700 mode would keep the postgres user out of the cluster directory.
  const root = join(tmpdir(), `msna-test-${process.pid}`);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const database = await startEmbeddedPostgres(root, { fast: true, database: 'app_template' });
  await runMigrations(database.url);
  const dataSource = new DataSource(dataSourceOptions(database.url, { max: 1, clockOffsetMs: now.getTime() - Number(process.env.TEST_CLOCK_ORIGIN) }));
  await dataSource.initialize();
  await dataSource.transaction((tx) => seedDemo(tx, { passwords: new PasswordService(), now, password: TEST_DEMO_PASSWORD }));
  await dataSource.destroy();
  // No connection may stay open on a template that is about to be cloned.
  const admin = new Client({ connectionString: `${database.baseUrl}/postgres` });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_template' AND pid <> pg_backend_pid()`);
  await admin.end();

  process.env.TEST_PG_BASE_URL = database.baseUrl;
  process.env.TEST_DEMO_PASSWORD = TEST_DEMO_PASSWORD;
  (globalThis as Record<string, unknown>).__MSNA_TEST_DB__ = { stop: database.stop, root };
}
