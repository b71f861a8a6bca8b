// Load generation without coordinated omission.
//
// openModel: request i is due at t0 + i/rate whatever happened to the earlier ones (a fixed
// arrival schedule, like k6's constant-arrival-rate); its latency is measured from that
// scheduled time, so a stall of the server shows up in the latencies of every request that had to
// wait, instead of silently lowering the send rate (autocannon -R, closed loops).
// closedLoop: N workers back to back, for "N concurrent users" and for saturation throughput.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';

export class HttpClient {
  constructor(baseUrl, { maxSockets = 512 } = {}) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  }

  // Resolves with { status, headers, body } (body: string); rejects on network errors and timeouts.
  request({ method = 'GET', path, headers = {}, json, timeoutMs = 30_000 }) {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const allHeaders = { accept: 'application/json', ...headers };
    if (payload) {
      allHeaders['content-type'] = 'application/json';
      allHeaders['content-length'] = String(payload.length);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.base.hostname, port: this.base.port, method, path, headers: allHeaders, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      const timer = setTimeout(() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      if (payload) req.write(payload);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const round = (v, digits = 2) => (v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits);

// Per-kind breakdown of a mixed run: { tag: { requests, errors, p50, p95, p99 } }.
function byTag(tagged) {
  if (!tagged) return undefined;
  return Object.fromEntries(Object.entries(tagged).map(([tag, { latencies, errors }]) => {
    const sorted = Float64Array.from(latencies).sort();
    return [tag, { requests: latencies.length, errors, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) }];
  }));
}

function summarize(latencies, { ok, errors, statuses, windowMs, offered, model, tagged }) {
  const sorted = Float64Array.from(latencies).sort();
  const total = sorted.reduce((s, v) => s + v, 0);
  return {
    ...(tagged ? { parts: byTag(tagged) } : {}),
    model,
    offeredRate: offered ?? null,
    requests: latencies.length,
    ok,
    errors,
    statuses,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? null),
    mean: round(latencies.length ? total / latencies.length : null),
    throughput: round(windowMs > 0 ? (ok * 1000) / windowMs : 0, 1),
  };
}

// `fire(i)` performs request i and resolves with { ok, status } (or throws: counted as an error).
async function run(fire, i, record) {
  let status;
  let ok = false;
  try {
    const result = await fire(i);
    ok = result.ok;
    status = String(result.status);
  } catch (error) {
    status = /timeout/.test(String(error?.message)) ? 'timeout' : 'network';
  }
  record(ok, status);
}

// A run stops early when the server falls hopelessly behind (more than `maxInFlight` requests
// outstanding, by default a second's worth of arrivals): the remaining requests are counted as
// dropped (errors) and the result is flagged saturated, rather than queueing minutes of backlog.
// `tagOf(i)`, for a mix of request kinds, names the kind of request i: latencies are then also
// reported per kind.
export function openModel({ rate, durationS, warmupS = 0, fire, tagOf, maxInFlight = Math.max(32, Math.ceil(rate)) }) {
  const interval = 1000 / rate;
  const warm = Math.floor(rate * warmupS);
  const total = warm + Math.max(1, Math.floor(rate * durationS));
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let okCount = 0;
  let served = 0;
  let inFlight = 0;
  const tagged = tagOf ? {} : undefined;
  let dropped = 0;
  let saturated = false;
  let lastEnd = 0;
  const t0 = performance.now() + 20;
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const finish = () => {
      const measuredStart = t0 + warm * interval;
      const windowMs = Math.max(durationS * 1000, lastEnd - measuredStart);
      const summary = summarize(latencies, { ok: okCount, errors: errors + dropped, statuses, windowMs, offered: rate, model: `open ${rate}/s`, tagged });
      resolve({ ...summary, requests: summary.requests + dropped, dropped, saturated, served });
    };
    const complete = () => {
      done += 1;
      if (done === total) finish();
    };
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        const i = next;
        const scheduled = t0 + i * interval;
        next += 1;
        if (inFlight >= maxInFlight) {
          // Hopelessly behind: stop sending; everything not yet sent is dropped.
          saturated = true;
          const remaining = total - i;
          const measured = Math.max(0, total - Math.max(i, warm));
          dropped += measured;
          if (measured) statuses.dropped = (statuses.dropped ?? 0) + measured;
          next = total;
          for (let k = 0; k < remaining; k += 1) complete();
          break;
        }
        inFlight += 1;
        void run(fire, i, (ok, status) => {
          inFlight -= 1;
          served += 1;
          const end = performance.now();
          if (i >= warm) {
            latencies.push(end - scheduled);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (ok) okCount += 1;
            else errors += 1;
            lastEnd = Math.max(lastEnd, end);
            if (tagged) {
              const t = (tagged[tagOf(i)] ??= { latencies: [], errors: 0 });
              t.latencies.push(end - scheduled);
              if (!ok) t.errors += 1;
            }
          }
          complete();
        });
      }
      if (next < total) setTimeout(tick, Math.max(0, Math.min(5, t0 + next * interval - performance.now() - 0.5)));
    };
    tick();
  });
}

export async function closedLoop({ concurrency, durationS, warmupS = 0, fire }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let okCount = 0;
  let served = 0;
  let i = 0;
  const start = performance.now();
  const measureFrom = start + warmupS * 1000;
  const stopAt = measureFrom + durationS * 1000;
  let lastEnd = measureFrom;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const began = performance.now();
      const n = i++;
      await run(fire, n, (ok, status) => {
        served += 1;
        const end = performance.now();
        if (began >= measureFrom) {
          latencies.push(end - began);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (ok) okCount += 1;
          else errors += 1;
          lastEnd = Math.max(lastEnd, end);
        }
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...summarize(latencies, { ok: okCount, errors, statuses, windowMs: lastEnd - measureFrom, model: `closed ×${concurrency}` }), served };
}
