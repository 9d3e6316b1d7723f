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

/**
 * A match state: the words matched so far, as a persistent list (each matched word adds one node pointing
 * at the previous one, so states that share a prefix share its nodes and nothing is copied). `pos` is the
 * number of words matched (the list's length); ROOT is the empty start.
 */
interface State {
  leaf: Leaf | null;
  level: MatchLevel;
  prev: State | null;
  pos: number;
}

const ROOT: State = { leaf: null, level: NO_MATCH, prev: null, pos: 0 };

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

/** Compares two matched words at the same position: <0 when `x` is more specific, >0 when `y` is, else 0. */
function compareItems(x: Leaf, xl: MatchLevel, y: Leaf, yl: MatchLevel): number {
  if (x === y) return 0;
  if (typeOf(x) !== typeOf(y)) return prec(x) - prec(y);
  return xl !== yl ? yl - xl : 0;
}

/** Compares two trails of equal length: <0 when `a` is more specific, >0 when `b` is, 0 when neither. */
export function compareTrails(a: readonly TrailItem[], b: readonly TrailItem[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareItems(a[i].leaf, a[i].level, b[i].leaf, b[i].level);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * compareTrails on two states: walks both lists back from the end (skipping the longer one's extra tail)
 * and keeps the verdict of the earliest differing word; stops at the first shared node.
 */
function compareStates(a: State, b: State): number {
  let x: State | null = a, y: State | null = b;
  while (x && x.pos > b.pos) x = x.prev;
  while (y && y.pos > a.pos) y = y.prev;
  let res = 0;
  while (x && y && x !== y && x.leaf && y.leaf) {
    const d = compareItems(x.leaf, x.level, y.leaf, y.level);
    if (d !== 0) res = d;
    x = x.prev;
    y = y.prev;
  }
  return res;
}

/** Adds `s` to `out` unless a state at the same position is at least as specific (replaces it in place). */
function addState(out: State[], s: State): void {
  for (let i = 0; i < out.length; i++) {
    if (out[i].pos !== s.pos) continue;
    if (compareStates(s, out[i]) < 0) out[i] = s;
    return;
  }
  out.push(s);
}

function matchLeaf(l: Leaf, states: State[], ctx: MatchCtx): State[] {
  if (states.length === 1 && !l.rep) return matchLeafOnce(l, states[0], ctx);
  const out: State[] = [];
  for (const s of states) {
    if (--ctx.budget < 0) return [];
    if (s.pos > ctx.reach) {
      ctx.reach = s.pos;
      ctx.expect = [l];
    } else if (s.pos === ctx.reach) ctx.expect.push(l);
    let t = s;
    while (t.pos < ctx.words.length) {
      const lv = leafLevel(l, ctx.words[t.pos]);
      if (lv < (l.k === 'kw' ? PARTLY : EXACT)) break;
      t = { leaf: l, level: lv, prev: t, pos: t.pos + 1 };
      addState(out, t);
      if (!l.rep) break;
      if (t.pos > ctx.reach) {
        ctx.reach = t.pos;
        ctx.expect = [l];
      }
    }
  }
  return out;
}

const NONE: State[] = [];

/** matchLeaf for one state and a leaf without `...` (most steps of a line): the same result, less work. */
function matchLeafOnce(l: Leaf, s: State, ctx: MatchCtx): State[] {
  if (--ctx.budget < 0) return NONE;
  if (s.pos > ctx.reach) {
    ctx.reach = s.pos;
    ctx.expect = [l];
  } else if (s.pos === ctx.reach) ctx.expect.push(l);
  if (s.pos >= ctx.words.length) return NONE;
  const lv = leafLevel(l, ctx.words[s.pos]);
  if (lv < (l.k === 'kw' ? PARTLY : EXACT)) return NONE;
  return [{ leaf: l, level: lv, prev: s, pos: s.pos + 1 }];
}

/** Matches a sequence of elements from each of `states`; returns the reachable end states. */
function matchSeq(items: readonly Elem[], states: State[], ctx: MatchCtx): State[] {
  let cur = states;
  for (const el of items) {
    if (cur.length === 0) break;
    cur = matchElem(el, cur, ctx);
  }
  return cur;
}

function matchElem(el: Elem, states: State[], ctx: MatchCtx): State[] {
  if (el.k === 'kw' || el.k === 'var' || el.k === 'range' || el.k === 'class') return matchLeaf(el, states, ctx);
  const out: State[] = [];
  if (el.k === 'opt') for (const s of states) addState(out, s);
  if (el.k === 'alt' || el.k === 'opt') {
    for (const a of el.alts) for (const s of matchSeq(a, states, ctx)) addState(out, s);
    return out;
  }
  return matchSet(el.alts, states, out, ctx);
}

/**
 * `{a|b}`: one or more alternatives in any order, each at most once. A frontier entry is a state plus the
 * set of alternatives used so far, kept as a bit mask (groups in FRR 8.4.4 have at most 8 alternatives;
 * the arithmetic below is exact up to 53).
 */
function matchSet(alts: readonly Elem[][], states: State[], out: State[], ctx: MatchCtx): State[] {
  const scale = 2 ** alts.length;
  let frontier = states.map((s) => ({ s, used: 0 }));
  const seen = new Set<number | string>();
  while (frontier.length > 0 && ctx.budget > 0) {
    const next: { s: State; used: number }[] = [];
    for (const f of frontier) {
      for (let i = 0, bit = 1; i < alts.length; i++, bit *= 2) {
        if (Math.floor(f.used / bit) % 2 === 1 || alts[i].length === 0) continue;
        for (const e of matchSeq(alts[i], [f.s], ctx)) {
          if (e.pos === f.s.pos) continue;
          const used = f.used + bit;
          const key = alts.length <= 20 ? e.pos * scale + used : `${e.pos}:${used}`;
          if (seen.has(key)) continue;
          seen.add(key);
          next.push({ s: e, used });
          addState(out, e);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** The words of state `s` as a trail array (first word first). */
function trailOf(s: State): TrailItem[] {
  const trail: TrailItem[] = new Array<TrailItem>(s.pos);
  for (let t: State | null = s; t && t.leaf; t = t.prev) trail[t.pos - 1] = { leaf: t.leaf, level: t.level };
  return trail;
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
  const ends = matchSeq(items, [ROOT], ctx);
  const full = ends.find((s) => s.pos === words.length);
  for (const s of ends) if (s.pos > ctx.reach) {
    ctx.reach = s.pos;
    ctx.expect = [];
  }
  return { trail: full ? trailOf(full) : null, reach: ctx.reach, expect: ctx.expect };
}
