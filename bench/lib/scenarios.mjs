// What is measured: each scenario drives the app over HTTP, the bare-Fastify floor over HTTP and
// the SQL floor in-process with the same request sequence (same users, same cases, same probes),
// one after the other, under the same load model.
import { mulberry32, perturb, pick } from './names.mjs';

const ok = (expected = 200) => (res) => ({ ok: res.status === expected, status: res.status });
const sqlOk = (promise) => promise.then(() => ({ ok: true, status: 'ok' }), (error) => ({ ok: false, status: error?.code ?? 'error' }));

// Round-robin over subjects and, within a subject, over its cases.
const nth = (items, i) => items[i % items.length];

export const TARGETS = {
  read: { p95: 50, label: 'p95 ≤ 50 ms, 0 errors' },
  write: { p95: 100, label: 'p95 ≤ 100 ms, 0 errors' },
  search1: { p95: 150, label: 'p95 ≤ 150 ms' },
  search4: { p95: 300, label: 'p95 ≤ 300 ms' },
  exact: { p95: 10, label: 'p95 ≤ 10 ms' },
};

export function readScenarios(ctx) {
  const { app, floor, sql, subjects, options } = ctx;
  const open = { type: 'open', rate: options.rate };
  const list = (id, title, group, deep) => ({
    id,
    title,
    target: TARGETS.read,
    model: open,
    app: (i) => {
      const s = nth(group, i);
      const q = deep ? `&cursor=${encodeURIComponent(s.deepCursor)}` : '';
      return app.request({ path: `/api/cases?limit=${options.pageSize}${q}`, headers: { cookie: s.cookie } }).then(ok());
    },
    fastify: (i) => {
      const s = nth(group, i);
      const q = deep ? `&cursor=${encodeURIComponent(s.deepCursor)}` : '';
      return floor.request({ path: `/cases?u=${s.index}${q}` }).then(ok());
    },
    sql: (i) => {
      const s = nth(group, i);
      return sqlOk(sql.list(s.user, deep ? s.deepCursor : undefined));
    },
  });
  const { caseworkers, guardians, social, supervisors } = subjects;
  const scenarios = [
    list('list.caseworker.first', 'Case list, caseworker, first page', caseworkers, false),
    list('list.caseworker.deep', 'Case list, caseworker, deep page (keyset, ~middle of the list)', caseworkers, true),
    list('list.guardian.first', 'Case list, guardian (own wards)', guardians, false),
    list('list.social.first', 'Case list, social services office, first page', social, false),
    list('list.social.deep', 'Case list, social services office, deep page', social, true),
    list('list.supervisor.first', 'Case list, supervisor (whole unit), first page', supervisors, false),
    list('list.supervisor.deep', 'Case list, supervisor (whole unit), deep page', supervisors, true),
    {
      id: 'detail.caseworker',
      title: 'Case detail, caseworker (audited view)',
      target: TARGETS.read,
      model: open,
      app: (i) => {
        const s = nth(caseworkers, i);
        return app.request({ path: `/api/cases/${nth(s.caseIds, Math.floor(i / caseworkers.length))}`, headers: { cookie: s.cookie } }).then(ok());
      },
      fastify: (i) => {
        const s = nth(caseworkers, i);
        return floor.request({ path: `/cases/${nth(s.caseIds, Math.floor(i / caseworkers.length))}?u=${s.index}` }).then(ok());
      },
      sql: (i) => {
        const s = nth(caseworkers, i);
        return sqlOk(sql.detail(s.user, nth(s.caseIds, Math.floor(i / caseworkers.length)), '127.0.0.1'));
      },
    },
    {
      id: 'dashboard.caseworker',
      title: 'Dashboard, caseworker',
      target: TARGETS.read,
      model: open,
      app: (i) => app.request({ path: '/api/dashboard', headers: { cookie: nth(caseworkers, i).cookie } }).then(ok()),
      fastify: (i) => floor.request({ path: `/dashboard?u=${nth(caseworkers, i).index}` }).then(ok()),
      sql: (i) => sqlOk(sql.dashboard(nth(caseworkers, i).user)),
    },
    {
      id: 'dashboard.supervisor',
      title: 'Dashboard, supervisor (whole unit)',
      target: TARGETS.read,
      model: open,
      app: (i) => app.request({ path: '/api/dashboard', headers: { cookie: nth(supervisors, i).cookie } }).then(ok()),
      fastify: (i) => floor.request({ path: `/dashboard?u=${nth(supervisors, i).index}` }).then(ok()),
      sql: (i) => sqlOk(sql.dashboard(nth(supervisors, i).user)),
    },
  ];
  return scenarios;
}

