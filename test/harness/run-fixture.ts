import { runChecks } from '../../server/src/checks/run';
import type { Finding } from '../../server/src/core/types';
import { pathOfUri, uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';
import type { WorkspaceSnapshot } from '../../server/src/workspace/types';
import { isAnnotation, type Expectation, type Fixture } from './fixture';
import { codeActions } from '../../server/src/features/code-actions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { rangeContains } from '../../server/src/core/types';

/** Virtual root under which fixture files are placed (never read from disk). */
export const FIXTURE_ROOT = '/vpnconf-fixture';

/** Builds the workspace of a fixture: every file at FIXTURE_ROOT/<path>, language detected from the path. */
export function fixtureSnapshot(fx: Fixture): { store: WorkspaceStore; snapshot: WorkspaceSnapshot } {
  const store = new WorkspaceStore(fx.options);
  for (const f of fx.files) {
    if (f.path === 'vpnconf.json') store.setVpnconfJson(`${FIXTURE_ROOT}/vpnconf.json`, f.text);
    else store.set(uriOfPath(`${FIXTURE_ROOT}/${f.path}`), f.text, 1);
  }
  return { store, snapshot: store.snapshot() };
}

/** Runs all checks on a fixture and returns the findings, each with its fixture-relative file. */
export function runFixture(fx: Fixture): Array<Finding & { file: string }> {
  const { snapshot } = fixtureSnapshot(fx);
  const out: Array<Finding & { file: string }> = [];
  for (const list of runChecks(snapshot, fx.overrides).values()) {
    for (const f of list) out.push({ ...f, file: pathOfUri(f.uri).slice(FIXTURE_ROOT.length + 1) });
  }
  return out;
}

const show = (e: { file: string; line: number | null; start: number | null; end: number | null; severity: string; code: string; message?: string }): string =>
  `${e.file}:${e.line === null ? '*' : e.line + 1}:${e.start === null ? '*' : `${e.start}-${e.end}`} ${e.severity} ${e.code}${e.message ? `: ${e.message}` : ''}`;

/**
 * Compares findings with the annotations. Returns a list of human-readable differences (empty = equal):
 * every expectation must be matched by one finding and every finding by one expectation.
 */
export function compareFixture(fx: Fixture, found: Array<Finding & { file: string }>): string[] {
  const unmatched = [...found];
  const diffs: string[] = [];
  const matches = (e: Expectation, f: Finding & { file: string }): boolean =>
    e.file === f.file &&
    e.code === f.code &&
    e.severity === f.severity &&
    (e.line === null || (f.range.start.line === e.line && (e.start === null || (f.range.start.character === e.start && f.range.end.character === e.end && f.range.end.line === e.line)))) &&
    (e.message === undefined || e.message === f.message);
  for (const e of fx.expectations) {
    const i = unmatched.findIndex((f) => matches(e, f));
    if (i >= 0) unmatched.splice(i, 1);
    else diffs.push(`missing:    ${show(e)}`);
  }
  for (const f of unmatched) {
    diffs.push(`unexpected: ${show({ file: f.file, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character, severity: f.severity, code: f.code, message: f.message })}`);
  }
  return diffs;
}

/**
 * Quick-fix fixtures (DESIGN §5): applies the preferred code action offered for the finding under `$0`
 * and returns the fixture with the edited files, the code that was fixed, and the action's title.
 * Throws when there is no cursor, no finding under it, or no code action.
 */
export function applyFixAtCursor(fx: Fixture): { fixed: Fixture; code: string; title: string } {
  if (!fx.cursor) throw new Error(`${fx.name}: a fixture with "#- after" sections needs a $0 cursor`);
  const { snapshot } = fixtureSnapshot(fx);
  const uri = uriOfPath(`${FIXTURE_ROOT}/${fx.cursor.file}`);
  const file = snapshot.files.get(uri)!;
  const here = (runChecks(snapshot, fx.overrides).get(uri) ?? []).filter((f) => rangeContains(f.range, fx.cursor!));
  if (!here.length) throw new Error(`${fx.name}: no finding under $0`);
  const actions = codeActions(file, here.map((f) => toDiagnostic(f)), snapshot);
  const action = actions.find((a) => a.isPreferred) ?? actions[0];
  if (!action?.edit?.changes) throw new Error(`${fx.name}: no quick fix under $0`);
  const files = fx.files.map((f) => ({ ...f }));
  for (const [editUri, edits] of Object.entries(action.edit.changes)) {
    const target = files.find((f) => uriOfPath(`${FIXTURE_ROOT}/${f.path}`) === editUri);
    if (!target) throw new Error(`${fx.name}: edit for a file outside the fixture: ${editUri}`);
    const lines = target.text.split('\n');
    const offset = (l: number, c: number): number => lines.slice(0, l).reduce((n, t) => n + t.length + 1, 0) + c;
    let text = target.text;
    for (const e of [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character))) {
      text = text.slice(0, offset(e.range.start.line, e.range.start.character)) + e.newText + text.slice(offset(e.range.end.line, e.range.end.character));
    }
    target.text = text;
  }
  const code = here.find((f) => action.diagnostics?.some((d) => d.code === f.code))?.code ?? here[0].code;
  return { fixed: { ...fx, files, expectations: [], cursor: undefined, after: [] }, code, title: action.title };
}

/** A file text without annotation lines and trailing blanks (to compare an edited file with its `#- after` section). */
export function withoutAnnotations(text: string): string {
  return text.split('\n').filter((l) => !isAnnotation(l)).join('\n').trimEnd();
}
