import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The server's own folder (server/), found from either src/ (tests) or dist/server/src/ (built).
function findServerRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'assets')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`server root not found from ${start}`);
    dir = parent;
  }
}

export const SERVER_ROOT = findServerRoot(__dirname);
export const REPO_ROOT = resolve(SERVER_ROOT, '..');
export const assetPath = (...parts: string[]) => join(SERVER_ROOT, 'assets', ...parts);
export const CLIENT_DIST = join(REPO_ROOT, 'client', 'dist');