// Probes: names of recorded minors as heard at a new intake (transliteration edits), a third
// with a date of birth (exact or a year out).
export function searchProbes(rows, count = 400) {
  const rand = mulberry32(4242);
  return Array.from({ length: count }, () => {
    const r = pick(rand, rows);
    const name = rand() < 0.25 ? `${r.first_name} ${r.last_name}` : perturb(rand, `${r.first_name} ${r.last_name}`);
    const probe = { name: name.slice(0, 200) };
    if (r.dob && rand() < 0.33) {
      const d = new Date(`${r.dob}T00:00:00Z`);
      if (rand() < 0.3) d.setUTCFullYear(d.getUTCFullYear() + (rand() < 0.5 ? -1 : 1));
      probe.dateOfBirth = d.toISOString().slice(0, 10);
    }
    return probe;
  });
}

export function searchScenarios(ctx, probes, suffix = '') {
  const { app, floor, sql, subjects } = ctx;
  const cw = subjects.caseworkers;
  const make = (concurrency, target) => ({
    id: `search.fuzzy.c${concurrency}${suffix}`,
    title: `Fuzzy name search (duplicate check), ${concurrency} concurrent user${concurrency > 1 ? 's' : ''}${suffix ? ` ${suffix}` : ''}`,
    target,
    model: { type: 'closed', concurrency },
    app: (i) => app.request({ method: 'POST', path: '/api/minors/search', json: nth(probes, i), headers: { cookie: nth(cw, i).cookie, ...ctx.writeHeaders } }).then(ok()),
    fastify: (i) => floor.request({ method: 'POST', path: `/minors/search?u=${nth(cw, i).index}`, json: { limit: 10, ...nth(probes, i) } }).then(ok()),
    sql: (i) => sqlOk(sql.search(nth(cw, i).user, nth(probes, i), '127.0.0.1')),
  });
  return [make(1, TARGETS.search1), make(4, TARGETS.search4)];
}

// Exact lookups: SQL only (no endpoint does only this). The phonetic key of the whole name on
// minor_names (btree), and the family-name key with the date of birth ± 1 year on minors
// (minors_family_key_idx), the blocking step of §5.2.
export function exactScenarios(ctx, probes, suffix = '') {
  const { pool } = ctx;
  const dated = probes.map((p, i) => ({ ...p, dateOfBirth: p.dateOfBirth ?? ctx.probeDobs[i % ctx.probeDobs.length] }));
  const phon = (i) => sqlOk(pool.query(`SELECT n.minor_id FROM minor_names n WHERE n.phon_key = public.phonetic_key($1) LIMIT 200`, [nth(probes, i).name]));
  const family = (i) => {
    const p = nth(dated, i);
    const last = p.name.split(' ').slice(-1)[0];
    return sqlOk(pool.query(
      `SELECT m.id FROM minors m WHERE m.family_key = public.dmetaphone(public.norm_name($1)) AND m.date_of_birth BETWEEN $2::date - 366 AND $2::date + 366 LIMIT 200`,
      [last, p.dateOfBirth],
    ));
  };
  return [1, 4].flatMap((concurrency) => [
    { id: `exact.phonetic.c${concurrency}${suffix}`, title: `Phonetic-key lookup (minor_names.phon_key), ${concurrency} concurrent${suffix ? ` ${suffix}` : ''}`, target: TARGETS.exact, model: { type: 'closed', concurrency }, sql: phon },
    { id: `exact.familydob.c${concurrency}${suffix}`, title: `Family-name key + date of birth ± 1 year, ${concurrency} concurrent${suffix ? ` ${suffix}` : ''}`, target: TARGETS.exact, model: { type: 'closed', concurrency }, sql: family },
  ]);
}

// Writes: each tracked case is written by one request at a time (a case with a request in flight
// is skipped), with the If-Match version the previous answer returned, so a 412 here would be a
// real lost or duplicated update, not contention manufactured by the bench.
export class WritePool {
  constructor(rows, subjectsById) {
    this.items = rows.map((r) => ({ id: r.id, version: r.version, state: r.state, priority: r.priority, subject: subjectsById.get(r.user_id), busy: false, writes: 0 }));
    this.cursor = 0;
  }

  take() {
    for (let k = 0; k < this.items.length; k += 1) {
      const item = this.items[(this.cursor + k) % this.items.length];
      if (!item.busy) {
        this.cursor = (this.cursor + k + 1) % this.items.length;
        item.busy = true;
        return item;
      }
    }
    return null;
  }
}

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

