// node bench/experiments/search-probe.mjs <cluster kept with --keep-data> <experiment.mjs>
//
// Times variants of the fuzzy-search candidate statement on a kept bench cluster (F8 in
// docs/performance.md). The experiment module's default export gets { pool, time, keysOf, names,
// CANDIDATE_SQL } and runs what it likes: time(label, sql, params, threshold, explain) runs a
// statement 5 times in the search's settings and prints the median.
import console from 'node:console';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { newPool, openDatabase } from '../lib/database.mjs';
import { serverModule } from '../lib/paths.mjs';
const { CANDIDATE_SQL } = serverModule('minors/minor-search.repository.js');
const database = await openDatabase({ dataDir: process.argv[2] });
const pool = newPool(database.url);
const SETTINGS = `SELECT set_config('pg_trgm.similarity_threshold', $1, true), set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)`;
async function time(label, sql, params, thr = '0.5', explain = false) {
  const c = await pool.connect();
  try {
    const ts = [];
    let rows;
    for (let i = 0; i < 5; i++) {
      await c.query('BEGIN');
      await c.query(SETTINGS, [thr]);
      const t0 = performance.now();
      rows = (await c.query(sql, params)).rows;
      ts.push(performance.now() - t0);
      await c.query('ROLLBACK');
    }
    ts.sort((a, b) => a - b);
    console.log(`${label.padEnd(50)} median ${ts[2].toFixed(1)} ms  rows ${rows.length}`);
    if (explain) {
      await c.query('BEGIN'); await c.query(SETTINGS, [thr]);
      console.log((await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n'));
      await c.query('ROLLBACK');
    }
    return rows;
  } finally { c.release(); }
}
const names = ['Mohamed Ibrahim', 'Oleksandr Kovalenko', 'Rakib Hosen', 'Lamin Jalow'];
const keysOf = async (n) => (await pool.query(`SELECT public.translit_key($1) AS key, public.phonetic_key($1) AS phon, btrim(public.norm_name($1)) AS norm`, [n])).rows[0];
const experiment = await import(resolve(process.argv[3]));
await experiment.default({ pool, time, keysOf, names, CANDIDATE_SQL });
await pool.end();
await database.stop();
