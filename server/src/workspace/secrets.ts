import { collectSecrets, secretsOfFile } from '../cli/secrets';
import type { WorkspaceSnapshot } from './types';
import { changedSince } from './workspace';

const memo = new WeakMap<WorkspaceSnapshot, string[]>();
/** Per host grouping (one per store and file set), the last snapshot asked for and its secrets. */
const latestOf = new WeakMap<object, { snapshot: WorkspaceSnapshot; secrets: string[] }>();

/**
 * `collectSecrets(snapshot)` (cli/secrets.ts: every secret of 4+ characters, longest first) for a
 * long-lived caller: memoized per snapshot, and when the store knows which files changed since the last
 * snapshot asked for (`changedSince`) and none of them gained, lost or reordered a secret, the previous
 * array itself is returned — O(changed files) per edit instead of re-joining every file's secrets. The
 * answer always equals `collectSecrets(snapshot)`; a caller can test "secrets changed" by identity.
 */
export function workspaceSecrets(snapshot: WorkspaceSnapshot): string[] {
  let s = memo.get(snapshot);
  if (s) return s;
  const latest = latestOf.get(snapshot.hosts);
  s = latest && sameSecrets(snapshot, latest.snapshot) ? latest.secrets : collectSecrets(snapshot);
  memo.set(snapshot, s);
  latestOf.set(snapshot.hosts, { snapshot, secrets: s });
  return s;
}

/** True when every file that changed between the two snapshots holds the same secrets, in the same order. */
function sameSecrets(snapshot: WorkspaceSnapshot, earlier: WorkspaceSnapshot): boolean {
  const uris = changedSince(snapshot, earlier);
  if (!uris) return false;
  for (const uri of uris) {
    const a = earlier.files.get(uri);
    const b = snapshot.files.get(uri);
    if (a === b) continue;
    if (!a || !b) return false;
    const x = secretsOfFile(a);
    const y = secretsOfFile(b);
    if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
  }
  return true;
}
