// node bench/profile-top.mjs <file.cpuprofile> [n]: the functions with the most self time in a
// V8 CPU profile (written by `npm run bench -- --profile`), grouped by package or app file.
import { readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';

const [file, n = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-top.mjs <file.cpuprofile> [n]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
// Shares of the busy time: idle samples (waiting for the database or the network) are left out.
const idleIds = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
const total = profile.samples.filter((id) => !idleIds.has(id)).length;
const where = (url) => {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const app = /\/dist\/(server\/src\/.*|migrations\/.*)$/.exec(url);
  return app ? app[1] : url.replace(/^file:\/\//, '');
};
const byPackage = new Map();
for (const [id, count] of counts) {
  if (idleIds.has(id)) continue;
  const node = byId.get(id);
  const frame = node.callFrame;
  const key = `${frame.functionName || '(anonymous)'}  ${where(frame.url)}:${frame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + count);
  const pkg = ['(idle)', '(program)', '(garbage collector)'].includes(frame.functionName) ? frame.functionName : where(frame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
}
const pct = (c) => `${((c * 100) / total).toFixed(1).padStart(5)}%`;
console.log(`${total} busy samples of ${profile.samples.length} (${((total * 100) / profile.samples.length).toFixed(1)}% busy)\n\nby package / file (share of busy self time):`);
for (const [k, c] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(`  ${pct(c)}  ${k}`);
console.log('\nby function (share of busy self time):');
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(`  ${pct(c)}  ${k}`);