export function writeScenarios(ctx) {
  const { app, floor, sql, options } = ctx;
  const open = { type: 'open', rate: options.writeRate };
  // One write on a tracked case through `send(item, body, version)`, which resolves with
  // { status, version }; the tracker follows the answer.
  const tracked = (pool, bodyOf, apply) => (send) => async () => {
    const item = pool.take();
    if (!item) return { ok: false, status: 'no-free-case' };
    try {
      const body = bodyOf(item);
      const res = await send(item, body);
      if (res.status === 200) {
        item.version = res.version ?? item.version + 1;
        item.writes += 1;
        apply(item, body);
      }
      return { ok: res.status === 200, status: res.status };
    } finally {
      item.busy = false;
    }
  };
  const transitionBody = (item) => (item.state === 'SCREENING' ? { to: 'INFO_REQUESTED', reason: 'Bench: documenti mancanti' } : { to: 'SCREENING' });
  const transition = tracked(ctx.transitionPool, transitionBody, (item, body) => (item.state = body.to));
  const editBody = (item) => ({ priority: PRIORITIES[(PRIORITIES.indexOf(item.priority) + 1) % PRIORITIES.length] });
  const edit = tracked(ctx.editPool, editBody, (item, body) => (item.priority = body.priority));

  const viaApp = (method, pathOf) => async (item, body) => {
    const res = await app.request({ method, path: pathOf(item), json: body, headers: { cookie: item.subject.cookie, 'if-match': String(item.version), ...ctx.writeHeaders } });
    return { status: res.status, version: res.status === 200 ? JSON.parse(res.body).version : undefined };
  };
  const viaFloor = (method, pathOf) => async (item, body) => {
    const res = await floor.request({ method, path: `${pathOf(item)}?u=${item.subject.index}`, json: body, headers: { 'if-match': String(item.version) } });
    return { status: res.status, version: res.status === 200 ? JSON.parse(res.body).version : undefined };
  };
  const viaSql = (run) => async (item, body) => {
    try {
      const detail = await run(item, body);
      return { status: 200, version: detail.version };
    } catch (error) {
      return { status: error?.code ?? 'error' };
    }
  };
  return [
    {
      id: 'write.transition',
      title: 'Transition SCREENING ⇄ INFO_REQUESTED (If-Match, history, audit chain, tasks)',
      target: TARGETS.write,
      model: open,
      app: transition(viaApp('POST', (item) => `/api/cases/${item.id}/transitions`)),
      fastify: transition(viaFloor('POST', (item) => `/cases/${item.id}/transitions`)),
      sql: transition(viaSql((item, body) => sql.transition(item.subject.user, item.id, body, item.version, '127.0.0.1'))),
    },
    {
      id: 'write.edit',
      title: 'Edit case priority (If-Match, history, audit chain)',
      target: TARGETS.write,
      model: open,
      app: edit(viaApp('PATCH', (item) => `/api/cases/${item.id}`)),
      fastify: edit(viaFloor('PATCH', (item) => `/cases/${item.id}`)),
      sql: edit(viaSql((item, body) => sql.edit(item.subject.user, item.id, body, item.version, '127.0.0.1'))),
    },
  ];
}

// Saturation: closed loop at N connections, for the throughput ratio of the case list, and the
// bare minimum of each stack (the app's session-only route and Fastify's hello world).
export function saturationScenarios(ctx) {
  const { app, floor, sql, subjects, options } = ctx;
  const cw = subjects.caseworkers;
  const model = { type: 'closed', concurrency: options.saturationConcurrency };
  return [
    {
      id: 'saturation.list.caseworker',
      title: `Case list (caseworker, first page), max throughput at ${options.saturationConcurrency} connections`,
      target: { throughputRatio: 0.5, label: 'app ≥ ½ of Fastify+SQL floor' },
      model,
      app: (i) => app.request({ path: `/api/cases?limit=${options.pageSize}`, headers: { cookie: nth(cw, i).cookie } }).then(ok()),
      fastify: (i) => floor.request({ path: `/cases?u=${nth(cw, i).index}` }).then(ok()),
      sql: (i) => sqlOk(sql.list(nth(cw, i).user)),
    },
    {
      id: 'saturation.minimal',
      title: `Minimal route, max throughput: app GET /api/auth/me (session lookup) vs Fastify hello world`,
      target: null,
      model,
      app: (i) => app.request({ path: '/api/auth/me', headers: { cookie: nth(cw, i).cookie } }).then(ok()),
      fastify: () => floor.request({ path: '/hello' }).then(ok()),
    },
  ];
}

// The audit chain's serialisation: appends through the trigger (each locks audit_head until
// commit), alone and with 8 concurrent writers. Throughput that does not grow with writers is
// the ceiling every audited request shares.
export function auditScenarios(ctx) {
  const { pool } = ctx;
  const append = () => sqlOk(pool.query(
    `INSERT INTO audit_event (seq, at, actor_id, actor_role, action, entity_type, entity_id, case_id, detail, ip, prev_hash, row_hash)
     VALUES (0, now(), NULL, 'caseworker', 'BENCH_AUDIT_APPEND', 'case', NULL, NULL, '{}', '127.0.0.1', '\\x', '\\x')`,
  ));
  return [1, 8].map((concurrency) => ({
    id: `audit.append.c${concurrency}`,
    title: `Audit append through the hash-chain trigger (autocommit), ${concurrency} concurrent`,
    target: null,
    model: { type: 'closed', concurrency },
    sql: append,
  }));
}

