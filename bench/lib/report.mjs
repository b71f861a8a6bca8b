// The results as a table on stdout and as JSON under bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths.mjs';

const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : typeof v === 'number' ? v.toFixed(digits) : String(v));
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

// Ratios that hold on a noisy machine: the app against the floors measured minutes apart.
export function withRatios(result) {
  const { app, fastify, sql } = result.runs;
  const ratio = (a, b) => (a && b && b > 0 ? Math.round((a / b) * 100) / 100 : null);
  result.ratios = {
    p95VsFastify: ratio(app?.p95, fastify?.p95),
    p95VsSql: ratio(app?.p95, sql?.p95),
    throughputVsFastify: ratio(app?.throughput, fastify?.throughput),
    throughputVsSql: ratio(app?.throughput, sql?.throughput),
  };
  const t = result.target;
  const main = app ?? sql;
  if (t && main) {
    if (t.p95 !== undefined) result.pass = main.p95 !== null && main.p95 <= t.p95 && main.errors === 0;
    if (t.throughputRatio !== undefined) result.pass = result.ratios.throughputVsFastify !== null && result.ratios.throughputVsFastify >= t.throughputRatio && main.errors === 0;
  } else {
    result.pass = null;
  }
  return result;
}

export function printTable(results, out) {
  const cols = [
    ['scenario', 34], ['stack', 8], ['model', 16], ['p50', 8], ['p95', 8], ['p99', 8], ['req/s', 8], ['err', 5], ['RSS MB', 7], ['cpu ms/req', 10], ['db ms/req', 9],
    ['idle p50', 9], ['cost ms', 8], ['max/s', 6], ['p95 ×floor', 10], ['thr ×floor', 10], ['target', 6],
  ];
  const line = (cells) => cells.map((c, i) => (i < 3 ? pad(c, cols[i][1]) : lpad(c, cols[i][1]))).join(' ');
  out(line(cols.map(([h]) => h)));
  out('-'.repeat(cols.reduce((s, [, n]) => s + n + 1, 0)));
  for (const r of results) {
    for (const stack of ['app', 'fastify', 'sql']) {
      const run = r.runs[stack];
      if (!run) continue;
      const first = stack === (r.runs.app ? 'app' : r.runs.fastify ? 'fastify' : 'sql');
      out(line([
        first ? r.id : '',
        stack,
        run.saturated ? `${run.model} SAT` : run.model,
        fmt(run.p50, 2),
        fmt(run.p95, 2),
        fmt(run.p99, 2),
        fmt(run.throughput, 0),
        String(run.errors),
        fmt(run.rssPeakMb, 0),
        fmt(run.cpuMsPerRequest, 2),
        fmt(run.dbCpuMsPerRequest, 2),
        fmt(run.unloaded?.p50, 2),
        run.unloaded ? fmt((run.unloaded.cpuMsPerRequest ?? 0) + (run.unloaded.dbCpuMsPerRequest ?? 0), 2) : '–',
        fmt(run.unloaded?.capacityPerS, 0),
        stack === 'app' ? fmt(r.ratios.p95VsFastify, 2) : '',
        stack === 'app' ? fmt(r.ratios.throughputVsFastify, 2) : '',
        first ? (r.pass === null || r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS') : '',
      ]));
    }
  }
}

export function writeJson(report) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = join(RESULTS_DIR, `bench-${report.options.mode}-${stamp}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), text);
  return file;
}
