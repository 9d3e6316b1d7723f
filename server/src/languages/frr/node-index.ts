/**
 * Per-node index of the FRR command table by the first two keywords, so a line is matched against the
 * few commands that can fully match it instead of every command of its node. It is only a pre-filter:
 * a command left out can never fully match the line (see `candidates`), so whenever the candidates give
 * a full match the result equals the full scan; when they do not, the caller falls back to the full
 * scan (unknown/incomplete lines, whose `reach`/`expect` depend on every command).
 */
import type { FrrCommandDef } from './table';

/** Commands sharing one first keyword: `base` may match any second word, `second` needs a keyword there. */
interface FirstEntry {
  kw: string;
  /** Commands whose second element is not a plain keyword (in table order). */
  base: FrrCommandDef[];
  /** Second keyword → commands `kw kw2 ...` (in table order). */
  second: Map<string, FrrCommandDef[]>;
}

/** Memo of one first word: its first entries and the merged candidate lists per second word. */
interface W0Memo {
  fes: FirstEntry[];
  /** Candidates when words[1] takes no second keyword (or is missing). */
  none: readonly FrrCommandDef[];
  /** words[1] (equal to some second keyword) → candidates. */
  exact: Map<string, readonly FrrCommandDef[]>;
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
    if (!e) firsts.set(kw, (e = { kw, base: [], second: new Map() }));
    return e;
  };
  defs.forEach((def, i) => {
    pos.set(def, i);
    if (!def.first) {
      fallback.push(def);
      return;
    }
    const [a, b] = def.items;
    if (a && a.k === 'kw' && !a.rep && b && b.k === 'kw') {
      const e = entry(a.text);
      const list = e.second.get(b.text);
      if (list) list.push(def);
      else e.second.set(b.text, [def]);
      return;
    }
    for (const k of new Set(def.first)) entry(k).base.push(def);
  });
  return { fallback, firsts: [...firsts.values()], pos, byW0: new Map() };
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
 * Left out are: commands none of whose first keywords starts with words[0] (the old pre-filter), and
 * commands `kw kw2 ...` whose kw2 does not take words[1] as itself or an abbreviation. A left-out
 * command never reaches past word 1, so for lines of two or more words the candidates also decide
 * whether the line is `incomplete`. The returned array is shared: do not modify it.
 */
export function candidates(ix: NodeIndex, words: readonly string[]): readonly FrrCommandDef[] {
  const w0 = words[0] ?? '';
  let memo = ix.byW0.get(w0);
  if (!memo) {
    const fes = ix.firsts.filter((e) => e.kw.startsWith(w0));
    memo = { fes, none: merge(ix, [ix.fallback, ...fes.map((e) => e.base)]), exact: new Map() };
    if (ix.byW0.size >= MEMO_MAX) ix.byW0.clear();
    ix.byW0.set(w0, memo);
  }
  if (words.length < 2) return memo.none;
  const w1 = words[1];
  const cached = memo.exact.get(w1);
  if (cached) return cached;
  const seconds: FrrCommandDef[][] = [];
  let abbreviated = false;
  for (const e of memo.fes) {
    if (e.second.size === 0) continue;
    for (const [k2, list] of e.second) {
      if (w1 === k2) seconds.push(list);
      else if (w1.length < k2.length && k2.startsWith(w1)) {
        seconds.push(list);
        abbreviated = true;
      }
    }
  }
  if (seconds.length === 0) return memo.none;
  const out = merge(ix, [memo.none, ...seconds]);
  // only exact second keywords are memoised, so the memo stays as small as the keyword set
  if (!abbreviated) memo.exact.set(w1, out);
  return out;
}