// Lost updates under contention: for each case, `racers` PATCHes with the same If-Match at once.
// Exactly one may win; the others must get 412; the version moves by exactly one and exactly one
// history row is written.
export async function raceCheck(ctx, cases = 100, racers = 4) {
  const { app, pool } = ctx;
  const items = ctx.editPool.items.filter((i) => !i.busy).slice(0, cases);
  const ids = items.map((i) => i.id);
  const before = new Map((await pool.query(`SELECT c.id, c.version, (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.kind = 'CASE_UPDATED')::int AS edits FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids])).rows.map((r) => [r.id, r]));
  const outcomes = await Promise.all(items.map(async (item) => {
    const others = PRIORITIES.filter((p) => p !== item.priority);
    const results = await Promise.all(Array.from({ length: racers }, (_, k) => app.request({
      method: 'PATCH',
      path: `/api/cases/${item.id}`,
      json: { priority: others[k % others.length], internalNotes: `race ${k}` },
      headers: { cookie: item.subject.cookie, 'if-match': String(item.version), ...ctx.writeHeaders },
    }).then((r) => ({ status: r.status, body: r.body, k }), () => ({ status: 'network', k }))));
    const winners = results.filter((r) => r.status === 200);
    if (winners.length === 1) {
      item.version = JSON.parse(winners[0].body).version;
      item.priority = others[winners[0].k % others.length];
    }
    return { item, winners: winners.length, losers412: results.filter((r) => r.status === 412).length, other: results.filter((r) => r.status !== 200 && r.status !== 412).length };
  }));
  const after = new Map((await pool.query(`SELECT c.id, c.version, c.priority, (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.kind = 'CASE_UPDATED')::int AS edits FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids])).rows.map((r) => [r.id, r]));
  let violations = 0;
  for (const o of outcomes) {
    const b = before.get(o.item.id);
    const a = after.get(o.item.id);
    const good = o.winners === 1 && o.losers412 === racers - 1 && a.version === b.version + 1 && a.edits === b.edits + 1 && a.priority === o.item.priority;
    if (!good) violations += 1;
  }
  return {
    cases: items.length,
    racersPerCase: racers,
    winners: outcomes.reduce((s, o) => s + o.winners, 0),
    rejected412: outcomes.reduce((s, o) => s + o.losers412, 0),
    otherStatuses: outcomes.reduce((s, o) => s + o.other, 0),
    violations,
  };
}

// After the write scenarios: every tracked case's version in the database equals the version of
// the last successful answer (no update lost, none applied twice).
export async function verifyVersions(pool, writePools) {
  const items = writePools.flatMap((p) => p.items);
  const rows = (await pool.query(`SELECT id, version FROM cases WHERE id = ANY($1::uuid[])`, [items.map((i) => i.id)])).rows;
  const db = new Map(rows.map((r) => [r.id, r.version]));
  const mismatched = items.filter((i) => db.get(i.id) !== i.version);
  return { tracked: items.length, writes: items.reduce((s, i) => s + i.writes, 0), mismatched: mismatched.length };
}

// The design load as a mix (security-and-performance.md §6: ~150 req/s at peak, mostly reads):
// the kinds interleaved in a fixed shuffled order at the read rate, each reported on its own.
export const MIX = [
  ['list.caseworker.first', 25], ['list.caseworker.deep', 5], ['list.social.first', 10], ['list.guardian.first', 5],
  ['detail.caseworker', 30], ['dashboard.caseworker', 8], ['search.fuzzy', 5], ['write.transition', 6], ['write.edit', 6],
];

export function mixScenario(ctx, scenarios) {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const parts = MIX.map(([id, weight]) => [id, weight, byId.get(id) ?? byId.get(`${id}.c1`)]).filter(([, , s]) => s);
  const slots = parts.flatMap(([id, weight]) => Array.from({ length: weight }, () => id));
  const rand = mulberry32(99);
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  const scenarioOf = new Map(parts.map(([id, , s]) => [id, s]));
  const tagOf = (i) => slots[i % slots.length];
  const via = (stack) => (i) => scenarioOf.get(tagOf(i))[stack](Math.floor(i / slots.length) * 7 + i);
  return {
    id: 'mix.design-load',
    title: `Design-load mix at ${ctx.options.rate}/s: ${parts.map(([id, w]) => `${id} ${w}%`).join(', ')}`,
    target: TARGETS.read,
    model: { type: 'open', rate: ctx.options.rate },
    tagOf,
    app: via('app'),
    fastify: via('fastify'),
    sql: via('sql'),
  };
}
