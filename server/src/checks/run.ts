import type { FileProblem, Finding, Severity } from '../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { CHECKS } from './index';
import type { Host } from '../workspace/hosts';
import type { Check, FileCheck, WorkspaceCheck } from './types';
import { SectionCache } from './sections';
import { pushAll } from '../core/arrays';
import { changedSince } from '../workspace/workspace';

/** A severity override per code (`"off"` drops the finding), from the `vpnconf.checks` setting. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/**
 * Caches file-check results per analyzed file object and options, so an edit re-runs the file checks of
 * the edited file only — and, in a Libreswan file parsed incrementally, the section-local checks of the
 * edited sections only (sections.ts). Per-host workspace checks are cached per host (`hostFindings`).
 */
export class CheckCache {
  private readonly perFile = new WeakMap<AnalyzedFile, { key: string; problems: FileProblem[]; findings: Finding[] }>();
  /** Section-local check results of incrementally parsed Libreswan files (sections.ts). */
  private readonly sections = new SectionCache();

  private readonly optionKeys = new WeakMap<object, string>();

  /** JSON of the options, once per options object (not once per file: 47,000 files on a large workspace). */
  optionsKey(options: object): string {
    let k = this.optionKeys.get(options);
    if (k === undefined) {
      k = JSON.stringify(options);
      this.optionKeys.set(options, k);
    }
    return k;
  }

  /** The file-check problems of one file (cached per file object and options). */
  fileProblems(file: AnalyzedFile, snapshot: WorkspaceSnapshot, checks: readonly Check[]): FileProblem[] {
    return this.fileEntry(file, snapshot, checks).problems;
  }

  /**
   * The final findings of one file: its file-check problems as findings plus `extra` (its workspace
   * findings, in check order), with the overrides applied and sorted. The previous array is returned when
   * all three inputs are the same objects as last time for this file object.
   */
  fileResult(file: AnalyzedFile, snapshot: WorkspaceSnapshot, checks: readonly Check[], extra: readonly Finding[], overrides: SeverityOverrides): Finding[] {
    const own = this.fileEntry(file, snapshot, checks).findings;
    const hit = this.results.get(file);
    if (hit && hit.own === own && hit.overrides === overrides && hit.extra.length === extra.length && hit.extra.every((f, i) => f === extra[i])) return hit.out;
    const out = applySeverity(extra.length ? [...own, ...extra] : own, overrides);
    this.results.set(file, { own, extra, overrides, out });
    return out;
  }

  private readonly results = new WeakMap<AnalyzedFile, { own: readonly Finding[]; extra: readonly Finding[]; overrides: SeverityOverrides; out: Finding[] }>();

  private fileEntry(file: AnalyzedFile, snapshot: WorkspaceSnapshot, checks: readonly Check[]): { key: string; problems: FileProblem[]; findings: Finding[] } {
    const key = this.optionsKey(snapshot.options);
    const hit = this.perFile.get(file);
    if (hit && hit.key === key) return hit;
    const problems: FileProblem[] = [];
    const mine = checks.filter((c): c is FileCheck => c.scope === 'file' && c.languages.includes(file.languageId));
    const local = mine.filter((c) => c.sectionLocal);
    const bySection = local.length ? this.sections.problems(file, local, key, (c, f) => safely(() => c.run(f, snapshot), c.code, f)) : null;
    for (const c of mine) pushAll(problems, (bySection?.get(c.code) ?? safely(() => c.run(file, snapshot), c.code, file)));
    if (file.parseProblems.some((p) => p.code === 'internal-error')) pushAll(problems, file.parseProblems.filter((p) => p.code === 'internal-error'));
    const entry = { key, problems, findings: problems.map((p) => ({ ...p, uri: file.uri })) };
    this.perFile.set(file, entry);
    return entry;
  }

  /** Per host and check: the findings of `runHost`, reused while the host's files and the options are the same. */
  private readonly perHost = new WeakMap<Host, Map<string, HostEntry>>();
  /** The last two snapshots seen and the hosts whose files differ between them (null: regrouped, or first). */
  private delta: { prev: WorkspaceSnapshot | null; cur: WorkspaceSnapshot | null; changed: Host[] | null } = { prev: null, cur: null, changed: null };
  /** Per per-host check: the snapshot its flat result was last made for, and that result. */
  private readonly flat = new Map<string, { snapshot: WorkspaceSnapshot; key: string; out: Finding[] }>();

