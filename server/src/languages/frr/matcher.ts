/**
 * Matches the words of one input line against one compiled command, the way FRR 8.4.4's matcher does
 * (lib/command_match.c): keywords may be abbreviated, other tokens must match fully, and when several
 * commands match, the more specific token wins position by position (value classes and ranges over
 * keywords, keywords over variables; an exact keyword over an abbreviation). Linear in practice; a step
 * budget bounds pathological grammars so the parser can never hang.
 */
import type { Elem, Leaf } from './grammar';
import { EXACT, matchKeyword, matchesClass, matchesRange, NO_MATCH, PARTLY, type MatchLevel } from './tokens';

/** One matched word: the grammar leaf it matched and how well. */
export interface TrailItem {
  leaf: Leaf;
  level: MatchLevel;
}

interface State {
  pos: number;
  trail: TrailItem[];
}

/** Mutable bookkeeping of one match attempt. */
export interface MatchCtx {
  words: readonly string[];
  /** Highest word index at which a leaf was tried (== words.length: input ran out while more was needed). */
  reach: number;
  /** Leaves tried at word index `reach` (what the grammar expected there). */
  expect: Leaf[];
  budget: number;
}

/** Match level of one word against one leaf (0 none, 1 abbreviation, 2 full). */
export function leafLevel(l: Leaf, w: string): MatchLevel {
  switch (l.k) {
    case 'kw':
      return matchKeyword(l.text, w);
    case 'var':
      return EXACT;
    case 'range':
      return matchesRange(l.lo, l.hi, w) ? EXACT : NO_MATCH;
    case 'class':
      return matchesClass(l.text, w) ? EXACT : NO_MATCH;
  }
}

function prec(l: Leaf): number {
  return l.k === 'kw' ? 3 : l.k === 'var' ? 4 : 2;
}

function typeOf(l: Leaf): string {
  return l.k === 'class' ? l.text : l.k;
}

/** Compares two trails of equal length: <0 when `a` is more specific, >0 when `b` is, 0 when neither. */
export function compareTrails(a: readonly TrailItem[], b: readonly TrailItem[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i], y = b[i];
    if (x.leaf === y.leaf) continue;
    if (typeOf(x.leaf) !== typeOf(y.leaf)) {
      const d = prec(x.leaf) - prec(y.leaf);
      if (d !== 0) return d;
      continue;
    }
    if (x.level !== y.level) return y.level - x.level;
  }
  return 0;
}

function addState(out: Map<number, State>, s: State): void {
  const cur = out.get(s.pos);
  if (!cur || compareTrails(s.trail, cur.trail) < 0) out.set(s.pos, s);
}

function matchLeaf(l: Leaf, states: State[], ctx: MatchCtx): State[] {
  if (states.length === 1 && !l.rep) return matchLeafOnce(l, states[0], ctx);
  const out = new Map<number, State>();
  for (const s of states) {
    if (--ctx.budget < 0) return [];
    if (s.pos > ctx.reach) {
      ctx.reach = s.pos;
      ctx.expect = [l];
    } else if (s.pos === ctx.reach) ctx.expect.push(l);
    let p = s.pos;
    let trail = s.trail;
    while (p < ctx.words.length) {
      const lv = leafLevel(l, ctx.words[p]);
      if (lv < (l.k === 'kw' ? PARTLY : EXACT)) break;
      trail = [...trail, { leaf: l, level: lv }];
      p++;
      addState(out, { pos: p, trail });
      if (!l.rep) break;
      if (p > ctx.reach) {
        ctx.reach = p;
        ctx.expect = [l];
      }
    }
  }
  return [...out.values()];
}

/**
 * matchLeaf for one state and a leaf without `...` (most steps of a line): the same result, without the
 * Map and the arrays of the general case.
 */
function matchLeafOnce(l: Leaf, s: State, ctx: MatchCtx): State[] {
  if (--ctx.budget < 0) return [];
  if (s.pos > ctx.reach) {
    ctx.reach = s.pos;
    ctx.expect = [l];
  } else if (s.pos === ctx.reach) ctx.expect.push(l);
  if (s.pos >= ctx.words.length) return [];
  const lv = leafLevel(l, ctx.words[s.pos]);
  if (lv < (l.k === 'kw' ? PARTLY : EXACT)) return [];
  return [{ pos: s.pos + 1, trail: [...s.trail, { leaf: l, level: lv }] }];
}

/** Matches a sequence of elements from each of `states`; returns the reachable end states. */
export function matchSeq(items: readonly Elem[], states: State[], ctx: MatchCtx): State[] {
  let cur = states;
  for (const el of items) {
    if (cur.length === 0) break;
    cur = matchElem(el, cur, ctx);
  }
  return cur;
}

function matchElem(el: Elem, states: State[], ctx: MatchCtx): State[] {
  if (el.k === 'kw' || el.k === 'var' || el.k === 'range' || el.k === 'class') return matchLeaf(el, states, ctx);
  const out = new Map<number, State>();
  if (el.k === 'opt') for (const s of states) addState(out, s);
  if (el.k === 'alt' || el.k === 'opt') {
    for (const a of el.alts) for (const s of matchSeq(a, states, ctx)) addState(out, s);
    return [...out.values()];
  }
  // set: one or more alternatives in any order, each at most once
  let frontier = states.map((s) => ({ s, used: new Set<number>() }));
  const seen = new Set<string>();
  while (frontier.length > 0 && ctx.budget > 0) {
    const next: { s: State; used: Set<number> }[] = [];
    for (const f of frontier) {
      el.alts.forEach((a, i) => {
        if (f.used.has(i) || a.length === 0) return;
        for (const e of matchSeq(a, [f.s], ctx)) {
          if (e.pos === f.s.pos) continue;
          const used = new Set(f.used).add(i);
          const key = `${e.pos}:${[...used].sort((x, y) => x - y).join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          next.push({ s: e, used });
          addState(out, e);
        }
      });
    }
    frontier = next;
  }
  return [...out.values()];
}

/** Result of matching a line against one command. */
export interface CommandMatch {
  /** The best full-match trail (one item per word), or null. */
  trail: TrailItem[] | null;
  /** See MatchCtx.reach. */
  reach: number;
  /** See MatchCtx.expect. */
  expect: Leaf[];
}

/** Matches all `words` against the command `items`. Never throws. */
export function matchCommand(items: readonly Elem[], words: readonly string[]): CommandMatch {
  const ctx: MatchCtx = { words, reach: 0, expect: [], budget: 20000 };
  const ends = matchSeq(items, [{ pos: 0, trail: [] }], ctx);
  const full = ends.find((s) => s.pos === words.length);
  for (const s of ends) if (s.pos > ctx.reach) {
    ctx.reach = s.pos;
    ctx.expect = [];
  }
  return { trail: full ? full.trail : null, reach: ctx.reach, expect: ctx.expect };
}
