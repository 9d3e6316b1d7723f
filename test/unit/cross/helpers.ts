import { parseFixture, type Fixture } from '../../harness/fixture';
import { FIXTURE_ROOT, fixtureSnapshot } from '../../harness/run-fixture';
import { runChecks } from '../../../server/src/checks/run';
import { FIXES } from '../../../server/src/checks/fixes';
import type { CodeActionLike } from '../../../server/src/checks/fix-types';
import type { Finding } from '../../../server/src/core/types';
import { pathOfUri, uriOfPath } from '../../../server/src/workspace/workspace';
import { hover } from '../../../server/src/features/hover';
import type { WorkspaceSnapshot } from '../../../server/src/workspace/types';

/** A small workspace for fix tests: files by fixture path. */
export type Files = Record<string, string>;

/** Builds a fixture from files (no annotations needed). */
export function fixtureOf(files: Files, settings?: object): Fixture {
  const text = (settings ? `#- settings ${JSON.stringify(settings)}\n` : '') + Object.entries(files).map(([p, t]) => `#- ${p}\n${t.replace(/\n$/, '')}`).join('\n') + '\n';
  return parseFixture('inline', text);
}

/** Findings of one code in a workspace, with the snapshot they came from. */
export function findings(files: Files, code: string, settings?: object): { list: Finding[]; snapshot: WorkspaceSnapshot } {
  const fx = fixtureOf(files, settings);
  const { snapshot } = fixtureSnapshot(fx);
  const list = [...runChecks(snapshot, fx.overrides).values()].flat().filter((f) => f.code === code);
  return { list, snapshot };
}

/** The quick fixes the registry offers for a finding. */
export function fixesFor(f: Finding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  return FIXES[f.code]?.(f, snapshot) ?? [];
}

/** Applies a fix's edits to the files (edits in one file applied from the end backwards). */
export function apply(files: Files, fix: CodeActionLike): Files {
  const out: Files = { ...files };
  const byPath = new Map<string, CodeActionLike['edits']>();
  for (const e of fix.edits) {
    const p = pathOfUri(e.uri).slice(FIXTURE_ROOT.length + 1);
    byPath.set(p, [...(byPath.get(p) ?? []), e]);
  }
  for (const [p, edits] of byPath) {
    let text = out[p];
    if (text === undefined) throw new Error(`edit for unknown file ${p}`);
    const offset = (line: number, ch: number): number => {
      const lines = text.split('\n');
      let o = 0;
      for (let i = 0; i < line; i++) o += lines[i].length + 1;
      return o + ch;
    };
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    for (const e of sorted) {
      const s = offset(e.range.start.line, e.range.start.character);
      const t = offset(e.range.end.line, e.range.end.character);
      text = text.slice(0, s) + e.newText + text.slice(t);
    }
    out[p] = text;
  }
  return out;
}

/** The markdown of the hover at a 0-based position of a fixture file ('' when there is none). */
export function hoverText(files: Files, path: string, line: number, character: number): string {
  const { snapshot } = fixtureSnapshot(fixtureOf(files));
  const file = snapshot.files.get(uriOfPath(`${FIXTURE_ROOT}/${path}`))!;
  const h = hover(file, { line, character }, snapshot);
  return h ? (h.contents as { value: string }).value : '';
}
