import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root, seen from compiled test code (out/test/differential/*.js) or from the sources. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
    dir = dirname(dir);
  }
  return resolve(__dirname, '../../..');
}

/**
 * The shared folder (oracles, corpus, reference): `$VPNCONF_SHARED` when set, else `../shared` beside the
 * repository, else the first `shared/` found in a parent folder. Returns null when there is none.
 */
export function sharedDir(): string | null {
  const env = process.env.VPNCONF_SHARED;
  if (env && existsSync(env)) return resolve(env);
  const root = repoRoot();
  const sibling = resolve(root, '../shared');
  if (existsSync(join(sibling, 'oracles'))) return sibling;
  let dir = root;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'oracles'))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
