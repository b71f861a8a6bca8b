// npm run bench [-- options]: seeds a national-scale volume and measures the hot paths of the
// production server over HTTP with an open-model load generator, against the same statements
// on a bare Fastify route and over bare pg (the floors), in the same run. See docs/performance.md.
//
//   --quick              (default) scale 0.02 (2,000 cases, 20,000 people), 1.5 s per run: about 2 min
//   --full               scale 1 (100,000 cases, 1,000,000 people), 20 s per run, and the
//                        duplicate search again over 1,000,000 searchable people
//   --scale <n>          volume relative to 100,000 cases
//   --duration <s>       measured seconds per run (after --warmup <s>)
//   --rate <n>           arrival rate of the read scenarios (default 150/s)
//   --write-rate <n>     arrival rate of the write scenarios (default 30/s)
//   --search-people <n>  grow the searchable population to n minors for a second search phase (0: off)
//   --saturation-concurrency <n>  connections of the closed-loop throughput runs (default 16)
//   --only <prefixes>    comma-separated scenario id prefixes (list,detail,dashboard,search,exact,write,race,saturation,audit)
//   --no-floors          only the app
//   --data-dir <dir>     embedded PostgreSQL cluster directory (default: a temporary one, deleted)
//   --keep-data          keep the cluster (with --data-dir, a second run reuses the seeded volume)
//   --cost-only          only the unloaded probes (one request at a time: latency and CPU per
//                        request of app and database), gentle on a shared machine
//   --profile            run the app server with --cpu-prof; the profile (and its top functions,
//                        bench/profile-top.mjs) lands in bench-results/profiles/
//   DATABASE_URL         an empty database (or one this bench seeded) instead of the embedded cluster
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import os from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { appSql, encodeCursor, visibleCasePredicate } from './lib/app-sql.mjs';
import { measureBundle } from './lib/bundle.mjs';
import { migrateAndSeedDemo, newPool, openDatabase } from './lib/database.mjs';
import { HttpClient, closedLoop, openModel } from './lib/load.mjs';
import { ROOT, SERVER_DIST, SERVER_MAIN, serverModule } from './lib/paths.mjs';
import { clusterCpuMs, cpuMsOf, freePort, memoryOf, rssSampler, startProcess } from './lib/processes.mjs';
import { printTable, withRatios, writeJson } from './lib/report.mjs';
import {
  MIX, WritePool, auditScenarios, exactScenarios, mixScenario, raceCheck, readScenarios, saturationScenarios, searchProbes, searchScenarios, verifyVersions, writeScenarios,
} from './lib/scenarios.mjs';
import { BENCH_DOMAIN, growSearchPopulation, plan, prepareAccounts, seedVolume } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    full: { type: 'boolean' },
    scale: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    rate: { type: 'string' },
    'write-rate': { type: 'string' },
    'search-people': { type: 'string' },
    'saturation-concurrency': { type: 'string' },
    'page-size': { type: 'string' },
    only: { type: 'string' },
    'no-floors': { type: 'boolean' },
    'data-dir': { type: 'string' },
    'keep-data': { type: 'boolean' },
    profile: { type: 'boolean' },
    'cost-only': { type: 'boolean' },
  },
  strict: true,
});

const mode = args.full ? 'full' : 'quick';
const num = (v, d) => (v === undefined ? d : Number(v));
const options = {
  mode,
  scale: num(args.scale, mode === 'full' ? 1 : 0.02),
  durationS: num(args.duration, mode === 'full' ? 20 : 1.5),
  warmupS: num(args.warmup, mode === 'full' ? 3 : 0.5),
  probeS: mode === 'full' ? 3 : 0.5,
  rate: num(args.rate, 150),
  writeRate: num(args['write-rate'], 30),
  searchPeople: num(args['search-people'], mode === 'full' ? 1_000_000 : 0),
  saturationConcurrency: num(args['saturation-concurrency'], 16),
  pageSize: num(args['page-size'], 25),
  only: args.only ? args.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
  floors: !args['no-floors'],
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: args['data-dir'] ? resolve(args['data-dir']) : undefined,
  keepData: Boolean(args['keep-data']),
  profile: Boolean(args.profile),
  costOnly: Boolean(args['cost-only']),
};

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const wanted = (id) => !options.only || options.only.some((p) => id.startsWith(p));

