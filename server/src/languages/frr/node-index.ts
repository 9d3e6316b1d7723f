/**
 * Per-node index of the FRR command table by the first keyword and then by the second keyword, or by the
 * third when the second element always takes exactly one word (`neighbor <A.B.C.D|X:X::X:X|WORD>
 * remote-as ...`: ~150 `neighbor` commands of BGP_NODE, of which a line's third word leaves a few), so a
 * line is matched against the few commands that can fully match it instead of every command of its node.
 * It is only a pre-filter:
 * a command left out can never fully match the line (see `candidates`), so whenever the candidates give
 * a full match the result equals the full scan; when they do not, the caller falls back to the full
 * scan (unknown/incomplete lines, whose `reach`/`expect` depend on every command).
 */
import type { Elem } from './grammar';
import type { FrrCommandDef } from './table';

/**
 * Commands sharing one first keyword: `base` may match any second and third word, `second` needs a
 * keyword as the second word, `third` a keyword as the third word (after one word of any kind).
 */
interface FirstEntry {
  kw: string;
  /** Commands indexed neither by a second nor by a third keyword (in table order). */
  base: FrrCommandDef[];
  /** Second keyword → commands `kw kw2 ...` (in table order). */
  second: Map<string, FrrCommandDef[]>;
  /** Third keyword → commands `kw X kw3 ...` whose X always takes exactly one word (in table order). */
  third: Map<string, FrrCommandDef[]>;
}

/** Memo of one first word: its first entries and the merged candidate lists per second and third word. */
interface W0Memo {
  fes: FirstEntry[];
  /** Candidates when neither words[1] nor words[2] narrows them (every command of the first entries). */
  all: readonly FrrCommandDef[];
  /** The second and third keywords of `fes`, for `keyed`. */
  seconds: KeyLists;
  thirds: KeyLists;
  /** `second key \n third key` (see `keyed`) → candidates. */
  merged: Map<string, readonly FrrCommandDef[]>;
}

/** The second (or third) keywords of a first word's entries. */
interface KeyLists {
  /** Keyword → the command lists that need it. */
  exact: Map<string, FrrCommandDef[][]>;
  /** Every proper prefix of every keyword: a word found here abbreviates some keyword. */
  prefixes: Set<string>;
}

/** The index of one node. `pos` gives each command's table position, for merging in table order. */
export interface NodeIndex {
  /** Commands that can start with a non-keyword (or whose start cannot be told): always candidates. */
  fallback: FrrCommandDef[];
  firsts: FirstEntry[];
  pos: Map<FrrCommandDef, number>;
  /** Memo by first word (cleared when it reaches MEMO_MAX entries). */
  byW0: Map<string, W0Memo>;
}

const MEMO_MAX = 4096;

/** Builds the index of one node's commands (`defs` in table order). */
export function buildNodeIndex(defs: readonly FrrCommandDef[]): NodeIndex {
  const fallback: FrrCommandDef[] = [];
  const firsts = new Map<string, FirstEntry>();
  const pos = new Map<FrrCommandDef, number>();
  const entry = (kw: string): FirstEntry => {
    let e = firsts.get(kw);
    if (!e) firsts.set(kw, (e = { kw, base: [], second: new Map(), third: new Map() }));
    return e;
  };
  const add = (map: Map<string, FrrCommandDef[]>, key: string, def: FrrCommandDef): void => {
    const list = map.get(key);
    if (list) list.push(def);
    else map.set(key, [def]);
  };
  defs.forEach((def, i) => {
    pos.set(def, i);
    if (!def.first) {
      fallback.push(def);
      return;
    }
    const [a, b, c] = def.items;
    if (a && a.k === 'kw' && !a.rep && b && b.k === 'kw') {
      add(entry(a.text).second, b.text, def);
      return;
    }
    if (a && a.k === 'kw' && !a.rep && b && takesOneWord(b) && c && c.k === 'kw') {
      add(entry(a.text).third, c.text, def);
      return;
    }
    for (const k of new Set(def.first)) entry(k).base.push(def);
  });
  return { fallback, firsts: [...firsts.values()], pos, byW0: new Map() };
}

