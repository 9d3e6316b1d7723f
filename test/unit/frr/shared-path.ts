/** Locates the repository root and the sibling `shared/` folder (corpus, oracles, references). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root: the folder holding package.json above this compiled file (out/test/unit/frr). */
export function repoRoot(): string {
  let d = resolve(__dirname);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'server'))) return d;
    d = resolve(d, '..');
  }
  return resolve(__dirname, '..', '..', '..', '..');
}

/** `../shared` relative to the repo root (or `../../shared` for a worktree under /work/wt/<name>); null if absent. */
export function sharedDir(): string | null {
  const root = repoRoot();
  const cands = [process.env.VPNCONF_SHARED, join(root, '..', 'shared'), join(root, '..', '..', 'shared')];
  for (const c of cands) if (c && existsSync(join(c, 'corpus'))) return c;
  return null;
}
