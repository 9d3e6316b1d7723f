/**
 * Turns a line vtysh would reject into a diagnostic with an exact range: `frr-unknown-command` at the
 * first word no command accepts, `frr-invalid-value` when that word is a malformed or out-of-range value
 * where the grammar wants one, `frr-incomplete-command` / `frr-ambiguous-command` over the whole line.
 * vtysh 8.4.4 reports all of these as "% Unknown command", "% Command incomplete" or "% Ambiguous command".
 */
import type { FileProblem, Range } from '../../core/types';
import { lineRange } from '../../core/types';
import type { FrrLine } from './ast';
import type { Leaf } from './grammar';
import { nodeName } from './nodes';
import type { FrrCommandDef } from './table';
import { describeBadValue } from './value-shape';

/** What the parser learnt about a rejected line. */
export type SyntaxFailure =
  | { status: 'unknown'; reach: number; expect: Leaf[] }
  | { status: 'incomplete' }
  | { status: 'ambiguous'; defs: FrrCommandDef[] }
  | { status: 'not-config'; exitLine: number };

function wholeLine(e: FrrLine): Range {
  return lineRange(e.line, e.words[0].start, e.words[e.words.length - 1].end);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Keywords close to `w` among the expected leaves (typo suggestions). */
export function suggestKeywords(w: string, expect: readonly Leaf[]): string[] {
  const kws = [...new Set(expect.filter((l) => l.k === 'kw').map((l) => l.text))];
  const limit = w.length <= 4 ? 1 : 2;
  return kws
    .map((k) => ({ k, d: editDistance(w.toLowerCase(), k) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((x) => x.k);
}

/** Builds the diagnostic for a rejected line. */
export function syntaxProblem(e: FrrLine, f: SyntaxFailure): FileProblem {
  const where = nodeName(e.context);
  switch (f.status) {
    case 'incomplete':
      return {
        range: wholeLine(e),
        severity: 'error',
        code: 'frr-incomplete-command',
        message: `Incomplete command: \`${e.words.map((w) => w.text).join(' ')}\` needs more words (in ${where}).`,
      };
    case 'ambiguous': {
      const cands = [...new Set(f.defs.map((d) => d.cmd))].slice(0, 3).map((c) => `\`${c}\``).join(', ');
      return {
        range: wholeLine(e),
        severity: 'error',
        code: 'frr-ambiguous-command',
        message: `Ambiguous command: the words match more than one command equally well (${cands}); write the keywords in full.`,
      };
    }
    case 'not-config':
      return {
        range: wholeLine(e),
        severity: 'error',
        code: 'frr-unknown-command',
        message: `Not in configuration mode: the top-level \`exit\` on line ${f.exitLine + 1} left it, so vtysh rejects this line.`,
      };
    case 'unknown': {
      const k = Math.min(Math.max(f.reach, 0), e.words.length - 1);
      const w = e.words[k];
      const range = lineRange(e.line, w.start, w.end);
      const bad = describeBadValue(w.text, f.expect);
      if (bad) return { range, severity: 'error', code: 'frr-invalid-value', message: bad };
      const sugg = suggestKeywords(w.text, f.expect);
      const hint = sugg.length > 0 ? ` Did you mean ${sugg.map((s) => `\`${s}\``).join(' or ')}?` : '';
      const what = k === 0 ? `\`${w.text}\` is not a command in ${where}.` : `\`${w.text}\` is not accepted here.`;
      return { range, severity: 'error', code: 'frr-unknown-command', message: `Unknown command: ${what}${hint}` };
    }
  }
}
