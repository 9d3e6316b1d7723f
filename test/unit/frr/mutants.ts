/**
 * Seeded mutants of FRR corpus files for the vtysh differential test: each mutant changes one word of one
 * command line (misspelt first or inner keyword, bad IPv4 address, /33 prefix, out-of-range AS number).
 * Deterministic: the same corpus gives the same mutants.
 */
import { isCommentOrBlank, lexLine } from '../../../server/src/languages/frr/lexer';
import { prng as rng } from '../../support/prng';

/** One mutant: `file` (corpus-relative), 0-based `line`, the replacement line text and the mutation kind. */
export interface Mutant {
  file: string;
  line: number;
  kind: string;
  text: string;
}


function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function misspell(w: string, r: () => number): string | null {
  if (w.length < 4 || !/^[a-z-]+$/.test(w)) return null;
  const i = 1 + Math.floor(r() * (w.length - 2));
  if (w[i] === w[i + 1] || w[i] === '-' || w[i + 1] === '-') return w.slice(0, i) + 'q' + w.slice(i + 1);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

type Mutator = (words: string[], r: () => number) => string[] | null;

const MUTATORS: Record<string, Mutator> = {
  'misspell-first': (ws, r) => {
    const m = misspell(ws[0], r);
    return m ? [m, ...ws.slice(1)] : null;
  },
  'misspell-inner': (ws, r) => {
    const idx = ws.map((w, i) => i).filter((i) => i > 0 && /^[a-z][a-z-]{3,}$/.test(ws[i]));
    if (idx.length === 0) return null;
    const i = idx[Math.floor(r() * idx.length)];
    const m = misspell(ws[i], r);
    return m ? ws.map((w, j) => (j === i ? m : w)) : null;
  },
  'bad-ipv4': (ws) => {
    const i = ws.findIndex((w) => /^\d+\.\d+\.\d+\.\d+$/.test(w));
    return i < 0 ? null : ws.map((w, j) => (j === i ? w.replace(/\d+$/, '256') : w));
  },
  'prefix-33': (ws) => {
    const i = ws.findIndex((w) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(w));
    return i < 0 ? null : ws.map((w, j) => (j === i ? w.replace(/\/\d+$/, '/33') : w));
  },
  'as-range': (ws) => {
    const i = ws.findIndex((w, j) => /^\d+$/.test(w) && j > 0 && (ws[j - 1] === 'remote-as' || (ws[j - 1] === 'bgp' && ws[0] === 'router')));
    return i < 0 ? null : ws.map((w, j) => (j === i ? '4294967296' : w));
  },
};

/** Builds the mutants of one corpus file (at most one per mutation kind). */
export function mutantsOf(file: string, text: string): Mutant[] {
  const lines = text.split(/\r\n|\r|\n/);
  const cmdLines = lines.map((l, i) => i).filter((i) => !isCommentOrBlank(lines[i]) && lines[i].trim() !== 'end');
  const out: Mutant[] = [];
  for (const [kind, mut] of Object.entries(MUTATORS)) {
    const r = rng(hash(file + kind));
    const start = Math.floor(r() * Math.max(cmdLines.length, 1));
    for (let k = 0; k < cmdLines.length; k++) {
      const ln = cmdLines[(start + k) % cmdLines.length];
      const words = lexLine(lines[ln]);
      const changed = mut(words.map((w) => w.text), r);
      if (!changed) continue;
      const indent = lines[ln].slice(0, words[0]?.start ?? 0);
      out.push({ file, line: ln, kind, text: indent + changed.join(' ') });
      break;
    }
  }
  return out;
}

/** The full text of a mutant, given the original file text. */
export function applyMutant(text: string, m: Mutant): string {
  const lines = text.split(/\r\n|\r|\n/);
  lines[m.line] = m.text;
  return lines.join('\n');
}
