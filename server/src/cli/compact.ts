// Compact forms of the facts the streamed CLI keeps between hosts (cli/stream.ts).
import type { Position, Range } from '../core/types';

/**
 * Shares equal `Range`/`Position` objects and strings across the facts of every host: a fleet's files put
 * the same keywords on the same lines, so tunnel ends, BGP facts and findings of 10,000 hosts hold a few
 * thousand distinct ranges instead of ~20 range objects (3 heap objects each) per tunnel end. Shared
 * objects are frozen, so a caller that tried to change one would fail loudly instead of moving another
 * host's range. Strings are stored flat: a value sliced out of a file's text would keep the whole text.
 */
export class FactInterner {
  private readonly positions = new Map<number, Position>();
  private readonly ranges = new Map<Position, Map<Position, Range>>();
  private readonly strings = new Map<string, string>();

  /**
   * The shared flat copy of `s`. Strings under 13 characters are never slices or ropes in V8 (they are
   * copied), so only longer ones are interned.
   */
  string(s: string): string {
    if (s.length < 13) return s;
    let hit = this.strings.get(s);
    if (hit === undefined) {
      hit = (s + ' ').slice(0, -1); // flattens a rope and detaches a slice from its parent text
      this.strings.set(hit, hit);
    }
    return hit;
  }

  /** The shared position equal to `p` (or `p` itself when its character does not fit the key). */
  position(p: Position): Position {
    if (p.character >= 0x10000 || p.character < 0 || p.line < 0) return p;
    const key = p.line * 0x10000 + p.character;
    let hit = this.positions.get(key);
    if (!hit) this.positions.set(key, (hit = Object.freeze({ line: p.line, character: p.character })));
    return hit;
  }

  /** The shared range equal to `r`. */
  range(r: Range): Range {
    const start = this.position(r.start);
    const end = this.position(r.end);
    let byEnd = this.ranges.get(start);
    if (!byEnd) this.ranges.set(start, (byEnd = new Map()));
    let hit = byEnd.get(end);
    if (!hit) byEnd.set(end, (hit = Object.freeze({ start, end })));
    return hit;
  }

  /**
   * Replaces, in place, every range and string reachable from `root` through plain objects and arrays by
   * its shared copy. Frozen objects (memoized CIDRs, shared ranges), Maps, class instances and the properties named in
   * `skip` (e.g. `host`, `file`: shared or already light) are not entered. Returns `root`.
   */
  compact<T>(root: T, skip: ReadonlySet<string> = DEFAULT_SKIP, seen = new Set<object>()): T {
    const visit = (v: unknown): unknown => {
      if (typeof v === 'string') return this.string(v);
      if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
      if (isRange(v)) return this.range(v);
      if (seen.has(v)) return v;
      seen.add(v);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
        return v;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!skip.has(k)) o[k] = visit(o[k]);
      return v;
    };
    return visit(root) as T;
  }
}

const DEFAULT_SKIP: ReadonlySet<string> = new Set(['host', 'file']);

const isPosition = (p: unknown): p is Position => typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number' && Object.keys(p).length === 2;
const isRange = (r: unknown): r is Range => isPosition((r as Range).start) && isPosition((r as Range).end) && Object.keys(r as object).length === 2;
