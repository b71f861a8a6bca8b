import { runMigrations } from '../database/data-source';
import { runCli, withDatabase } from './with-database';

runCli(() =>
  withDatabase(async (url) => {
    const applied = await runMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  }),
);
