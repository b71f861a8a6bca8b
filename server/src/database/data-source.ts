import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export interface ConnectionSettings {
  // Milliseconds the app's clock is ahead of the real time (Clock.databaseOffsetMs): app_now() adds
  // it to the database's own time (migration 1764000010000). 0 in production.
  clockOffsetMs?: number;
  // 0: none (migrations, which may rewrite a large table).
  statementTimeoutMs?: number;
}

// Every connection works in UTC so audit hashes and dates never depend on the host (calendar days
// in Italy come from app_today(), never from current_date). No parallel workers: on two cores a
// worker process per query costs more CPU than it saves for this short-query workload
// (docs/performance.md F7).
export function connectionOptions({ clockOffsetMs = 0, statementTimeoutMs = 15_000 }: ConnectionSettings = {}): string {
  return [
    '-c TimeZone=UTC',
    `-c statement_timeout=${Math.max(0, Math.round(statementTimeoutMs))}`,
    '-c max_parallel_workers_per_gather=0',
    `-c app.clock_offset_ms=${Math.round(clockOffsetMs)}`,
  ].join(' ');
}

export function dataSourceOptions(url: string, overrides: { max?: number } & ConnectionSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    entities: [],
    extra: { max: overrides.max ?? 10, options: connectionOptions(overrides) },
  } as DataSourceOptions;
}

export async function runMigrations(url: string): Promise<string[]> {
  // A migration may rewrite a large table (a backfill over every grant of the country): no
  // statement timeout for it, unlike the requests'.
  const dataSource = new DataSource(dataSourceOptions(url, { max: 1, statementTimeoutMs: 0 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    // Upkeep that goes with every release: spellings no record uses any more leave the name-key
    // dictionary (ADR 0009), under a short SHARE lock on minor_names in a transaction of its own.
    await dataSource.query(`SELECT public.prune_minor_name_keys()`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