/** True when `e` always takes exactly one word: a leaf without `...`, or `<a|b|...>` of such leaves. */
function takesOneWord(e: Elem): boolean {
  if (!('alts' in e)) return !e.rep;
  return e.k === 'alt' && e.alts.length > 0 && e.alts.every((a) => a.length === 1 && takesOneWord(a[0]));
}

/** Merges lists of commands into one, without repeats, in table order. */
function merge(ix: NodeIndex, lists: readonly (readonly FrrCommandDef[])[]): FrrCommandDef[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 1) return [...nonEmpty[0]];
  const uniq = [...new Set(nonEmpty.flat())];
  return uniq.sort((x, y) => ix.pos.get(x)! - ix.pos.get(y)!);
}

/**
 * The commands of the node that can fully match `words`, in table order (a superset of those that do).
 * Left out are: commands none of whose first keywords starts with words[0] (the old pre-filter),
 * commands `kw kw2 ...` whose kw2 does not take words[1] as itself or an abbreviation, and (for lines of
 * three or more words) commands `kw X kw3 ...` whose kw3 does not take words[2]. A left-out command never
 * reaches the last word, so for lines of two or more words the candidates also decide whether the line
 * is `incomplete`. The returned array is shared: do not modify it.
 */
export function candidates(ix: NodeIndex, words: readonly string[]): readonly FrrCommandDef[] {
  const w0 = words[0] ?? '';
  let memo = ix.byW0.get(w0);
  if (!memo) {
    const fes = ix.firsts.filter((e) => e.kw.startsWith(w0));
    const all = merge(ix, [ix.fallback, ...fes.flatMap((e) => [e.base, ...e.third.values()])]);
    memo = { fes, all, seconds: keyLists(fes.map((e) => e.second)), thirds: keyLists(fes.map((e) => e.third)), merged: new Map() };
    if (ix.byW0.size >= MEMO_MAX) ix.byW0.clear();
    ix.byW0.set(w0, memo);
  }
  if (words.length < 2) return memo.all;
  const second = keyed(memo.seconds, words[1]);
  const third = words.length < 3 ? null : keyed(memo.thirds, words[2]);
  if (second.lists.length === 0 && third === null) return memo.all;
  // Memoised only when no word is an abbreviation, so the memo stays as small as the keyword pairs.
  const key = `${second.key}\n${third ? third.key : '*'}`;
  const memoised = !second.abbreviated && !third?.abbreviated;
  const cached = memoised ? memo.merged.get(key) : undefined;
  if (cached) return cached;
  const thirds = third ? third.lists : memo.fes.flatMap((e) => [...e.third.values()]);
  const out = merge(ix, [ix.fallback, ...memo.fes.map((e) => e.base), ...thirds, ...second.lists]);
  if (memoised) memo.merged.set(key, out);
  return out;
}

/** Collects the keyword maps of one position (second or third word) of a first word's entries. */
function keyLists(maps: readonly Map<string, FrrCommandDef[]>[]): KeyLists {
  const exact = new Map<string, FrrCommandDef[][]>();
  const prefixes = new Set<string>();
  for (const map of maps) {
    for (const [k, list] of map) {
      const lists = exact.get(k);
      if (lists) lists.push(list);
      else exact.set(k, [list]);
      for (let n = 0; n < k.length; n++) prefixes.add(k.slice(0, n));
    }
  }
  return { exact, prefixes };
}

/**
 * The command lists whose keyword takes `w` (equal, or `w` abbreviates it). `key` is `w` when some keyword
 * equals it and '' when none takes it; `abbreviated` when `w` abbreviates some keyword (the lists then
 * depend on more than `key`).
 */
function keyed(kl: KeyLists, w: string): { lists: FrrCommandDef[][]; key: string; abbreviated: boolean } {
  const same = kl.exact.get(w) ?? [];
  if (!kl.prefixes.has(w)) return { lists: same, key: same.length > 0 ? w : '', abbreviated: false };
  const lists = [...same];
  for (const [k, more] of kl.exact) if (w.length < k.length && k.startsWith(w)) lists.push(...more);
  return { lists, key: same.length > 0 ? w : '', abbreviated: true };
}
