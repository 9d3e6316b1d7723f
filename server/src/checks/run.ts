import type { FileProblem, Finding, Severity } from '../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { CHECKS } from './index';
import type { Check, FileCheck } from './types';

/** A severity override per code (`"off"` drops the finding), from the `vpnconf.checks` setting. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/**
 * Caches file-check results per analyzed file object and options, so an edit re-runs the file checks of
 * the edited file only. Workspace checks are cheap joins and run on every snapshot.
 */
export class CheckCache {
  private readonly perFile = new WeakMap<AnalyzedFile, { key: string; problems: FileProblem[] }>();

  fileProblems(file: AnalyzedFile, snapshot: WorkspaceSnapshot, checks: readonly Check[]): FileProblem[] {
    const key = JSON.stringify(snapshot.options);
    const hit = this.perFile.get(file);
    if (hit && hit.key === key) return hit.problems;
    const problems: FileProblem[] = [];
    for (const c of checks) {
      if (c.scope !== 'file' || !(c as FileCheck).languages.includes(file.languageId)) continue;
      problems.push(...safely(() => (c as FileCheck).run(file, snapshot), c.code, file));
    }
    if (file.parseProblems.some((p) => p.code === 'internal-error')) problems.push(...file.parseProblems.filter((p) => p.code === 'internal-error'));
    this.perFile.set(file, { key, problems });
    return problems;
  }
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
      found = c.run(snapshot);
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