  /**
   * Moves the delta on to `snapshot` (once per snapshot): the hosts whose files are not the same objects.
   * When the store recorded what changed since `prev` (`changedSince`), only those URIs are compared.
   */
  private advance(snapshot: WorkspaceSnapshot): void {
    if (this.delta.cur === snapshot) return;
    const prev = this.delta.cur;
    let changed: Host[] | null = null;
    if (prev && prev.hosts === snapshot.hosts && prev.files.size === snapshot.files.size) {
      const uris = changedSince(snapshot, prev) ?? snapshot.files.keys();
      const set = new Set<Host>();
      for (const uri of uris) {
        if (prev.files.get(uri) === snapshot.files.get(uri)) continue;
        const host = snapshot.hosts.hostOfUri.get(uri);
        if (host) set.add(host);
      }
      changed = [...set];
    }
    this.delta = { prev, cur: snapshot, changed };
  }

  /** The cached or fresh findings of `c` on one host. */
  private hostEntry(c: WorkspaceCheck, snapshot: WorkspaceSnapshot, host: Host, key: string): { before: HostEntry | undefined; now: HostEntry } {
    const files = host.fileUris.map((u) => snapshot.files.get(u));
    let perCheck = this.perHost.get(host);
    if (!perCheck) this.perHost.set(host, (perCheck = new Map()));
    const before = perCheck.get(c.code);
    if (before && before.key === key && sameFiles(before.files, files)) return { before, now: before };
    const now = { files, key, findings: c.runHost!(snapshot, host) };
    perCheck.set(c.code, now);
    return { before, now };
  }

  /**
   * Findings of a per-host workspace check on every host, re-running it only on hosts whose files changed.
   * Host objects are replaced whenever the set of files changes (workspace.ts), so a cached entry never
   * outlives the grouping it was computed for. When the previous result was made for the previous
   * snapshot, only the changed hosts are visited, and the previous array is returned as is unless one of
   * them gained or lost findings (an edit in a 1,000-host workspace then costs O(changed hosts), not
   * O(hosts) per check). The returned array is shared: callers must not modify it.
   */
  hostFindings(c: WorkspaceCheck, snapshot: WorkspaceSnapshot): readonly Finding[] {
    const key = this.optionsKey(snapshot.options);
    this.advance(snapshot);
    const last = this.flat.get(c.code);
    if (last && last.snapshot === snapshot && last.key === key) return last.out;
    const { prev, changed } = this.delta;
    if (last && last.key === key && last.snapshot === prev && changed) {
      let same = true;
      for (const host of changed) {
        const { before, now } = this.hostEntry(c, snapshot, host, key);
        if (before !== now && (before?.findings.length || now.findings.length)) same = false;
      }
      if (same) {
        this.flat.set(c.code, { snapshot, key, out: last.out });
        return last.out;
      }
    }
    // After an edit (delta known, previous result made for `prev`), the unchanged hosts' entries are still
    // valid: take them as they are instead of comparing every host's files again.
    const known = last && last.key === key && last.snapshot === prev && changed ? new Set(changed) : null;
    const out: Finding[] = [];
    for (const host of snapshot.hosts.hosts.values()) {
      const entry = known && !known.has(host) ? this.perHost.get(host)?.get(c.code) : undefined;
      for (const f of (entry ?? this.hostEntry(c, snapshot, host, key).now).findings) out.push(f);
    }
    this.flat.set(c.code, { snapshot, key, out });
    return out;
  }
}

interface HostEntry {
  files: readonly (AnalyzedFile | undefined)[];
  key: string;
  findings: Finding[];
}

