import { Client } from 'pg';
import { StartupRefused, prepareDatabase } from '../../src/bootstrap';
import { loadEnv } from '../../src/config/env';
import { cloneTemplateDatabase } from '../setup/test-app';

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `empty_${process.pid}_${Date.now()}`;
  const base = process.env.TEST_PG_BASE_URL!;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: `${base}/${name}`,
    drop: async () => {
      const client = new Client({ connectionString: `${base}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

describe('start-up', () => {
  it('refuses a known demo password in production before touching any database', async () => {
    const config = loadEnv({ NODE_ENV: 'production', DEMO_PASSWORD: 'a known demo passphrase', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    await expect(prepareDatabase(config)).rejects.toThrow(StartupRefused);
  });

  it('refuses to seed in production', async () => {
    const config = loadEnv({ NODE_ENV: 'production', SEED_DEMO: 'true', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    await expect(prepareDatabase(config)).rejects.toThrow(/refusing to seed/);
  });

  it('refuses to start in production on a database that holds demo accounts', async () => {
    const database = await cloneTemplateDatabase();
    try {
      await expect(prepareDatabase(loadEnv({ NODE_ENV: 'production', DATABASE_URL: database.url }))).rejects.toThrow(/demo accounts/);
    } finally {
      await database.drop();
    }
  });

  it('migrates an empty external database, seeds it once when asked, and reuses it afterwards', async () => {
    const database = await emptyDatabase();
    try {
      const config = loadEnv({ NODE_ENV: 'development', DATABASE_URL: database.url, SEED_DEMO: 'true', DEMO_PASSWORD: 'a demo passphrase for tests' });
      const first = await prepareDatabase(config);
      expect(first.seed?.cases).toBe(40);
      const second = await prepareDatabase(config);
      expect(second.seed).toBeUndefined();
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const counts = await client.query(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM users) AS users`);
      await client.end();
      expect(counts.rows[0]).toEqual({ cases: '40', users: '14' });
    } finally {
      await database.drop();
    }
  });
});
