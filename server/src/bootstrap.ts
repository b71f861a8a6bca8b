import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PasswordService } from './auth/password.service';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions, runMigrations } from './database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { countActiveDemoAccounts, isDatabaseEmpty, seedDemo, type SeedResult } from './seed/demo-seed';

export class StartupRefused extends Error {}

export interface PreparedDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
  seed?: SeedResult;
  demoPassword?: string;
}

const credentialsFile = (config: AppConfig) => resolve(config.DATA_DIR, 'demo-credentials.txt');

// Database first: the embedded cluster (or DATABASE_URL), migrations, then the demo unit on a
// fresh database. Production never seeds and never runs with demo accounts.
export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  const production = config.NODE_ENV === 'production';
  if (production && config.DEMO_PASSWORD) throw new StartupRefused('DEMO_PASSWORD is set: refusing to start in production with a known demo password');
  if (production && config.SEED_DEMO) throw new StartupRefused('SEED_DEMO=true: refusing to seed demo data in production');

  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT ? { port: config.EMBEDDED_PG_PORT } : {});
  const url = config.DATABASE_URL ?? embedded!.url;
  const prepared: PreparedDatabase = embedded ? { url, embedded } : { url };
  try {
    if (config.MIGRATE_ON_START) await runMigrations(url);
    // The demo unit is generated as of the app's first instant (TEST_NOW outside production).
    const seedNow = config.TEST_NOW ?? new Date();
    const dataSource = new DataSource(dataSourceOptions(url, { max: 2, clockOffsetMs: seedNow.getTime() - Date.now() }));
    await dataSource.initialize();
    try {
      const wantSeed = config.SEED_DEMO ?? Boolean(embedded);
      if (!production && wantSeed && (await isDatabaseEmpty(dataSource.manager))) {
        const passwords = new PasswordService();
        prepared.seed = await dataSource.transaction((tx) => seedDemo(tx, { passwords, now: seedNow, password: config.DEMO_PASSWORD }));
        if (embedded) writeFileSync(credentialsFile(config), `${prepared.seed.password}\n`, { mode: 0o600 });
      }
      if (production && (await countActiveDemoAccounts(dataSource.manager)) > 0) {
        throw new StartupRefused('The database holds active demo accounts (@demo.example): refusing to start in production');
      }
    } finally {
      await dataSource.destroy();
    }
    prepared.demoPassword = prepared.seed?.password ?? config.DEMO_PASSWORD ?? readDemoPassword(config);
    return prepared;
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

function readDemoPassword(config: AppConfig): string | undefined {
  const file = credentialsFile(config);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