function sameFiles(a: readonly (AnalyzedFile | undefined)[], b: readonly (AnalyzedFile | undefined)[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

function safely<T extends FileProblem>(run: () => T[], code: string, file?: AnalyzedFile): T[] {
  try {
    return run();
  } catch (e) {
    const problem = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error' as const, code: 'internal-error', message: `vpnconf check ${code} failed (internal error: ${(e as Error).message}).` };
    return (file ? [{ ...problem, uri: file.uri }] : []) as unknown as T[];
  }
}

/**
 * Runs every check on a snapshot and applies the severity overrides. Returns the findings grouped by file
 * URI; every known file has an entry (possibly empty), so callers can clear stale diagnostics. With a
 * long-lived `cache` (the server), a file whose own findings, workspace findings and overrides are the same
 * objects as in the previous run gets the same array back (so callers can skip unchanged files by
 * identity); the arrays are shared with the cache and must not be modified. The map is the caller's own
 * (a copy of `analyze`'s).
 */
export function runChecks(snapshot: WorkspaceSnapshot, overrides: SeverityOverrides = {}, cache = new CheckCache(), checks: readonly Check[] = CHECKS): Map<string, Finding[]> {
  return new Map(analyze(snapshot, overrides, cache, checks).results);
}

/** What `analyze` returns: every file's findings, and which files' arrays changed since the previous call. */
export interface Analysis {
  /**
   * Per file URI, in snapshot order, its final findings (as `runChecks`). Owned by the cache: valid until
   * the next `analyze` with the same cache, which may update it in place.
   */
  results: ReadonlyMap<string, Finding[]>;
  /** URIs whose array is not the same object as after the previous call; null when every file must be compared. */
  changed: ReadonlySet<string> | null;
}

/** The state `analyze` keeps in a CheckCache between calls. */
interface LastAnalysis {
  snapshot: WorkspaceSnapshot;
  overrides: SeverityOverrides;
  checks: readonly Check[];
  /** Each workspace check's findings, as returned. */
  found: Map<WorkspaceCheck, readonly Finding[]>;
  results: Map<string, Finding[]>;
}
const lastAnalysis = new WeakMap<CheckCache, LastAnalysis>();
/** A workspace check's findings grouped by URI, once per findings array. */
const byUriOf = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

/**
 * `runChecks` for a long-lived caller (the server): same findings, but when `snapshot` follows the
 * previous call's snapshot with known changes (`changedSince`: same grouping and options), with the
 * same overrides and checks, only the changed files and the files a workspace check's findings moved in
 * or out of are revisited. An edit in a 4,700-file workspace then costs O(changed files + workspace
 * findings), not O(files); the result equals a from-scratch run (test/fuzz/edit-path.fuzz.test.ts).
 */
export function analyze(snapshot: WorkspaceSnapshot, overrides: SeverityOverrides = {}, cache = new CheckCache(), checks: readonly Check[] = CHECKS): Analysis {
  const found = new Map<WorkspaceCheck, readonly Finding[]>();
  for (const c of checks) {
    if (c.scope !== 'workspace') continue;
    try {
      found.set(c, c.runHost ? cache.hostFindings(c, snapshot) : c.run(snapshot));
    } catch (e) {
      found.set(c, NONE);
      console.error(`vpnconf: workspace check ${c.code} failed: ${(e as Error).message}`);
    }
  }
  const last = lastAnalysis.get(cache);
  const since = last && last.overrides === overrides && last.checks === checks ? changedSince(snapshot, last.snapshot) : undefined;
  if (last && since) {
    const touched = new Set(since);
    for (const [c, list] of found) {
      const before = last.found.get(c) ?? NONE;
      if (before === list) continue;
      for (const f of before) touched.add(f.uri);
      for (const f of list) touched.add(f.uri);
    }
    const changed = new Set<string>();
    for (const uri of touched) {
      const file = snapshot.files.get(uri);
      if (!file) continue;
      const extra: Finding[] = [];
      for (const list of found.values()) pushAll(extra, groupByUri(list).get(uri) ?? NONE);
      const out = cache.fileResult(file, snapshot, checks, extra, overrides);
      if (last.results.get(uri) === out) continue;
      last.results.set(uri, out);
      changed.add(uri);
    }
    Object.assign(last, { snapshot, found });
    return { results: last.results, changed };
  }
  const extra = new Map<string, Finding[]>();
  for (const list of found.values()) {
    for (const [uri, fs] of groupByUri(list)) {
      if (!snapshot.files.has(uri)) continue;
      const l = extra.get(uri);
      if (l) pushAll(l, fs);
      else extra.set(uri, [...fs]);
    }
  }
  const results = new Map<string, Finding[]>();
  for (const file of snapshot.files.values()) results.set(file.uri, cache.fileResult(file, snapshot, checks, extra.get(file.uri) ?? NONE, overrides));
  lastAnalysis.set(cache, { snapshot, overrides, checks, found, results });
  return { results, changed: null };
}

/** A findings array grouped by URI (memoized per array: an unchanged check's index is reused). */
function groupByUri(list: readonly Finding[]): Map<string, Finding[]> {
  let m = byUriOf.get(list);
  if (m) return m;
  m = new Map();
  for (const f of list) {
    const l = m.get(f.uri);
    if (l) l.push(f);
    else m.set(f.uri, [f]);
  }
  byUriOf.set(list, m);
  return m;
}

const NONE: readonly Finding[] = Object.freeze([]);

/** Applies per-code severity overrides; `off` removes the finding. Pure. */
export function applySeverity(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.code];
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
