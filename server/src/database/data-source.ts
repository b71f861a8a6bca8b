import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export function dataSourceOptions(url: string, overrides: { extra?: { max?: number; options?: string } } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    entities: [],
    // Every connection works in UTC so audit hashes and dates never depend on the host. No parallel
    // workers: on two cores a worker process per query costs more CPU than it saves for this
    // short-query workload (docs/performance.md F7).
    extra: { max: 10, options: '-c TimeZone=UTC -c statement_timeout=15000 -c max_parallel_workers_per_gather=0', ...overrides.extra },
  } as DataSourceOptions;
}

export async function runMigrations(url: string): Promise<string[]> {
  // A migration may rewrite a large table (a backfill over every grant of the country): no
  // statement timeout for it, unlike the requests'.
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 1, options: '-c TimeZone=UTC -c statement_timeout=0 -c max_parallel_workers_per_gather=0' } }));
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
