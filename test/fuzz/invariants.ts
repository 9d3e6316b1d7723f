/**
 * The invariants every fuzz input must keep, for one parser or for the whole pipeline (WorkspaceStore +
 * runChecks + every IDE feature (hover, completion, definition, references at given positions; symbols,
 * folding, code actions) + the CLI formats): nothing throws, the work finishes
 * within a time budget per KB, every range lies inside its document, and no output contains a secret.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Finding, LanguageId, Position, Range } from '../../server/src/core/types';
import { runChecks } from '../../server/src/checks/run';
import { CHECKS } from '../../server/src/checks';
import { hover } from '../../server/src/features/hover';
import { completion, resolveCompletion } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { definition } from '../../server/src/features/definition';
import { references } from '../../server/src/features/references';
import { foldingRanges } from '../../server/src/features/folding';
import { codeActions } from '../../server/src/features/code-actions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { formatText, sortCliFindings, toCliFindings } from '../../server/src/cli/report';
import { toSarif } from '../../server/src/cli/sarif';
import { collectSecrets, redact } from '../../server/src/cli/secrets';
import { uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';
import type { WorkspaceSnapshot } from '../../server/src/workspace/types';
import { mulberry, SECRET_MARK } from './grammar';

/**
 * Scale of the time budgets (VPNCONF_FUZZ_TIME_FACTOR, default 1). The budgets are generous on purpose: they
 * catch super-linear blow-ups, not jitter on a loaded CI machine (the FRR matcher, the slowest parser, takes
 * ~7 ms/KB unloaded; the first call of each parser also pays for JIT and table set-up).
 */
const FACTOR = Number(process.env.VPNCONF_FUZZ_TIME_FACTOR ?? 1) || 1;

/** Milliseconds a parser may take for `bytes` of input. */
export function parseBudgetMs(bytes: number): number {
  return FACTOR * (1500 + 60 * (bytes / 1024));
}

/** Milliseconds the whole pipeline (parse, all checks, features) may take for `bytes` of workspace input. */
export function pipelineBudgetMs(bytes: number): number {
  return FACTOR * (3000 + 200 * (bytes / 1024));
}

/** Largest elapsed time / budget ratio seen in this process (reported by the tests). */
export const stats = { worstRatio: 0, worstMs: 0, cases: 0, worstWhat: '' };

/** Runs `fn`, asserting it finishes within `budget` ms; records the worst ratio. */
export function timed<T>(budget: number, what: string, fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  stats.cases++;
  if (ms / budget > stats.worstRatio) { stats.worstRatio = ms / budget; stats.worstWhat = what; }
  stats.worstMs = Math.max(stats.worstMs, ms);
  assert.ok(ms <= budget, `${what} took ${ms.toFixed(0)} ms (budget ${budget.toFixed(0)} ms)`);
  return r;
}

/**
 * The secrets the current pipeline run guards: null = every marked value (generated workspaces, where
 * marks are written only in secret positions); a list = the marked values the product itself recognizes as
 * secrets (mutated workspaces, where a mutation may move a marked value out of a secret position, e.g. a
 * secrets line pasted into ipsec.conf, whose syntax message may then quote it).
 */
let guarded: string[] | null = null;

/** Asserts `text` (any output) holds no guarded secret. */
export function assertNoSecret(text: string, where: string): void {
  const hit = guarded === null ? (text.includes(SECRET_MARK) ? SECRET_MARK : undefined) : guarded.find((g) => text.includes(g));
  if (hit === undefined) return;
  const at = text.indexOf(hit);
  assert.fail(`${where} leaks a secret: ${JSON.stringify(text.slice(Math.max(0, at - 80), at + 40))}`);
}

