// node bench/explain.mjs --data-dir <cluster kept by `npm run bench -- --keep-data`> (or DATABASE_URL)
//
// EXPLAIN (ANALYZE, BUFFERS) of every statement the hot read paths run, as the app's own
// services issue them, for a bench user of each role: where a target is missed, this says which
// statement and which plan node. Each statement is explained, then run for real so the service
// carries on with real rows. Read paths only (nothing is written except the audit rows the
// services append, as in production).
//
//   --paths list,deep,detail,dashboard,search   (default: all)
//   --roles caseworker,guardian,social_services,supervisor
//   --plans        print the full plans (default: only statements slower than --slow ms)
//   --slow <ms>    (default 5)
//   --repeat <n>   run every path n times and report the last (warm caches; default 2)
import console from 'node:console';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { encodeCursor, visibleCasePredicate } from './lib/app-sql.mjs';
import { newPool, openDatabase } from './lib/database.mjs';
import { serverModule } from './lib/paths.mjs';
import { BENCH_DOMAIN } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: { 'data-dir': { type: 'string' }, paths: { type: 'string' }, roles: { type: 'string' }, plans: { type: 'boolean' }, slow: { type: 'string' }, repeat: { type: 'string' } },
});
const paths = (args.paths ?? 'list,deep,detail,dashboard,search').split(',');
const roles = (args.roles ?? 'caseworker,guardian,social_services,supervisor').split(',');
const slow = Number(args.slow ?? 5);
const repeat = Number(args.repeat ?? 2);
let quiet = false;

const { Clock } = serverModule('common/clock.js');
const { AuditService } = serverModule('audit/audit.service.js');
const { CasesRepository } = serverModule('cases/cases.repository.js');
const { CasesService } = serverModule('cases/cases.service.js');
const { CaseFactsRepository } = serverModule('workflow/case-facts.repository.js');
const { DashboardService } = serverModule('dashboard/dashboard.service.js');
const { MinorSearchService } = serverModule('minors/minor-search.service.js');
const { MinorSearchRepository } = serverModule('minors/minor-search.repository.js');
const { Db } = serverModule('database/db.js');

if (!process.env.DATABASE_URL && !args['data-dir']) throw new Error('give --data-dir (a cluster kept with --keep-data) or DATABASE_URL');
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: args['data-dir'] });
const pool = newPool(database.url);

let label = '';
const explaining = (run) => async (sql, params = []) => {
  if (/^\s*(SELECT set_config|SET |INSERT INTO audit_event)/.test(sql)) return run(sql, params);
  const plan = (await run(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).map((r) => r['QUERY PLAN']);
  const planning = Number(/Planning Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]);
  const execution = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]);
  if (quiet) return run(sql, params);
  const head = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
  console.log(`  ${label.padEnd(28)} plan ${planning.toFixed(2).padStart(7)} ms  exec ${execution.toFixed(2).padStart(8)} ms  ${head}`);
  if (args.plans || execution >= slow) console.log(plan.map((l) => `      ${l}`).join('\n'));
  return run(sql, params);
};
// The app's own Db class, its statements explained.
const db = new Db({
  query: explaining(async (sql, params) => (await pool.query(sql, params)).rows),
  transaction: async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({ query: explaining(async (sql, params) => (await client.query(sql, params)).rows) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  },
});
const clock = new Clock();
const audit = new AuditService(db);
const cases = new CasesRepository(db, clock);
const casesService = new CasesService(cases, new CaseFactsRepository(), db, clock, audit);
// Computed on every call (no sharing of the supervisors' dashboard): the plans are the point here.
const dashboard = new DashboardService(db, clock, { DASHBOARD_CACHE_SECONDS: 0 });
const search = new MinorSearchService(db, new MinorSearchRepository(clock), audit);

try {
  for (const role of roles) {
    const row = (await pool.query(
      `SELECT u.id, u.email, u.display_name, u.role, o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.role = $1 AND lower(u.email) LIKE $2 AND (u.role <> 'guardian' OR EXISTS (SELECT 1 FROM case_grants g WHERE g.user_id = u.id))
        ORDER BY u.email LIMIT 1`,
      [role, `%@${BENCH_DOMAIN}`],
    )).rows[0];
    if (!row) continue;
    const user = { id: row.id, email: row.email, displayName: row.display_name, role: row.role, organisationId: row.organisation_id, organisationName: row.organisation_name, organisationType: row.organisation_type };
    const params = [];
    const predicate = visibleCasePredicate(user, new Date(), params);
    const visible = Number((await pool.query(`SELECT count(*) AS n FROM cases c WHERE ${predicate}`, params)).rows[0].n);
    console.log(`\n${role} ${user.email}: ${visible} visible cases`);
    for (let round = 1; round <= repeat; round += 1) {
      quiet = round < repeat;
      const mid = (await pool.query(`SELECT c.id, c.updated_at FROM cases c WHERE ${predicate} ORDER BY c.updated_at DESC, c.id DESC OFFSET ${Math.floor(visible / 2)} LIMIT 1`, params)).rows[0];
      if (paths.includes('list')) {
        label = 'list first page';
        await casesService.list(user, { limit: 25 });
      }
      if (paths.includes('deep') && mid) {
        label = 'list deep page';
        await casesService.list(user, { limit: 25, cursor: encodeCursor([mid.updated_at.toISOString(), mid.id]) });
      }
      if (paths.includes('detail') && mid) {
        label = 'detail';
        await casesService.get(user, mid.id, '127.0.0.1');
      }
      if (paths.includes('dashboard') && ['caseworker', 'supervisor'].includes(role)) {
        label = 'dashboard';
        await dashboard.get(user);
      }
      if (paths.includes('search') && ['caseworker', 'supervisor'].includes(role)) {
        for (const name of ['Mohamed Ibrahim', 'Lamin Jalow', 'Rakib Hosen', 'Oleksandr Kovalenko']) {
          label = `search "${name}"`;
          await search.search(user, { name, limit: 10 }, '127.0.0.1');
        }
      }
    }
    quiet = false;
  }
} finally {
  await pool.end();
  await database.stop();
}
