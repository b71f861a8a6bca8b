// node bench/experiments/visibility-variants.mjs --data-dir <cluster kept by npm run bench -- --keep-data>
//
// The evidence behind the fixes proposed in docs/performance.md: the case list and the dashboard
// statements exactly as the app builds them today (captured from the compiled repositories), and
// the same statements rewritten, timed side by side on the same data (median and p95 of --runs
// executions after warm-up; no EXPLAIN overhead). Read-only.
//
//   as-is        the app's SQL
//   no-or        visibleCasePredicate without the OR: a role whose relations are all person grants
//                (caseworker, guardian) tests g.user_id only, an organisation role g.organisation_id
//                only, so the planner can estimate the grant count and drive from the grant index
//   late-extras  (list) the per-row subqueries (assigned caseworker, requester, overdue) computed
//                in an outer query over the 26 rows of the page instead of inside the scan, where
//                the planner turns "overdue" into a hashed subplan over every overdue task
//   both         no-or + late-extras
//   (--no-parallel: every variant with max_parallel_workers_per_gather = 0 on the connection)
//   bucketed     (dashboard, minors turning 18) the 30/90/180-day and reached buckets counted and
//                cut to the first 10 rows each in SQL, instead of every matching row sent to Node
//                (thousands of rows, megabytes, for a supervisor) to be bucketed and sliced there
import console from 'node:console';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { encodeCursor, visibleCasePredicate } from '../lib/app-sql.mjs';
import { newPool, openDatabase } from '../lib/database.mjs';
import { requireServer, serverModule } from '../lib/paths.mjs';
import { BENCH_DOMAIN } from '../lib/seed.mjs';

const { values: args } = parseArgs({ options: { 'data-dir': { type: 'string' }, runs: { type: 'string' }, roles: { type: 'string' }, explain: { type: 'boolean' }, 'no-parallel': { type: 'boolean' } } });
const runs = Number(args.runs ?? 30);
const roles = (args.roles ?? 'caseworker,guardian,social_services,supervisor').split(',');
const { USER_GRANT_RELATIONS, CASE_FILE_RELATIONS_BY_ROLE } = requireServer('@app/contracts');
const { CasesRepository } = serverModule('cases/cases.repository.js');
const { DashboardService } = serverModule('dashboard/dashboard.service.js');
const { Clock } = serverModule('common/clock.js');

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: args['data-dir'] });
// --no-parallel: as the app would run with -c max_parallel_workers_per_gather=0 on its connections.
const pool = newPool(database.url, { max: 2, ...(args['no-parallel'] ? { options: '-c TimeZone=UTC -c statement_timeout=15000 -c max_parallel_workers_per_gather=0' } : {}) });

// Captures the statements a service issues (answering every one with no rows).
function capture() {
  const statements = [];
  const executor = { query: async (sql, params = []) => (statements.push({ sql, params }), []) };
  return { statements, executor };
}

// The OR of visibleCasePredicate replaced by the one branch the role's relations can match (the
// other parameter stays referenced, as a constant-folded no-op, so the parameter list is unchanged).
function noOr(sql, user) {
  const personal = CASE_FILE_RELATIONS_BY_ROLE[user.role].every((r) => USER_GRANT_RELATIONS.includes(r));
  return sql.replace(/\(g\.user_id = (\$\d+)::uuid OR g\.organisation_id = (\$\d+)::uuid\)/g, (_, u, o) => (personal ? `g.user_id = ${u}::uuid AND ${o}::uuid IS NOT NULL` : `g.organisation_id = ${o}::uuid AND ${u}::uuid IS NOT NULL`));
}

// SELECT <columns>,<extras> FROM … LIMIT $1  →  SELECT p.*, <extras on p> FROM (SELECT <columns>, c.requesting_organisation_id FROM … LIMIT $1) p ORDER BY …
function lateExtras(sql) {
  const split = sql.indexOf(",\n  (SELECT json_build_object('id', u.id");
  const from = sql.indexOf(' FROM cases c JOIN minors m');
  const columns = sql.slice(0, split).replace(/^SELECT /, '');
  const extras = sql.slice(split + 1, from).replace(/\bc\.(id|requesting_organisation_id)\b/g, 'p.$1');
  return `SELECT p.*, ${extras} FROM (SELECT ${columns}, c.requesting_organisation_id AS requesting_organisation_id ${sql.slice(from)}) p ORDER BY p.updated_at DESC, p.id DESC`;
}

