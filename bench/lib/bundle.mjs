// The SPA's download cost, from the production build in client/dist (no Vite manifest needed):
// the initial JavaScript is the entry script of index.html plus the static-import closure
// (what the modulepreload links fetch); each lazy route is a dynamic import() of the entry, and
// what navigating there costs is the route chunk plus the static imports not already loaded.
// Sizes are gzip -9 (zlib), as a server or CDN would send them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIST } from './paths.mjs';

export const BUDGET = { initialKb: 250, lazyRouteKb: 100 };

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export function measureBundle(dist = CLIENT_DIST) {
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) return { error: `no ${indexFile}: build the client first (npm run build)` };
  const html = readFileSync(indexFile, 'utf8');
  const assetName = (href) => href.replace(/^\/?assets\//, '').replace(/^\//, '');
  const entry = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => assetName(m[1]));
  const cache = new Map();
  const file = (name) => {
    if (!cache.has(name)) {
      const raw = readFileSync(join(dist, 'assets', name));
      cache.set(name, { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, text: name.endsWith('.js') ? raw.toString('utf8') : '' });
    }
    return cache.get(name);
  };
  const staticImports = (name) => [...file(name).text.matchAll(/(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]);
  const dynamicImports = (name) => [...file(name).text.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]);
  const closure = (roots) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length) {
      const name = stack.pop();
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...staticImports(name));
    }
    return seen;
  };
  const sum = (names) => [...names].reduce((s, n) => s + file(n).gzip, 0);

  const entryName = assetName(entry);
  const initial = closure([entryName]);
  const initialJs = sum(initial);
  // Dynamic imports anywhere reachable (a lazy route may itself load lazy parts).
  const lazy = [];
  const queue = [...initial];
  const visited = new Set();
  while (queue.length) {
    const name = queue.shift();
    if (visited.has(name)) continue;
    visited.add(name);
    for (const target of dynamicImports(name)) {
      if (!initial.has(target) && !lazy.includes(target)) lazy.push(target);
      queue.push(...closure([target]));
    }
  }
  const routes = lazy.map((name) => {
    const own = closure([name]);
    const extra = [...own].filter((n) => !initial.has(n));
    return {
      chunk: name,
      chunkGzipKb: kb(file(name).gzip),
      // What navigating to the route downloads on top of the initial JavaScript.
      routeGzipKb: kb(sum(extra)),
      files: extra.length,
      withinBudget: kb(sum(extra)) <= BUDGET.lazyRouteKb,
    };
  });
  const cssGzip = css.reduce((s, n) => s + file(n).gzip, 0);
  return {
    initial: { files: [...initial].map((n) => ({ file: n, gzipKb: kb(file(n).gzip) })).sort((a, b) => b.gzipKb - a.gzipKb), jsGzipKb: kb(initialJs), jsRawKb: kb([...initial].reduce((s, n) => s + file(n).raw, 0)), cssGzipKb: kb(cssGzip), withinBudget: kb(initialJs) <= BUDGET.initialKb },
    routes: routes.sort((a, b) => a.chunk.localeCompare(b.chunk)),
    budget: BUDGET,
  };
}
