import { loadEnv, type Env } from '../config/env';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

// CLI commands run against DATABASE_URL, or start the embedded cluster in DATA_DIR for the
// duration of the command (the app must not be running on the same DATA_DIR).
export async function withDatabase<T>(work: (url: string, config: Env) => Promise<T>): Promise<T> {
  const config = loadEnv();
  if (config.DATABASE_URL) return work(config.DATABASE_URL, config);
  const embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT ? { port: config.EMBEDDED_PG_PORT } : {});
  try {
    return await work(embedded.url, config);
  } finally {
    await embedded.stop();
  }
}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
