import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The app as a user starts it (built server + SPA, embedded PostgreSQL, demo seed) on a
// throwaway data directory; Debian's Chromium, nothing downloaded.
const PORT = Number(process.env.E2E_PORT ?? 3200);
export const E2E_DEMO_PASSWORD = 'e2e-demo-passphrase-2026';
// One data directory per port (workers inherit the main process's environment), wiped when the
// server starts: a run stopped half-way leaves one directory, which the next run reuses.
process.env.MSNA_E2E_DATA ??= join(tmpdir(), `msna-e2e-${PORT}`);
const dataDir = process.env.MSNA_E2E_DATA;
// A second instance whose clock starts at 23:30 UTC on 31 December: already New Year's Day in Rome.
export const DATED_PORT = PORT + 1;
export const DATED_NOW = '2026-12-31T23:30:00Z';
const datedDir = `${dataDir}-dated`;

// The app as `npm start` runs it, on its own port and throwaway data directory.
function appServer(port: number, dir: string, env: Record<string, string> = {}) {
  return {
    command: `rm -rf ${dir} && node server/dist/server/src/main.js && rm -rf ${dir}`,
    cwd: '..',
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets the app drain and stop its embedded PostgreSQL (SIGKILL would orphan it).
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 30_000 },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { PORT: String(port), DATA_DIR: dir, DEMO_PASSWORD: E2E_DEMO_PASSWORD, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
  };
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    appServer(PORT, dataDir),
    // The same app on a chosen day (TEST_NOW): dates.spec.ts checks that the browser follows the
    // app's clock and the Italian calendar, not its own.
    appServer(DATED_PORT, datedDir, { TEST_NOW: DATED_NOW }),
  ],
});