// The turning-18 statement ($1 = today) wrapped so that only the rows the dashboard shows (10 per
// bucket) and the bucket totals leave the database.
function bucketed(sql) {
  return `WITH t AS (${sql}), b AS (
      SELECT t.*, CASE WHEN t.days_left BETWEEN 1 AND 30 THEN 'within30' WHEN t.days_left BETWEEN 31 AND 90 THEN 'within90'
                       WHEN t.days_left BETWEEN 91 AND 180 THEN 'within180'
                       WHEN t.days_left <= 0 AND NOT (t.prosieguo_until IS NOT NULL AND t.prosieguo_until > to_char($1::date, 'YYYY-MM-DD')) THEN 'reached' END AS bucket
        FROM t)
    SELECT * FROM (SELECT b.*, row_number() OVER (PARTITION BY b.bucket ORDER BY b.eighteenth, b.case_number) AS rn, count(*) OVER (PARTITION BY b.bucket) AS total
                     FROM b WHERE b.bucket IS NOT NULL) x
     WHERE x.rn <= 10 ORDER BY x.eighteenth, x.case_number`;
}

async function time(sql, params) {
  for (let i = 0; i < 3; i += 1) await pool.query(sql, params);
  const t = [];
  for (let i = 0; i < runs; i += 1) {
    const s = performance.now();
    await pool.query(sql, params);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.ceil(t.length * 0.95) - 1)] };
}

async function compare(label, variants, params) {
  const base = await time(variants['as-is'], params);
  const cells = [`as-is ${base.median.toFixed(2)} / ${base.p95.toFixed(2)} ms`];
  for (const [name, sql] of Object.entries(variants)) {
    if (name === 'as-is') continue;
    const r = await time(sql, params);
    cells.push(`${name} ${r.median.toFixed(2)} / ${r.p95.toFixed(2)} ms (×${(base.median / r.median).toFixed(1)})`);
  }
  console.log(`  ${label.padEnd(26)} ${cells.join('   ')}`);
  if (args.explain) {
    for (const [name, sql] of Object.entries(variants)) {
      const plan = (await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
      console.log(`    --- ${name}\n${plan.map((l) => `      ${l}`).join('\n')}`);
    }
  }
}

try {
  console.log(`median / p95 of ${runs} runs, per statement (same connection, sequential)`);
  for (const role of roles) {
    const row = (await pool.query(
      `SELECT u.id, u.email, u.role, u.organisation_id FROM users u
        WHERE u.role = $1 AND lower(u.email) LIKE $2 AND (u.role <> 'guardian' OR EXISTS (SELECT 1 FROM case_grants g WHERE g.user_id = u.id)) ORDER BY u.email LIMIT 1`,
      [role, `%@${BENCH_DOMAIN}`],
    )).rows[0];
    if (!row) continue;
    const user = { id: row.id, email: row.email, role: row.role, organisationId: row.organisation_id };
    const vp = [];
    const predicate = visibleCasePredicate(user, new Date(), vp);
    const visible = Number((await pool.query(`SELECT count(*) AS n FROM cases c WHERE ${predicate}`, vp)).rows[0].n);
    const mid = (await pool.query(`SELECT c.id, c.updated_at FROM cases c WHERE ${predicate} ORDER BY c.updated_at DESC, c.id DESC OFFSET ${Math.floor(visible / 2)} LIMIT 1`, vp)).rows[0];
    console.log(`\n${role} (${visible} visible cases)`);

    for (const [label, query] of [['list, first page', { limit: 25 }], ['list, deep page', { limit: 25, cursor: encodeCursor([mid.updated_at.toISOString(), mid.id]) }]]) {
      const { statements, executor } = capture();
      await new CasesRepository(executor, new Clock()).listVisible(user, query);
      const { sql, params } = statements[0];
      await compare(label, { 'as-is': sql, 'no-or': noOr(sql, user), 'late-extras': lateExtras(sql), both: lateExtras(noOr(sql, user)) }, params);
    }
    if (['caseworker', 'supervisor'].includes(role)) {
      const { statements, executor } = capture();
      await new DashboardService(executor, new Clock(), { DASHBOARD_CACHE_SECONDS: 0 }).get(user);
      const names = ['dashboard: cases by state', 'dashboard: tasks', 'dashboard: turning 18', 'dashboard: approvals'];
      for (const [i, { sql, params }] of statements.entries()) {
        const variants = { 'as-is': sql, 'no-or': noOr(sql, user) };
        if (i === 2) Object.assign(variants, { bucketed: bucketed(sql), 'no-or+bucketed': bucketed(noOr(sql, user)) });
        await compare(names[i] ?? `dashboard ${i}`, variants, params);
      }
    }
  }
} finally {
  await pool.end();
  await database.stop();
}
