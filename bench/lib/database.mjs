// The bench database: DATABASE_URL when given, otherwise the app's own embedded PostgreSQL
// (the same binary, flags and start-up code as `npm start`), started by the bench so that it
// outlives the app server restarts of one run. Migrations and the demo unit come from the app's
// own start-up code (prepareDatabase), in development mode, before the bulk volume is added.
import { randomBytes } from 'node:crypto';
import { serverModule, requireServer } from './paths.mjs';

const pg = requireServer('pg');

// Same pool options as the app (server/src/database/data-source.ts).
export const POOL_OPTIONS = { max: 10, options: '-c TimeZone=UTC -c statement_timeout=15000' };

export function newPool(url, extra = {}) {
  const pool = new pg.Pool({ connectionString: url, ...POOL_OPTIONS, ...extra });
  // An idle connection closed by the server (the cluster stopping at the end of a run) must not
  // crash the process.
  pool.on('error', () => undefined);
  return pool;
}

export async function openDatabase({ databaseUrl, dataDir }) {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => undefined };
  const { startEmbeddedPostgres } = serverModule('database/embedded-postgres.js');
  const db = await startEmbeddedPostgres(dataDir, {});
  return { url: db.url, embedded: true, fresh: db.fresh, stop: () => db.stop() };
}

// Migrations plus the demo unit, through the app's start-up code. Returns the demo password
// (used only to copy its hash to the bench accounts).
export async function migrateAndSeedDemo(url, dataDir) {
  const { loadEnv } = serverModule('config/env.js');
  const { prepareDatabase } = serverModule('bootstrap.js');
  const password = `bench-${randomBytes(9).toString('base64url')}`;
  const config = loadEnv({ NODE_ENV: 'development', DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: 'true', DEMO_PASSWORD: password, MIGRATE_ON_START: 'true' });
  const prepared = await prepareDatabase(config);
  return { password, seeded: Boolean(prepared.seed) };
}
