import type { FileProblem } from '../core/types';
import type { Section } from '../languages/libreswan/ast';
import { parsedIncrementally } from '../languages/libreswan/incremental';
import type { AnalyzedFile } from '../workspace/types';
import type { FileCheck } from './types';

/**
 * Per-section results of the `sectionLocal` file checks on Libreswan files that the server re-parses
 * incrementally (languages/libreswan/incremental.ts): an edit re-parses one conn, the others keep their
 * Section objects, and their problems are taken from here instead of re-running a dozen checks over
 * every setting of a 5,000-line file.
 */
export class SectionCache {
  private readonly bySection = new WeakMap<Section, { key: string; byCheck: Map<string, FileProblem[]> }>();

  /**
   * The problems of the section-local `checks` on `file`, in check order then section order, or null when
   * the file is not an incrementally parsed Libreswan file (or a problem lies outside every section, or a
   * check failed; the caller then runs the checks on the whole file). `key`: the options key; `run` runs one check on a file.
   */
  problems(file: AnalyzedFile, checks: readonly FileCheck[], key: string, run: (c: FileCheck, f: AnalyzedFile) => FileProblem[]): Map<string, FileProblem[]> | null {
    if (file.parsed.languageId !== 'libreswan' || !parsedIncrementally(file.parsed.ast)) return null;
    const ast = file.parsed.ast;
    const stale = ast.sections.filter((s) => this.bySection.get(s)?.key !== key);
    if (stale.length) {
      // Run on a view of the file holding only the stale sections; every problem goes to its section by line.
      const view: AnalyzedFile = stale.length === ast.sections.length ? file : { ...file, parsed: { languageId: 'libreswan', ast: { ...ast, sections: stale } } };
      const fresh = new Map<Section, Map<string, FileProblem[]>>(stale.map((s) => [s, new Map(checks.map((c) => [c.code, []]))]));
      for (const c of checks) {
        for (const p of run(c, view)) {
          const owner = p.code === 'internal-error' ? undefined : sectionOfLine(stale, p.range.start.line);
          if (!owner) return null;
          fresh.get(owner)!.get(c.code)!.push(p);
        }
      }
      for (const [s, byCheck] of fresh) this.bySection.set(s, { key, byCheck });
    }
    const out = new Map<string, FileProblem[]>();
    for (const c of checks) {
      const list: FileProblem[] = [];
      for (const s of ast.sections) for (const p of this.bySection.get(s)!.byCheck.get(c.code)!) list.push(p);
      out.set(c.code, list);
    }
    return out;
  }
}

/** The section (of `sections`, in file order) whose lines hold `line`: the last one whose header is at or above it. */
function sectionOfLine(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) {
    if (s.headerRange.start.line > line) break;
    found = s;
  }
  if (found && line > found.range.end.line) return undefined;
  return found;
}
