// Where things are, and how to load the compiled server (CommonJS) from these ES modules.
import { createRequire } from 'node:module';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// BENCH_SERVER_DIST: another build of the server (e.g. a patched copy) for before/after runs on
// the same data; both the app server and the floors then use it.
export const SERVER_DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'server', 'dist', 'server', 'src');
export const SERVER_MAIN = join(SERVER_DIST, 'main.js');
export const CLIENT_DIST = join(ROOT, 'client', 'dist');
export const RESULTS_DIR = join(ROOT, 'bench-results');

// Resolves packages the way the server does (pg, fastify, @app/contracts, @nestjs/common).
export const requireServer = createRequire(join(ROOT, 'server', 'package.json'));
export const serverModule = (relative) => requireServer(join(SERVER_DIST, relative));
