// node bench/compare-md.mjs <before.json[,before2.json…]> <after.json[,after2.json…]>: runs on the
// same data (for example the current build and BENCH_SERVER_DIST=<patched build>, both with
// --cost-only, alternated so that the machine's load drifts over both) side by side: unloaded
// latency and CPU per request (app + database), and what two cores can serve. With several runs
// per side, each figure is the best (lowest) of that side's runs: noise only ever adds.
import { readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: node bench/compare-md.mjs <before.json> <after.json>');
const read = (list) => list.split(',').map((file) => JSON.parse(readFileSync(file, 'utf8')));
const befores = read(beforeFile);
const afters = read(afterFile);
const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(d));
const cost = (u) => (u ? (u.cpuMsPerRequest ?? 0) + (u.dbCpuMsPerRequest ?? 0) : null);
const load = (runs) => runs.map((r) => `${r.startedAt} (load ${r.loadAvgAtStart[0].toFixed(1)})`).join(', ');
// The best of a side's runs for one scenario: lowest cost, and its idle p50 and capacity.
const best = (runs, id) => {
  const candidates = runs.map((r) => r.results.find((x) => x.id === id)).filter(Boolean)
    .map((res) => res.runs[res.runs.app ? 'app' : 'sql']?.unloaded).filter(Boolean);
  if (!candidates.length) return null;
  return { p50: Math.min(...candidates.map((u) => u.p50)), cost: Math.min(...candidates.map(cost)), capacityPerS: Math.max(...candidates.map((u) => u.capacityPerS ?? 0)) };
};

console.log(`Before: ${load(befores)}; after: ${load(afters)}.`);
console.log('');
console.log('| Scenario (app) | Idle p50 before → after (ms) | CPU ms/request app + DB, before → after | × | Max req/s on 2 cores, before → after |');
console.log('|---|---:|---:|---:|---:|');
for (const b of befores[0].results) {
  const stack = b.runs.app ? 'app' : 'sql';
  const ub = best(befores, b.id);
  const ua = best(afters, b.id);
  if (!ub || !ua) continue;
  console.log(`| \`${b.id}\`${stack === 'sql' ? ' (SQL)' : ''} | ${f(ub.p50)} → ${f(ua.p50)} | ${f(ub.cost, 2)} → ${f(ua.cost, 2)} | ${f(ub.cost / ua.cost, 1)} | ${f(ub.capacityPerS, 0)} → ${f(ua.capacityPerS, 0)} |`);
}
