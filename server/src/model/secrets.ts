import type { SecretEntry } from '../languages/secrets/ast';
import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { posix } from 'node:path';
import { canonicalAddress } from './ip';
import { resolveInclude } from './libreswan';

/**
 * Pre-shared keys of a host and the way Libreswan picks one for a conn (lib/libswan/secrets.c,
 * `lsw_get_secret`): every PSK entry is scored by its ID selectors against the conn's local and remote
 * IDs; the best score wins, the first entry wins a tie. Scores, best first:
 * `me him` (both IDs named) > `me %any` > `me` alone (a single selector: any peer) > `him %any` >
 * `%any` alone or a bare `: PSK` (no selectors: stored as two wildcards, so the same score). An entry naming only the peer, or naming IDs that are
 * neither, does not match. "First" is in the order pluto reads the files (`secretsReadOrder`): an
 * `include` in ipsec.secrets is read where it stands.
 */

/** A normalized ID: `ip:<canonical address>`, `fqdn:<lower-case name>`, `text:<as written>`, or `any`. */
export type IdKey = string;

/**
 * Normalizes an ID or address as written in ipsec.conf (`leftid=`, `left=`) or a secrets selector.
 * Returns `any` for `%any`, `%any6`, `0.0.0.0`, `::`; null for values that name no fixed ID
 * (`%defaultroute`, `%fromcert`, `%none`, empty).
 */
export function idKey(text: string | undefined): IdKey | null {
  if (!text) return null;
  const t = text.trim().replace(/^"|"$/g, '');
  if (!t) return null;
  if (t === '%any' || t === '%any6' || t === '0.0.0.0' || t === '::') return 'any';
  if (t.startsWith('%')) return null;
  const ip = canonicalAddress(t);
  if (ip) return `ip:${ip}`;
  if (t.startsWith('@')) return `fqdn:${t.replace(/^@+/, '').replace(/\.$/, '').toLowerCase()}`;
  return `text:${t}`;
}

/** A PSK entry of a host's secrets file. `bytes` is the decoded key: compare it, never show it. */
export interface PskEntry {
  entry: SecretEntry;
  /** `idKey` of each selector, computed once (matching scores every entry for every conn). */
  keys?: readonly (IdKey | null)[];
  file: AnalyzedFile;
  /** Hex of the decoded key bytes (for equality only; never printed). */
  bytes: string;
  /** Length in characters as the user typed it (quotes and `0t` removed), for masked display. */
  length: number;
}

/** Decodes a Libreswan secret as written (`"text"`, `0x..` hex, `0s..` base64, `0t..` text) to hex bytes. */
export function decodeSecret(secret: string): string {
  if (/^0[xX]/.test(secret)) return secret.slice(2).replace(/_/g, '').toLowerCase();
  if (/^0[sS]/.test(secret)) return Buffer.from(secret.slice(2), 'base64').toString('hex');
  if (/^0[tT]/.test(secret)) return Buffer.from(secret.slice(2), 'utf8').toString('hex');
  return Buffer.from(secret, 'utf8').toString('hex');
}

/** The PSK text as a cloud console sees it (for format checks): null for hex/base64 forms. Never printed. */
export function pskText(secret: string): string | null {
  if (/^0[xXsS]/.test(secret)) return null;
  return /^0[tT]/.test(secret) ? secret.slice(2) : secret;
}

/** One secrets entry in the order Libreswan reads it, with the file it is in. */
export interface ReadEntry {
  entry: SecretEntry;
  file: AnalyzedFile;
}

/**
 * The host's secrets entries in the order Libreswan reads them: `ipsec.secrets` line by line with each
 * `include` read in place (relative to the including file; `/etc/...` re-rooted at the host, as for
 * ipsec.conf includes), at most 10 levels deep; then the host's secrets files no include reached, by path.
 * A file read twice contributes its entries once.
 */
export function secretsReadOrder(snapshot: WorkspaceSnapshot, host: Host): ReadEntry[] {
  return secretsWalk(snapshot, host).order;
}

/** The secrets files of a host as pluto reaches them (see `secretsReadOrder`). */
export interface SecretsReach {
  /** The host's `ipsec.secrets` (the file pluto opens), if the workspace has one. */
  main: AnalyzedFile | undefined;
  /** Every secrets file of the host, by path. */
  files: AnalyzedFile[];
  /** The files read from `main` through its includes (nested), `main` included; empty without `main`. */
  reached: ReadonlySet<AnalyzedFile>;
}

/** Which secrets files of a host pluto reads from `ipsec.secrets` (and its nested includes), and which not. */
export function secretsReach(snapshot: WorkspaceSnapshot, host: Host): SecretsReach {
  const { main, files, reached } = secretsWalk(snapshot, host);
  return { main, files, reached };
}

/** `files` grouped by folder (absolute POSIX path), in the given order: the index `resolveInclude` looks secrets includes up in. */
export function secretsFilesByDir(files: readonly AnalyzedFile[]): Map<string, AnalyzedFile[]> {
  const byDir = new Map<string, AnalyzedFile[]>();
  for (const f of files) {
    const d = posix.dirname(f.path);
    const list = byDir.get(d);
    if (list) list.push(f);
    else byDir.set(d, [f]);
  }
  return byDir;
}

