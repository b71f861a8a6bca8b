// node bench/report-md.mjs [bench-results/latest.json]: the run as Markdown tables, the form
// docs/performance.md records them in.
import { readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';

const file = process.argv[2] ?? 'bench-results/latest.json';
const r = JSON.parse(readFileSync(file, 'utf8'));
const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : typeof v === 'number' ? v.toFixed(d) : String(v));
const out = (s = '') => console.log(s);

out(`Run ${r.startedAt} (${r.options.mode}, scale ${r.options.scale}, ${r.options.durationS} s per run after ${r.options.warmupS} s warm-up), commit ${r.machine.commit ?? '?'}, ` +
  `${r.machine.cpus} CPUs, PostgreSQL ${r.machine.pgVersion}, Node ${r.machine.node}; load average at start ${r.loadAvgAtStart.map((l) => l.toFixed(1)).join(' / ')}, ` +
  `at end ${(r.loadAvgAtEnd ?? []).map((l) => l.toFixed(1)).join(' / ')}.`);
out();
out('| Scenario | Stack | Load | p50 | p95 | p99 | req/s | Errors | Idle p50 | CPU ms/req (app + DB) | Max req/s on 2 cores | RSS MB | p95 × Fastify floor | Target |');
out('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const s of r.results) {
  for (const stack of ['app', 'fastify', 'sql']) {
    const run = s.runs[stack];
    if (!run) continue;
    const u = run.unloaded;
    const cost = u ? (u.cpuMsPerRequest ?? 0) + (u.dbCpuMsPerRequest ?? 0) : null;
    const first = stack === (s.runs.app ? 'app' : s.runs.fastify ? 'fastify' : 'sql');
    out(`| ${first ? `\`${s.id}\`` : ''} | ${stack} | ${run.model}${run.saturated ? ' **saturated**' : ''} | ${f(run.p50)} | ${f(run.p95)} | ${f(run.p99)} | ${f(run.throughput, 0)} | ${run.errors} | ` +
      `${f(u?.p50)} | ${u ? `${f(cost, 2)} (${f(u.cpuMsPerRequest ?? 0, 2)} + ${f(u.dbCpuMsPerRequest, 2)})` : '–'} | ${f(u?.capacityPerS, 0)} | ${f(run.rssPeakMb, 0)} | ` +
      `${stack === 'app' ? f(s.ratios.p95VsFastify, 2) : ''} | ${first ? `${s.target?.label ?? ''} ${s.pass === true ? '✅' : s.pass === false ? '❌' : ''}` : ''} |`);
  }
}
for (const s of r.results.filter((x) => x.runs.app?.parts && Object.keys(x.runs.app.parts).length)) {
  out();
  out(`Mix \`${s.id}\` per kind (p95 ms): app / Fastify floor / SQL floor`);
  out();
  out('| Kind | n | Errors | p50 | p95 | p99 | Fastify p95 | SQL p95 |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [tag, p] of Object.entries(s.runs.app.parts)) {
    out(`| ${tag} | ${p.requests} | ${p.errors} | ${f(p.p50)} | ${f(p.p95)} | ${f(p.p99)} | ${f(s.runs.fastify?.parts?.[tag]?.p95)} | ${f(s.runs.sql?.parts?.[tag]?.p95)} |`);
  }
}
out();
out(`App server RSS: ${r.appRssAfterStartMb} MB after start, peak ${r.appPeakRssMb} MB (VmHWM).`);
if (r.lostUpdates) out(`Lost updates: ${JSON.stringify(r.lostUpdates)}.`);
if (r.searchPopulation) out(`Search population: ${JSON.stringify(r.searchPopulation)}.`);
if (r.auditChain) out(`Audit chain after the run: ${JSON.stringify(r.auditChain)}.`);
if (r.bundle && !r.bundle.error) {
  out();
  out(`SPA: initial JS ${r.bundle.initial.jsGzipKb} KB gzip (budget ${r.bundle.budget.initialKb}; ${r.bundle.initial.files.map((x) => (typeof x === 'string' ? x : `${x.file} ${x.gzipKb}`)).join(', ')}), CSS ${r.bundle.initial.cssGzipKb} KB gzip.`);
  out();
  out('| Lazy route chunk | Chunk KB gzip | Route total KB gzip (not in the initial JS) | Budget 100 KB |');
  out('|---|---:|---:|---|');
  for (const x of r.bundle.routes) out(`| ${x.chunk} | ${x.chunkGzipKb} | ${x.routeGzipKb} | ${x.withinBudget ? '✅' : '❌'} |`);
}
