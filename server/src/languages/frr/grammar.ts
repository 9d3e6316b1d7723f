/**
 * Parses FRR command strings (the DEFUN/DEFPY grammar of commands.json, FRR 8.4.4) into element trees.
 * Syntax (lib/command_lex.l, lib/command_parse.y): lowercase `keyword`; `VARIABLE` ([A-Z][-_A-Z:0-9]+);
 * value classes (A.B.C.D, A.B.C.D/M, X:X::X:X, X:X::X:X/M, MAC forms); `(lo-hi)` ranges; `...` after a
 * token repeats it (one or more words); `<a|b>` exactly one; `[a|b]` optional; `{a|b}` one or more in any
 * order, each once; `![x]` like `[x]`. `$name` bindings are stripped by the generator.
 */
import { VALUE_CLASSES, type ValueClass } from './tokens';

/** A leaf element: matches exactly one input word (or several if `rep`). */
export type Leaf =
  | { k: 'kw'; text: string; rep: boolean }
  | { k: 'var'; text: string; rep: boolean }
  | { k: 'range'; text: string; lo: number; hi: number; rep: boolean }
  | { k: 'class'; text: ValueClass; rep: boolean };

/** A grammar element: a leaf or a group of alternatives (each alternative a sequence). */
export type Elem = Leaf | { k: 'alt' | 'opt' | 'set'; alts: Elem[][] };

const TOK_RE = /\s*(?:(\(\s*[-+]?\d+\s*-\s*[-+]?\d+\s*\)(?:\.\.\.)?)|(!\[)|([<>[\]{}|])|([^\s<>[\]{}|(]+|\())/y;

type GTok = { p: string } | { w: string };

function lex(cmd: string): GTok[] {
  const out: GTok[] = [];
  TOK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOK_RE.lastIndex < cmd.length && (m = TOK_RE.exec(cmd)) !== null) {
    if (m[1]) out.push({ w: m[1].replace(/\s/g, '') });
    else if (m[2]) out.push({ p: '[' });
    else if (m[3]) out.push({ p: m[3] });
    else if (m[4]) out.push({ w: m[4] });
    else break;
  }
  return out;
}

function leaf(v: string): Leaf {
  const rep = v.endsWith('...');
  if (rep) v = v.slice(0, -3);
  const r = /^\(([-+]?\d+)-([-+]?\d+)\)$/.exec(v);
  if (r) return { k: 'range', text: v, lo: Number(r[1]), hi: Number(r[2]), rep };
  if ((VALUE_CLASSES as readonly string[]).includes(v)) return { k: 'class', text: v as ValueClass, rep };
  if (/^[A-Z][-_A-Z:0-9]+$/.test(v)) return { k: 'var', text: v, rep };
  return { k: 'kw', text: v, rep };
}

/** Parses one command string into a sequence of elements. Never throws (bad brackets end a group). */
export function parseCommand(cmd: string): Elem[] {
  const toks = lex(cmd);
  let pos = 0;
  const seq = (stop: Set<string>): Elem[] => {
    const items: Elem[] = [];
    while (pos < toks.length) {
      const t = toks[pos];
      if ('p' in t && stop.has(t.p)) return items;
      pos++;
      if ('w' in t) {
        items.push(leaf(t.w));
        continue;
      }
      const close = t.p === '<' ? '>' : t.p === '[' ? ']' : t.p === '{' ? '}' : null;
      if (!close) continue;
      const stops = new Set(['|', close]);
      const alts = [seq(stops)];
      while (pos < toks.length && 'p' in toks[pos] && (toks[pos] as { p: string }).p === '|') {
        pos++;
        alts.push(seq(stops));
      }
      pos++;
      items.push({ k: t.p === '<' ? 'alt' : t.p === '[' ? 'opt' : 'set', alts });
    }
    return items;
  };
  return seq(new Set());
}

/** Keywords that can start the command (null when a non-keyword can start it), for fast pre-filtering. */
export function firstKeywords(items: Elem[]): string[] | null {
  const out: string[] = [];
  const walk = (seq: Elem[]): boolean => {
    // returns true when seq may be empty (so the caller must look further)
    for (const e of seq) {
      if (e.k === 'kw') {
        out.push(e.text);
        return false;
      }
      if (e.k === 'var' || e.k === 'range' || e.k === 'class') throw new Error('nonkw');
      let anyEmpty = e.k === 'opt';
      for (const a of e.alts) if (walk(a)) anyEmpty = true;
      if (!anyEmpty) return false;
    }
    return true;
  };
  try {
    if (walk(items)) return null;
    return out;
  } catch {
    return null;
  }
}
