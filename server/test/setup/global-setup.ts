import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../src/auth/password.service';
import { dataSourceOptions, runMigrations } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { seedDemo } from '../../src/seed/demo-seed';

export const TEST_DEMO_PASSWORD = 'test-demo-passphrase-2026';

// One embedded PostgreSQL per test run; a template database migrated and seeded once, which
// every test file clones (CREATE DATABASE … TEMPLATE) in ~50 ms.
export default async function globalSetup(): Promise<void> {
  // Not fs.mkdtemp: its 0700 mode would keep the postgres user out of the cluster directory.
  const root = join(tmpdir(), `msna-test-${process.pid}`);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const database = await startEmbeddedPostgres(root, { fast: true, database: 'app_template' });
  await runMigrations(database.url);
  const dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 1 } }));
  await dataSource.initialize();
  await dataSource.transaction((tx) => seedDemo(tx, { passwords: new PasswordService(), now: new Date(), password: TEST_DEMO_PASSWORD }));
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