const cleanups = [];
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error('cleanup:', error?.message ?? error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and the database…`);
    void cleanup().then(() => process.exit(130));
  });
}

function measure(model, fire, tagOf) {
  return model.type === 'open'
    ? openModel({ rate: model.rate, durationS: options.durationS, warmupS: options.warmupS, fire, tagOf })
    : closedLoop({ concurrency: model.concurrency, durationS: options.durationS, warmupS: options.warmupS, fire });
}

// One scenario: the app, then the Fastify floor, then the SQL floor, same model, same sequence.
async function runScenario(scenario, ctx) {
  const result = { id: scenario.id, title: scenario.title, target: scenario.target ?? null, runs: {} };
  const stacks = [
    ['app', scenario.app, ctx.appProc],
    ['fastify', options.floors ? scenario.fastify : undefined, ctx.floorProc],
    ['sql', options.floors || !scenario.app ? scenario.sql : undefined, null],
  ];
  for (const [stack, fire, proc] of stacks) {
    if (!fire) continue;
    // Unloaded cost first: one request at a time, so latency has no queueing in it and the CPU
    // per request (app process, database cluster) says how many requests per second two cores
    // can serve at best, whatever else runs on the machine.
    let unloaded = null;
    const probeable = (scenario.model.type === 'open' && !scenario.tagOf) || (options.costOnly && scenario.model.type === 'closed' && scenario.model.concurrency === 1);
    if (probeable) {
      const cpu0 = proc ? cpuMsOf(proc.pid) : NaN;
      const db0 = clusterCpuMs(ctx.postmasterPid);
      const probe = await closedLoop({ concurrency: 1, durationS: options.probeS, fire });
      const per = (ms) => (Number.isFinite(ms) && probe.served ? Math.round((ms / probe.served) * 100) / 100 : null);
      unloaded = { requests: probe.requests, errors: probe.errors, p50: probe.p50, p95: probe.p95, cpuMsPerRequest: proc ? per(cpuMsOf(proc.pid) - cpu0) : null, dbCpuMsPerRequest: per(clusterCpuMs(ctx.postmasterPid) - db0) };
      const cost = (unloaded.cpuMsPerRequest ?? 0) + (unloaded.dbCpuMsPerRequest ?? 0);
      unloaded.capacityPerS = cost > 0 ? Math.round((os.cpus().length * 1000) / cost) : null;
    }
    if (options.costOnly) {
      if (unloaded) result.runs[stack] = { model: 'closed ×1 (cost)', ...unloaded, throughput: null, served: unloaded.requests, cpuMsPerRequest: unloaded.cpuMsPerRequest, dbCpuMsPerRequest: unloaded.dbCpuMsPerRequest, unloaded };
      continue;
    }
    const sampler = proc ? rssSampler(proc.pid) : null;
    const cpuBefore = proc ? cpuMsOf(proc.pid) : NaN;
    const dbBefore = clusterCpuMs(ctx.postmasterPid);
    const load = os.loadavg()[0];
    sampler?.start();
    const run = await measure(scenario.model, fire, scenario.tagOf);
    run.rssPeakMb = sampler ? sampler.stop() : null;
    // Per request served, warm-up requests included (they were served in the same interval).
    const perRequest = (ms) => (Number.isFinite(ms) && run.served ? Math.round((ms / run.served) * 100) / 100 : null);
    run.cpuMsPerRequest = proc ? perRequest(cpuMsOf(proc.pid) - cpuBefore) : null;
    run.dbCpuMsPerRequest = perRequest(clusterCpuMs(ctx.postmasterPid) - dbBefore);
    run.loadAvg1 = Math.round(load * 100) / 100;
    if (unloaded) run.unloaded = unloaded;
    result.runs[stack] = run;
  }
  withRatios(result);
  const app = result.runs.app ?? result.runs.sql;
  log(`  ${scenario.id.padEnd(30)} p50 ${app.p50} p95 ${app.p95} p99 ${app.p99} ms, ${app.throughput}/s, errors ${app.errors}${app.saturated ? ' (saturated: stopped early)' : ''}` +
    (result.runs.fastify ? ` | floor p95 ${result.runs.fastify.p95}` : '') + (result.runs.sql && result.runs.app ? ` sql p95 ${result.runs.sql.p95}` : '') +
    (result.pass === false ? '  MISS' : ''));
  return result;
}

async function authUsers(pool, where, params) {
  const rows = (await pool.query(
    `SELECT u.id, u.email, u.display_name, u.role, o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.active AND lower(u.email) LIKE '%@${BENCH_DOMAIN}' AND ${where}`,
    params,
  )).rows;
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, role: r.role, organisationId: r.organisation_id, organisationName: r.organisation_name, organisationType: r.organisation_type }));
}

// Who the bench signs in as, with their visible cases: a sample for the detail views and a
// keyset cursor about half-way down their list for the deep page.
async function chooseSubjects(pool) {
  const groups = {
    caseworkers: await authUsers(pool, `u.role = 'caseworker' ORDER BY u.email LIMIT 12`, []),
    supervisors: await authUsers(pool, `u.role = 'supervisor' ORDER BY u.email LIMIT 2`, []),
    social: await authUsers(pool, `u.role = 'social_services' AND u.id IN (SELECT DISTINCT ON (organisation_id) id FROM users WHERE role = 'social_services' ORDER BY organisation_id, email) ORDER BY u.email LIMIT 10`, []),
    guardians: await authUsers(pool, `u.role = 'guardian' AND EXISTS (SELECT 1 FROM case_grants g WHERE g.user_id = u.id AND g.relation = 'guardian') ORDER BY u.email LIMIT 20`, []),
  };
  const all = [];
  for (const [group, users] of Object.entries(groups)) {
    groups[group] = [];
    for (const user of users) {
      const params = [];
      const predicate = visibleCasePredicate(user, new Date(), params);
      const count = Number((await pool.query(`SELECT count(*) AS n FROM cases c WHERE ${predicate}`, params)).rows[0].n);
      const depth = Math.floor(count / 2);
      const deep = (await pool.query(`SELECT c.id, c.updated_at FROM cases c WHERE ${predicate} ORDER BY c.updated_at DESC, c.id DESC OFFSET ${depth} LIMIT 1`, params)).rows[0];
      const caseIds = group === 'caseworkers'
        ? (await pool.query(`SELECT c.id FROM cases c WHERE ${predicate} ORDER BY md5(c.id::text) LIMIT 200`, params)).rows.map((r) => r.id)
        : [];
      const subject = { group, index: all.length, user, visible: count, deepOffset: depth, deepCursor: deep ? encodeCursor([deep.updated_at.toISOString(), deep.id]) : undefined, caseIds };
      all.push(subject);
      groups[group].push(subject);
    }
  }
  return { groups, all };
}

async function signIn(client, subjects, password, origin) {
  for (const s of subjects) {
    const res = await client.request({ method: 'POST', path: '/api/auth/login', json: { email: s.user.email, password }, headers: { origin, 'x-requested-with': 'fetch' } });
    if (res.status !== 200) throw new Error(`login of ${s.user.email} answered ${res.status}: ${res.body}`);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('__Host-sid='));
    s.cookie = cookie.split(';')[0];
  }
}

function machine() {
  let pgVersion = null;
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    // not a git checkout
  }
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}`, commit, pgVersion };
}

