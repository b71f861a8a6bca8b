// The framework floor: a bare Fastify server (the app's Fastify version, default settings, no
// plugins) whose routes run the app's statements over a bare pg pool (lib/app-sql.mjs). Started
// by bench/run.mjs in its own process, like the app. The caller is named by ?u=<index> into the
// users file: no session, no guard, no validation, no response schema.
import { readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { appSql } from './lib/app-sql.mjs';
import { newPool } from './lib/database.mjs';
import { requireServer, serverModule } from './lib/paths.mjs';

const Fastify = requireServer('fastify');
const { STATUS_BY_CODE } = serverModule('common/error-mapping.js');

const users = JSON.parse(readFileSync(process.env.BENCH_USERS_FILE, 'utf8'));
const pool = newPool(process.env.DATABASE_URL);
const app = appSql(pool, { pageSize: Number(process.env.BENCH_PAGE_SIZE ?? 25) });
const fastify = Fastify({ logger: false });

const userOf = (request) => users[Number(request.query.u ?? 0)];
const handle = (work) => async (request, reply) => {
  try {
    return await work(request);
  } catch (error) {
    const status = STATUS_BY_CODE[error?.code] ?? 500;
    if (status === 500) console.error(error);
    return reply.status(status).send({ code: error?.code ?? 'INTERNAL_ERROR', message: error?.message });
  }
};

fastify.get('/hello', async () => ({ hello: 'world' }));
fastify.get('/cases', handle((r) => app.list(userOf(r), r.query.cursor)));
fastify.get('/cases/:id', handle((r) => app.detail(userOf(r), r.params.id, r.ip)));
fastify.get('/dashboard', handle((r) => app.dashboard(userOf(r))));
fastify.post('/minors/search', handle((r) => app.search(userOf(r), r.body, r.ip)));
fastify.post('/cases/:id/transitions', handle((r) => app.transition(userOf(r), r.params.id, r.body, r.headers['if-match'], r.ip)));
fastify.patch('/cases/:id', handle((r) => app.edit(userOf(r), r.params.id, r.body, r.headers['if-match'], r.ip)));

const shutdown = async () => {
  await fastify.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`floor listening on ${process.env.PORT}`);
