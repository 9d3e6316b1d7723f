import type { FileProblem, Finding, Severity } from '../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { CHECKS } from './index';
import type { Host } from '../workspace/hosts';
import type { Check, FileCheck, WorkspaceCheck } from './types';
import { SectionCache } from './sections';

/** A severity override per code (`"off"` drops the finding), from the `vpnconf.checks` setting. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/**
 * Caches file-check results per analyzed file object and options, so an edit re-runs the file checks of
 * the edited file only — and, in a Libreswan file parsed incrementally, the section-local checks of the
 * edited sections only (sections.ts). Per-host workspace checks are cached per host (`hostFindings`).
 */
export class CheckCache {
  private readonly perFile = new WeakMap<AnalyzedFile, { key: string; problems: FileProblem[] }>();
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

  fileProblems(file: AnalyzedFile, snapshot: WorkspaceSnapshot, checks: readonly Check[]): FileProblem[] {
    const key = this.optionsKey(snapshot.options);
    const hit = this.perFile.get(file);
    if (hit && hit.key === key) return hit.problems;
    const problems: FileProblem[] = [];
    const mine = checks.filter((c): c is FileCheck => c.scope === 'file' && c.languages.includes(file.languageId));
    const local = mine.filter((c) => c.sectionLocal);
    const bySection = local.length ? this.sections.problems(file, local, key, (c, f) => safely(() => c.run(f, snapshot), c.code, f)) : null;
    for (const c of mine) problems.push(...(bySection?.get(c.code) ?? safely(() => c.run(file, snapshot), c.code, file)));
    if (file.parseProblems.some((p) => p.code === 'internal-error')) problems.push(...file.parseProblems.filter((p) => p.code === 'internal-error'));
    this.perFile.set(file, { key, problems });
    return problems;
  }

  /** Per host and check: the findings of `runHost`, reused while the host's files and the options are the same. */
  private readonly perHost = new WeakMap<Host, Map<string, HostEntry>>();
  /** The files of each host in the last snapshot seen (computed once per snapshot, not once per check). */
  private filesOf: { snapshot: WorkspaceSnapshot; byHost: Map<Host, readonly (AnalyzedFile | undefined)[]> } | null = null;

  /**
   * Findings of a per-host workspace check on every host, re-running it only on hosts whose files changed.
   * Host objects are replaced whenever the set of files changes (workspace.ts), so a cached entry never
   * outlives the grouping it was computed for.
   */
  hostFindings(c: WorkspaceCheck, snapshot: WorkspaceSnapshot): Finding[] {
    const key = this.optionsKey(snapshot.options);
    const out: Finding[] = [];
    if (this.filesOf?.snapshot !== snapshot) this.filesOf = { snapshot, byHost: new Map() };
    const byHost = this.filesOf.byHost;
    for (const host of snapshot.hosts.hosts.values()) {
      let files = byHost.get(host);
      if (!files) byHost.set(host, (files = host.fileUris.map((u) => snapshot.files.get(u))));
      let perCheck = this.perHost.get(host);
      if (!perCheck) this.perHost.set(host, (perCheck = new Map()));
      let hit = perCheck.get(c.code);
      if (!hit || hit.key !== key || !sameFiles(hit.files, files)) {
        hit = { files, key, findings: c.runHost!(snapshot, host) };
        perCheck.set(c.code, hit);
      }
      for (const f of hit.findings) out.push(f);
    }
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
 * URI; every known file has an entry (possibly empty), so callers can clear stale diagnostics.
 */
export function runChecks(snapshot: WorkspaceSnapshot, overrides: SeverityOverrides = {}, cache = new CheckCache(), checks: readonly Check[] = CHECKS): Map<string, Finding[]> {
  const byUri = new Map<string, Finding[]>();
  for (const file of snapshot.files.values()) {
    byUri.set(file.uri, cache.fileProblems(file, snapshot, checks).map((p) => ({ ...p, uri: file.uri })));
  }
  for (const c of checks) {
    if (c.scope !== 'workspace') continue;
    let found: Finding[];
    try {
      found = c.runHost ? cache.hostFindings(c, snapshot) : c.run(snapshot);
    } catch (e) {
      found = [];
      console.error(`vpnconf: workspace check ${c.code} failed: ${(e as Error).message}`);
    }
    for (const f of found) {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
    }
  }
  for (const [uri, list] of byUri) byUri.set(uri, applySeverity(list, overrides));
  return byUri;
}

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