function secretsWalk(snapshot: WorkspaceSnapshot, host: Host): SecretsReach & { order: ReadEntry[] } {
  const files = host.fileUris
    .map((u) => snapshot.files.get(u))
    .filter((f): f is AnalyzedFile => f?.parsed.languageId === 'libreswan-secrets')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byDir = secretsFilesByDir(files);
  const out: ReadEntry[] = [];
  const done = new Set<AnalyzedFile>();
  const read = (file: AnalyzedFile, depth: number, stack: Set<AnalyzedFile>): void => {
    if (file.parsed.languageId !== 'libreswan-secrets' || depth > 10 || stack.has(file)) return;
    stack.add(file);
    const ast = file.parsed.ast;
    const items: Array<{ line: number; entry?: SecretEntry; include?: string }> = [
      ...ast.entries.map((entry) => ({ line: entry.range.start.line, entry })),
      ...ast.includes.map((inc) => ({ line: inc.line, include: inc.path })),
    ].sort((a, b) => a.line - b.line);
    if (!done.has(file)) {
      done.add(file);
      for (const it of items) {
        if (it.entry) out.push({ entry: it.entry, file });
        else if (it.include) for (const f of resolveInclude(file.path, it.include, byDir).sort((a, b) => (a.path < b.path ? -1 : 1))) read(f, depth + 1, stack);
      }
    }
    stack.delete(file);
  };
  const main = files.find((f) => posix.basename(f.path) === 'ipsec.secrets');
  if (main) read(main, 0, new Set());
  const reached = new Set(done);
  for (const f of files) read(f, 0, new Set());
  return { main, files, reached, order: out };
}

const pskCache = new WeakMap<Host, { files: readonly AnalyzedFile[]; psks: PskEntry[] }>();

/**
 * Every PSK entry of the host's secrets files, in the order Libreswan reads them (`secretsReadOrder`).
 * The same array is returned while the host's secrets files are the same objects (so `findPsk` answers and
 * tunnel ends built from it can be reused across edits of the host's other files).
 */
export function hostPsks(snapshot: WorkspaceSnapshot, host: Host): PskEntry[] {
  const files = host.fileUris.map((u) => snapshot.files.get(u)).filter((f): f is AnalyzedFile => f?.languageId === 'libreswan-secrets');
  const hit = pskCache.get(host);
  if (hit && hit.files.length === files.length && hit.files.every((f, i) => f === files[i])) return hit.psks;
  const psks = readPsks(snapshot, host);
  pskCache.set(host, { files, psks });
  return psks;
}

/**
 * Drops the cached PSK entries of `host` (CLI streaming, cli/stream.ts: once a host's tunnel ends hold the
 * entries they use, the cache would only keep the host's secrets files, text and AST, alive).
 */
export function forgetHostPsks(host: Host): void {
  pskCache.delete(host);
}

function readPsks(snapshot: WorkspaceSnapshot, host: Host): PskEntry[] {
  const out: PskEntry[] = [];
  for (const { entry, file } of secretsReadOrder(snapshot, host)) {
    if (entry.kind !== 'PSK' || entry.secret === null) continue;
    const typed = pskText(entry.secret);
    out.push({ entry, file, bytes: decodeSecret(entry.secret), length: [...(typed ?? entry.secret)].length, keys: entry.selectors.map((s) => idKey(s.text)) });
  }
  return out;
}

const ME = 0o10;
const HIM = 0o4;
const ANY = 0o2;
const DEFAULT = 0o1;
/** The scores secrets.c accepts (its `switch (match)`): a lone wildcard (`%any`, or no selectors) is one. */
const GOOD = new Set([ANY, ME | DEFAULT, ME | ANY, HIM | ANY, ME | HIM]);

/**
 * Libreswan's score of one PSK entry for a conn, or 0 when it does not match. `local` null means the
 * local ID is unknown (e.g. `left=%defaultroute` without `leftid=`): then a selector that is not the
 * peer and not `%any` is taken to be this host's address, as it will be at run time.
 */
export function matchScore(entry: SecretEntry, local: IdKey | null, remote: IdKey | null, keys?: readonly (IdKey | null)[]): number {
  // secrets.c add_secret stores an entry without selectors as two wildcard IDs: it scores as `%any`.
  if (entry.selectors.length === 0) return ANY;
  let match = 0;
  for (let i = 0; i < entry.selectors.length; i++) {
    const k = keys ? keys[i] : idKey(entry.selectors[i].text);
    if (k === 'any') {
      match |= ANY;
      continue;
    }
    if (k !== null && remote !== null && k === remote) match |= HIM;
    else if (k !== null && (local === null ? true : k === local)) match |= ME;
  }
  if (match === ME && entry.selectors.length === 1) match |= DEFAULT;
  return GOOD.has(match) ? match : 0;
}

const findMemo = new WeakMap<readonly PskEntry[], Map<string, PskEntry | null>>();

/**
 * The PSK Libreswan would use for a conn with these IDs, or null when no entry matches. Memoized per
 * entries array and ID pair: a hub with N conns and N entries otherwise scores N² pairs on every edit.
 */
export function findPsk(psks: readonly PskEntry[], local: IdKey | null, remote: IdKey | null): PskEntry | null {
  let memo = findMemo.get(psks);
  if (!memo) findMemo.set(psks, (memo = new Map()));
  const key = `${local === null ? '\u0001' : local}\u0000${remote === null ? '\u0001' : remote}`;
  let hit = memo.get(key);
  if (hit === undefined) memo.set(key, (hit = scorePsks(psks, local, remote)));
  return hit;
}

function scorePsks(psks: readonly PskEntry[], local: IdKey | null, remote: IdKey | null): PskEntry | null {
  let best: PskEntry | null = null;
  let bestScore = 0;
  for (const p of psks) {
    const s = matchScore(p.entry, local, remote, p.keys);
    if (s > bestScore) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

/** Masked form of a key for display: bullets and the length, never the key. */
export function maskPsk(length: number): string {
  return `•••• (${length} characters)`;
}