/** Asserts a range is well-formed and inside a document of `lines`. */
export function assertRangeInside(r: Range, lines: readonly string[], where: string): void {
  const last = Math.max(lines.length - 1, 0);
  const ok = (p: Position): boolean => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line <= last && p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0);
  assert.ok(ok(r.start) && ok(r.end), `${where}: range ${JSON.stringify(r)} outside the document (${lines.length} lines; line lengths ${lines[r.start.line]?.length}/${lines[r.end.line]?.length})`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${where}: range ${JSON.stringify(r)} ends before it starts`);
}

/** A workspace file given to the pipeline. */
export interface FuzzFile {
  /** Absolute POSIX path (decides language and host). */
  path: string;
  text: string;
  lang?: LanguageId;
}

/** Total UTF-16 length of the files, as bytes for the budget (close enough: texts are mostly ASCII). */
const sizeOf = (files: readonly FuzzFile[]): number => files.reduce((n, f) => n + f.text.length, 0);

/**
 * The whole pipeline on a workspace: store, snapshot, all checks, every feature at `probes` positions
 * derived from `seed`, code actions on the file's diagnostics, and the three CLI formats. Asserts all the
 * invariants (`secrets`: which values count as secrets, see `guarded`); returns the findings.
 */
export function checkPipeline(files: readonly FuzzFile[], seed: number, probes = 8, version: '4' | '5' = '5', secrets: 'marked' | 'recognized' = 'marked'): Map<string, Finding[]> {
  const rnd = mulberry(seed);
  return timed(pipelineBudgetMs(sizeOf(files)), `pipeline on ${files.length} file(s) of ${sizeOf(files)} chars`, () => {
    const store = new WorkspaceStore({ libreswanVersion: version });
    for (const f of files) store.set(uriOfPath(f.path), f.text, 1, f.lang ?? null);
    const snap = store.snapshot();
    guarded = secrets === 'marked' ? null : collectSecrets(snap).filter((x) => x.includes(SECRET_MARK));
    const byUri = runChecks(snap);
    for (const [uri, findings] of byUri) {
      const file = snap.files.get(uri)!;
      for (const f of findings) {
        assertRangeInside(f.range, file.lines, `${f.code} in ${file.path}`);
        assertNoSecret(f.message, `${f.code} message`);
        for (const r of f.related ?? []) {
          const other = snap.files.get(r.uri);
          assert.ok(other, `${f.code}: related place in an unknown file ${r.uri}`);
          assertRangeInside(r.range, other.lines, `${f.code} related`);
          assertNoSecret(r.message, `${f.code} related message`);
        }
        assert.ok(CHECKS.some((c) => c.code === f.code) || f.code === 'internal-error', `unregistered code ${f.code}`);
        assert.notEqual(f.code, 'internal-error', `internal error: ${f.message}`);
      }
      features(snap, uri, findings, rnd, probes);
    }
    cliOutputs(snap, byUri);
    return byUri;
  });
}

/** Hover, completion, definition at random positions; symbols, folding, code actions once. */
function features(snap: WorkspaceSnapshot, uri: string, findings: readonly Finding[], rnd: () => number, probes: number): void {
  const file = snap.files.get(uri)!;
  const lines = file.lines;
  for (let i = 0; i < probes; i++) {
    const line = Math.floor(rnd() * (lines.length + 1));
    const character = Math.floor(rnd() * ((lines[line]?.length ?? 0) + 2));
    const pos = { line, character };
    // Positions past the end (a stale request) must not throw; ranges are only checked for valid ones.
    const valid = line < lines.length && character <= lines[line].length;
    const h = hover(file, pos, snap);
    if (h) {
      assertNoSecret(JSON.stringify(h.contents), `hover at ${line}:${character} in ${file.path}`);
      if (h.range && valid) assertRangeInside(h.range, lines, 'hover range');
    }
    for (const c of completion(file, pos, snap)) {
      assertNoSecret(JSON.stringify(c), `completion at ${line}:${character}`);
      // The documentation arrives through completionItem/resolve: that answer must hold no secret either.
      assertNoSecret(JSON.stringify(resolveCompletion(c)), `resolved completion at ${line}:${character}`);
      const edit = c.textEdit;
      if (edit && 'range' in edit && valid) assertRangeInside(edit.range, lines, `completion edit at ${line}:${character}`);
    }
    for (const [what, locs] of [['definition', definition(file, pos, snap)], ['references', references(file, pos, snap)]] as const) {
      for (const loc of locs) {
        const target = snap.files.get(loc.uri);
        assert.ok(target, `${what} into an unknown file ${loc.uri}`);
        assertRangeInside(loc.range, target.lines, `${what} target`);
      }
    }
  }
  const walk = (syms: ReturnType<typeof documentSymbols>): void => {
    for (const s of syms) {
      assertRangeInside(s.range, lines, `symbol ${s.name}`);
      assertRangeInside(s.selectionRange, lines, `symbol ${s.name} selection`);
      assert.ok(contains(s.range, s.selectionRange), `symbol ${s.name}: selectionRange ${JSON.stringify(s.selectionRange)} not inside range ${JSON.stringify(s.range)}`);
      assert.ok(s.name.trim().length > 0, 'symbol name is empty (VS Code rejects it)');
      assertNoSecret(s.name + (s.detail ?? ''), 'symbol');
      walk(s.children ?? []);
    }
  };
  walk(documentSymbols(file));
  for (const r of foldingRanges(file)) assert.ok(r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < Math.max(lines.length, 1), `folding ${JSON.stringify(r)}`);
  const diags: Diagnostic[] = findings.map((f) => toDiagnostic(f));
  for (const a of codeActions(file, diags, snap)) {
    assertNoSecret(a.title, 'code action title');
    // Cross-file fixes edit other files (e.g. a secrets entry for psk-missing): check against the target.
    for (const [uri, edits] of Object.entries(a.edit?.changes ?? {})) {
      const target = snap.files.get(uri);
      assert.ok(target, `code action edits an unknown file ${uri}`);
      for (const e of edits) assertRangeInside(e.range, target.lines, `code action "${a.title}" edit`);
    }
  }
}

/** True when `inner` lies inside `outer`. */
function contains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** The CLI's three formats (before its last-line redaction must already be clean; after it, too). */
function cliOutputs(snap: WorkspaceSnapshot, byUri: Map<string, Finding[]>): void {
  const list = sortCliFindings(toCliFindings([...byUri.values()].flat(), [{ root: '/ws', label: '' }]));
  const secrets = collectSecrets(snap);
  for (const out of [formatText(list, snap.files.size), JSON.stringify(list), JSON.stringify(toSarif(list, CHECKS, '0.0.0'))]) {
    assertNoSecret(out, 'CLI output');
    assertNoSecret(redact(out, secrets), 'redacted CLI output');
  }
}