async function main() {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} not found: run npm run build first (npm run bench does)`);
  const report = { startedAt: new Date().toISOString(), options: { ...options, databaseUrl: options.databaseUrl ? '(set)' : undefined, serverDist: SERVER_DIST }, machine: machine(), loadAvgAtStart: os.loadavg(), seed: {}, results: [] };
  log(`MSNA bench, ${mode} mode: scale ${options.scale} (${plan(options.scale).cases.toLocaleString('en')} cases), ${options.durationS} s per run after ${options.warmupS} s warm-up, reads at ${options.rate}/s, writes at ${options.writeRate}/s`);
  log(`machine: ${report.machine.cpus} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the app, PostgreSQL, the floors and the load generator share it)`);

  // --- database
  const tempDir = options.databaseUrl ? undefined : options.dataDir ?? mkdtempSync(join(os.tmpdir(), 'msna-bench-'));
  // mkdtemp makes it 0700; the `postgres` OS user (when the bench runs as root) must enter it.
  if (tempDir && !options.dataDir) chmodSync(tempDir, 0o755);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: tempDir });
  cleanups.push(async () => {
    log('stopping the database');
    await database.stop();
    if (tempDir && !options.keepData) {
      rmSync(tempDir, { recursive: true, force: true });
      log(`deleted ${tempDir}`);
    } else if (tempDir) {
      log(`kept the cluster in ${tempDir} (reuse with --data-dir ${tempDir})`);
    }
  });
  const pool = newPool(database.url, { max: 12 });
  cleanups.push(() => pool.end());
  report.machine.pgVersion = (await pool.query('SHOW server_version')).rows[0].server_version;
  const already = await pool.query(`SELECT to_regclass('public.cases') IS NOT NULL AS migrated`).then(async (r) => (r.rows[0].migrated
    ? Number((await pool.query(`SELECT count(*) AS n FROM users WHERE lower(email) LIKE '%@${BENCH_DOMAIN}'`)).rows[0].n) : 0));
  if (already > 0) {
    const cases = Number((await pool.query(`SELECT count(*) AS n FROM cases`)).rows[0].n);
    log(`reusing the seeded volume: ${cases.toLocaleString('en')} cases (--scale is ignored)`);
    report.seed.reused = true;
    report.seed.cases = cases;
  } else {
    const hasOrganisations = (await pool.query(`SELECT to_regclass('public.organisations') IS NOT NULL AS t`)).rows[0].t;
    const empty = !hasOrganisations || (await pool.query(`SELECT NOT EXISTS (SELECT 1 FROM organisations) AS empty`)).rows[0].empty;
    if (!empty) throw new Error('the database is not empty and was not seeded by this bench: point DATABASE_URL at an empty database');
    let t = Date.now();
    await migrateAndSeedDemo(database.url, tempDir ?? os.tmpdir());
    report.seed.migrateAndDemoS = (Date.now() - t) / 1000;
    log(`migrated and seeded the demo unit in ${report.seed.migrateAndDemoS} s; seeding the volume`);
    t = Date.now();
    const seeded = await seedVolume(pool, { scale: options.scale, log });
    report.seed.volumeS = (Date.now() - t) / 1000;
    t = Date.now();
    await pool.query('VACUUM (ANALYZE)');
    report.seed.vacuumS = (Date.now() - t) / 1000;
    Object.assign(report.seed, seeded);
    log(`volume seeded in ${report.seed.volumeS} s, VACUUM ANALYZE ${report.seed.vacuumS} s`);
  }
  report.seed.tables = (await pool.query(`SELECT relname AS table, n_live_tup::bigint AS rows FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY n_live_tup DESC`)).rows
    .map((r) => ({ table: r.table, rows: Number(r.rows) }));
  report.seed.databaseMb = Math.round(Number((await pool.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b) / 2 ** 20);
  const password = await prepareAccounts(pool);

  // --- subjects, servers, sessions
  const { groups, all } = await chooseSubjects(pool);
  report.subjects = Object.fromEntries(Object.entries(groups).map(([g, list]) => [g, { users: list.length, visibleCases: list.map((s) => s.visible), deepOffsets: list.map((s) => s.deepOffset) }]));
  log(`subjects: ${Object.entries(groups).map(([g, l]) => `${l.length} ${g} (visible ${Math.min(...l.map((s) => s.visible))}–${Math.max(...l.map((s) => s.visible))})`).join(', ')}`);

  const workDir = mkdtempSync(join(os.tmpdir(), 'msna-bench-run-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const appPort = await freePort();
  const origin = `http://127.0.0.1:${appPort}`;
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DEMO_PASSWORD', 'SEED_DEMO', 'DATABASE_URL', 'NODE_ENV', 'PORT', 'HOST', 'PUBLIC_ORIGIN', 'DATA_DIR', 'LOG_LEVEL', 'EMBEDDED_PG_PORT'].includes(k)));
  log('starting the app server (production build, NODE_ENV=production)');
  const appLog = join(workDir, 'app.log');
  const profileDir = join(ROOT, 'bench-results', 'profiles');
  const appProc = await startProcess({
    name: 'app server',
    args: [...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), SERVER_MAIN],
    env: { ...baseEnv, NODE_ENV: 'production', DATABASE_URL: database.url, PORT: String(appPort), HOST: '127.0.0.1', PUBLIC_ORIGIN: origin, DATA_DIR: workDir, LOG_LEVEL: 'warn' },
    logFile: appLog,
    readyUrl: `${origin}/api/health`,
  });
  cleanups.push(async () => {
    report.appPeakRssMb = Math.round(memoryOf(appProc.pid).hwmMb);
    log('stopping the app server (SIGTERM)');
    await appProc.stop();
  });
  report.appRssAfterStartMb = Math.round(memoryOf(appProc.pid).rssMb);
  const app = new HttpClient(origin);
  cleanups.push(() => app.close());
  await signIn(app, all, password, origin);

  let floorProc = null;
  let floor = null;
  const usersFile = join(workDir, 'users.json');
  writeFileSync(usersFile, JSON.stringify(all.map((s) => s.user)));
  if (options.floors) {
    const floorPort = await freePort();
    floorProc = await startProcess({
      name: 'floor server',
      args: [join(ROOT, 'bench', 'floor-server.mjs')],
      env: { ...baseEnv, NODE_ENV: 'production', DATABASE_URL: database.url, PORT: String(floorPort), BENCH_USERS_FILE: usersFile, BENCH_PAGE_SIZE: String(options.pageSize) },
      logFile: join(workDir, 'floor.log'),
      readyUrl: `http://127.0.0.1:${floorPort}/hello`,
    });
    cleanups.push(() => floorProc.stop());
    floor = new HttpClient(`http://127.0.0.1:${floorPort}`);
    cleanups.push(() => floor.close());
  }
  const sqlPool = newPool(database.url);
  cleanups.push(() => sqlPool.end());
  const sql = appSql(sqlPool, { pageSize: options.pageSize });

  // Write pools: SCREENING cases of the signed-in caseworkers for the transitions, cases in
  // tracing or awaiting a solution for the edits.
  const byId = new Map(groups.caseworkers.map((s) => [s.user.id, s]));
  const poolRows = (states, limit) => pool.query(
    `SELECT c.id, c.version, c.state, c.priority, g.user_id FROM cases c
       JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' AND g.expires_at IS NULL
      WHERE g.user_id = ANY($1::uuid[]) AND c.state = ANY($2::text[]) ORDER BY md5(c.id::text) LIMIT $3`,
    [[...byId.keys()], states, limit],
  ).then((r) => r.rows);
  const postmasterFile = tempDir ? join(tempDir, 'pg', 'postmaster.pid') : null;
  const ctx = {
    app, floor, sql, pool, options, appProc, floorProc,
    postmasterPid: postmasterFile && existsSync(postmasterFile) ? Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]) : null,
    subjects: groups,
    writeHeaders: { origin, 'x-requested-with': 'fetch' },
    transitionPool: new WritePool(await poolRows(['SCREENING', 'INFO_REQUESTED'], 400), byId),
    editPool: new WritePool(await poolRows(['TRACING_IN_PROGRESS', 'AWAITING_SOLUTION', 'REPORT_DRAFTING', 'RECEIVED'], 400), byId),
  };
  log(`write pools: ${ctx.transitionPool.items.length} cases for transitions, ${ctx.editPool.items.length} for edits`);

  const probeRows = (await pool.query(`SELECT first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM minors ORDER BY md5(id::text) LIMIT 2000`)).rows;
  const probes = searchProbes(probeRows);
  ctx.probeDobs = probeRows.map((r) => r.dob).filter(Boolean);

  // --- measurements
  const base = [...readScenarios(ctx), ...searchScenarios(ctx, probes), ...writeScenarios(ctx)];
  const scenarios = [
    ...base,
    ...exactScenarios(ctx, probes),
    mixScenario(ctx, base),
    ...saturationScenarios(ctx),
    ...auditScenarios(ctx),
  ].filter((s) => wanted(s.id) && (!options.costOnly || (s.model.type === 'open' && !s.tagOf) || (s.model.type === 'closed' && s.model.concurrency === 1)));
  // Warm-up: every read path of both servers a few hundred times (JIT, pools, caches) before
  // anything is recorded; each run then has its own warm-up seconds on top.
  // The mix's read paths are warmed too when only the mix is selected.
  const warmable = (s) => s.model.type === 'open' && !s.id.startsWith('write') && !s.tagOf;
  const mixed = scenarios.some((s) => s.tagOf) ? base.filter((s) => !s.id.startsWith('write') && MIX.some(([id]) => s.id === id || s.id === `${id}.c1`)) : [];
  const warmT = Date.now();
  for (const scenario of new Set([...scenarios.filter(warmable), ...mixed])) {
    for (const fire of [scenario.app, options.floors ? scenario.fastify : null].filter(Boolean)) {
      await closedLoop({ concurrency: options.costOnly ? 1 : 4, durationS: options.mode === 'full' ? 2 : 0.3, fire });
    }
  }
  log(`warmed up both servers in ${((Date.now() - warmT) / 1000).toFixed(1)} s; measuring ${scenarios.length} scenarios`);
  for (const scenario of scenarios) report.results.push(await runScenario(scenario, ctx));

  if (wanted('write') || wanted('race')) {
    report.lostUpdates = { sequential: await verifyVersions(pool, [ctx.transitionPool, ctx.editPool]) };
    if (wanted('race') || wanted('write')) report.lostUpdates.race = await raceCheck(ctx);
    log(`lost updates: ${JSON.stringify(report.lostUpdates)}`);
  }

  // --- the duplicate search over a million people
  if (options.searchPeople > 0 && (wanted('search') || wanted('exact'))) {
    log(`growing the searchable population to ${options.searchPeople.toLocaleString('en')} minors`);
    const t = Date.now();
    const grown = await growSearchPopulation(pool, options.searchPeople, { log });
    await pool.query('VACUUM (ANALYZE) minors');
    await pool.query('VACUUM (ANALYZE) minor_names');
    report.searchPopulation = { ...grown, seconds: (Date.now() - t) / 1000, minorNames: Number((await pool.query('SELECT count(*) AS n FROM minor_names')).rows[0].n) };
    log(`search population: ${JSON.stringify(report.searchPopulation)}`);
    const bigRows = (await pool.query(`SELECT first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM minors ORDER BY md5(id::text) LIMIT 2000`)).rows;
    const bigProbes = searchProbes(bigRows);
    ctx.probeDobs = bigRows.map((r) => r.dob).filter(Boolean);
    const suffix = `@${Math.round(grown.minors / 1000)}k`;
    for (const scenario of [...searchScenarios(ctx, bigProbes, suffix), ...exactScenarios(ctx, bigProbes, suffix)].filter((s) => wanted(s.id))) {
      report.results.push(await runScenario(scenario, ctx));
    }
  }

  // The audit chain still verifies after everything the run appended.
  const { verifyAuditChain } = serverModule('audit/audit.service.js');
  report.auditChain = await verifyAuditChain({ query: async (s, p = []) => (await pool.query(s, p)).rows });
  log(`audit chain: ${JSON.stringify(report.auditChain)}`);

  report.appPeakRssMb = Math.round(memoryOf(appProc.pid).hwmMb);
  report.appRssAtEndMb = Math.round(memoryOf(appProc.pid).rssMb);
  report.bundle = measureBundle();
  report.finishedAt = new Date().toISOString();
  report.durationS = Math.round((Date.now() - started) / 1000);
  report.loadAvgAtEnd = os.loadavg();

  console.log('');
  printTable(report.results, console.log);
  console.log('');
  for (const r of report.results.filter((x) => x.runs.app?.parts && Object.keys(x.runs.app.parts).length)) {
    console.log(`${r.id}, per kind (app / Fastify floor / SQL floor p95, ms):`);
    for (const [tag, part] of Object.entries(r.runs.app.parts)) {
      const f = r.runs.fastify?.parts?.[tag];
      const q = r.runs.sql?.parts?.[tag];
      console.log(`  ${tag.padEnd(24)} n ${String(part.requests).padStart(5)}  errors ${part.errors}  p50 ${part.p50}  p95 ${part.p95}  p99 ${part.p99}  | floor p95 ${f?.p95 ?? '–'}  sql p95 ${q?.p95 ?? '–'}`);
    }
    console.log('');
  }
  console.log(`App server RSS: ${report.appRssAfterStartMb} MB after start, peak ${report.appPeakRssMb} MB (VmHWM; target ≤ 300 MB)`);
  if (report.lostUpdates) console.log(`Lost updates: ${report.lostUpdates.sequential.mismatched} of ${report.lostUpdates.sequential.writes} sequential writes; race: ${report.lostUpdates.race?.violations ?? '–'} violations in ${report.lostUpdates.race?.cases ?? 0} cases × ${report.lostUpdates.race?.racersPerCase ?? 0} concurrent PATCHes`);
  if (report.bundle.error) console.log(`SPA: ${report.bundle.error}`);
  else {
    console.log(`SPA initial JS ${report.bundle.initial.jsGzipKb} KB gzip (budget ${report.bundle.budget.initialKb}) ${report.bundle.initial.withinBudget ? 'ok' : 'OVER'}, CSS ${report.bundle.initial.cssGzipKb} KB gzip`);
    console.log(`  ${report.bundle.initial.files.map((f) => `${f.file} ${f.gzipKb}`).join(', ')}`);
    for (const r of report.bundle.routes) console.log(`  lazy ${r.chunk.padEnd(40)} chunk ${String(r.chunkGzipKb).padStart(6)} KB, route total ${String(r.routeGzipKb).padStart(6)} KB gzip ${r.withinBudget ? 'ok' : 'OVER'}`);
  }
  const file = writeJson(report);
  console.log(`\nJSON: ${file}`);
}

main()
  .catch(async (error) => {
    console.error('bench failed:', error?.stack ?? error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    log('done');
  });
