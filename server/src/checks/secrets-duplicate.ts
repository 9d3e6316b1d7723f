import { posix } from 'node:path';
import type { Finding, Range } from '../core/types';
import type { SecretEntry } from '../languages/secrets/ast';
import { idKey, secretsReadOrder, type ReadEntry } from '../model/secrets';
import type { Host } from '../workspace/hosts';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import { perHost } from './util';
import type { WorkspaceCheck } from './types';

/**
 * `secrets-duplicate`: two PSK (or XAUTH) entries visible to one host whose ID selectors select exactly
 * the same conns. Warning on the later entry, `related` pointing at the earlier one.
 *
 * The rule, from Libreswan's lib/libswan/secrets.c (v4.10 `lsw_find_secret_by_id`, v5 `secret_find_by_id`;
 * `add_secret`, `process_secret_records`):
 * - Secrets are read in file order, an `include` being read in place (glob matches in sorted order, as
 *   lib/libswan/lswglob.c calls glob() without GLOB_NOSORT; see model/secrets.ts `secretsReadOrder`), and
 *   each new entry is pushed on the front of the list, so the list runs backwards.
 * - For a conn, every entry of the wanted kind is scored by its selectors; on an equal score with a different
 *   key the search moves `best` to the entry found later in the (backwards) list, i.e. the one read first.
 *   So of two entries that score the same for every conn, the first one read is used and the other is dead.
 * - Two selector lists score the same for every pair of IDs when they hold the same set of IDs (addresses
 *   compared as addresses, `@names` case-insensitively, see model/secrets.ts `idKey`), except that a list of
 *   exactly one ID that is not `%any` also matches "me and any peer": that single form is kept apart.
 *   An entry without selectors is stored with two wildcard IDs, so it equals `%any` and `%any %any`.
 * - Only kinds that are looked up by ID count: PSK and XAUTH. RSA/ECDSA entries are found by their key
 *   (CKAID / public key), not by ID; PPKS by their PPK id. Entries of different kinds never compete.
 */
export const check: WorkspaceCheck = {
  code: 'secrets-duplicate',
  defaultSeverity: 'warning',
  description: 'Two secrets entries of one host have the same IDs: Libreswan uses the first one it reads and ignores the other.',
  scope: 'workspace',
  ...perHost((snapshot, host) => duplicatesOnHost(snapshot, host)),
};

/** Kinds of secret Libreswan looks up by ID selectors (secrets.c); the others select by key or PPK id. */
const BY_ID = new Set(['PSK', 'XAUTH']);

function duplicatesOnHost(snapshot: WorkspaceSnapshot, host: Host): Finding[] {
  const seen = new Map<string, ReadEntry>();
  const out: Finding[] = [];
  for (const r of secretsReadOrder(snapshot, host)) {
    if (!BY_ID.has(r.entry.kind)) continue;
    const key = `${r.entry.kind} ${selectorKey(r.entry)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const where = `${posix.basename(first.file.path)} line ${first.entry.range.start.line + 1}`;
    const sameKey = first.entry.secret !== null && first.entry.secret === r.entry.secret;
    const ids = r.entry.selectors.length ? `(${r.entry.selectors.map((s) => s.text).join(' ')})` : '(none: the default entry)';
    const tail = sameKey
      ? 'both hold the same key, so this one is redundant'
      : 'Libreswan uses the earlier entry for these IDs and never this one';
    out.push({
      uri: r.file.uri,
      range: headRange(r.entry),
      severity: 'warning',
      code: 'secrets-duplicate',
      message: `This ${r.entry.kind} entry has the same IDs ${ids} as the one at ${where}; ${tail}.`,
      related: [{ uri: first.file.uri, range: headRange(first.entry), message: `earlier ${first.entry.kind} entry with the same IDs (the one Libreswan uses)` }],
    });
  }
  return out;
}

/** The selectors and kind of an entry (never the secret): where the finding is shown. 0-based. */
function headRange(entry: SecretEntry): Range {
  return { start: entry.range.start, end: entry.kindRange.end };
}

/**
 * A key equal for two entries exactly when Libreswan scores them the same for every conn: `one:<id>` for a
 * single non-wildcard selector, else `set:` and the sorted distinct IDs (no selectors = `%any`).
 */
export function selectorKey(entry: SecretEntry): string {
  const keys = entry.selectors.map((s) => idKey(s.text) ?? `raw:${s.text}`);
  if (keys.length === 1 && keys[0] !== 'any') return `one:${keys[0]}`;
  if (keys.length === 0) keys.push('any');
  return `set:${[...new Set(keys)].sort().join(' ')}`;
}

/** Quick fix: delete the whole lines of the duplicate entry under the finding. */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const file = snapshot.files.get(finding.uri);
  if (!file || file.parsed.languageId !== 'libreswan-secrets') return [];
  const entry = file.parsed.ast.entries.find((e) => e.range.start.line === finding.range.start.line);
  if (!entry) return [];
  const endLine = entry.range.end.line + 1;
  const end = endLine < file.lines.length ? { line: endLine, character: 0 } : { line: entry.range.end.line, character: file.lines[entry.range.end.line]?.length ?? 0 };
  return [{ title: 'Remove this duplicate secrets entry', edits: [{ uri: file.uri, range: { start: { line: entry.range.start.line, character: 0 }, end }, newText: '' }], isPreferred: true }];
}
