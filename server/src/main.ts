import 'reflect-metadata';
import { createApp } from './app';
import { StartupRefused, prepareDatabase } from './bootstrap';
import { EnvError, loadEnv } from './config/env';
import { DEMO_USERS } from './seed/demo-data';

function banner(url: string, demoPassword: string | undefined, seeded: boolean): string {
  const lines = [``, `  MSNA case management is running at ${url}`, ``];
  if (demoPassword) {
    lines.push(seeded ? `  Demo unit created. Demo accounts (all with the same password):` : `  Demo accounts:`);
    for (const user of DEMO_USERS) lines.push(`    ${user.email.padEnd(30)} ${user.role}`);
    lines.push(``, `  Demo password: ${demoPassword}`, ``);
  }
  lines.push(`  Press Ctrl-C to stop.`, ``);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadEnv();
  const prepared = await prepareDatabase(config);
  const app = await createApp({ config, databaseUrl: prepared.url });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      console.error('Shutdown took longer than 25 s: exiting.');
      process.exit(1);
    }, 25_000);
    // app.close() stops accepting connections and waits for in-flight requests, then closes the
    // pool; only then does the embedded database stop.
    await app.close().catch((error: unknown) => console.error('Error while closing the app:', error));
    await prepared.embedded?.stop();
    clearTimeout(force);
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.NODE_ENV === 'production' ? undefined : prepared.demoPassword;
  console.log(banner(`http://localhost:${config.PORT}`, shown, Boolean(prepared.seed)));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof StartupRefused) console.error(error.message);
  else console.error('Start-up failed:', error);
  process.exit(1);
});
