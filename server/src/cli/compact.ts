// Compact forms of the facts the streamed CLI keeps between hosts (cli/stream.ts).
import type { Position, Range } from '../core/types';
import type { Cidr } from '../model/ip';

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
  /** Canonical CIDRs by family, then address and prefix length (`addr << 8 | prefix`). */
  private readonly cidrs = { 4: new Map<bigint, Cidr>(), 6: new Map<bigint, Cidr>() };

  /**
   * The shared flat copy of `s`. Strings under 13 characters are never slices or ropes in V8 (they are
   * copied), so only longer ones are interned. The copy comes from a JSON round trip: V8's JSON parser
   * builds a flat string, where `slice` would give a slice (32 bytes) of a flat parent.
   */
  string(s: string): string {
    if (s.length < 13) return s;
    let hit = this.strings.get(s);
    if (hit === undefined) {
      if (this.strings.size >= MAX_ENTRIES) this.strings.clear();
      hit = JSON.parse(JSON.stringify(s)) as string; // a flat copy: no rope, no slice of the file's text
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
   * The shared frozen CIDR equal to `c` (same family, address and prefix length, hence the same derived
   * fields), its texts flat. A CIDR is a value (`model/ip.ts`): every reader compares its fields, none its
   * identity. Tunnel ends, BGP neighbors and routes of a fleet repeat the same inside /30s many times.
   */
  cidr(c: Cidr): Cidr {
    const known = this.cidrs[c.family];
    const key = (c.addr << 8n) | BigInt(c.prefix);
    let hit = known.get(key);
    if (!hit) {
      if (known.size >= MAX_ENTRIES) known.clear();
      hit = Object.freeze({ family: c.family, addr: c.addr, prefix: c.prefix, network: c.network, last: c.last, address: this.string(c.address), networkText: this.string(c.networkText) });
      known.set(key, hit);
    }
    return hit;
  }

  /**
   * Replaces, in place, every range, CIDR and string reachable from `root` through plain objects and arrays
   * by its shared copy, and every array below `root` by an exact-length copy (an array grown by `push`
   * keeps room for 16 more items: ~130 bytes of slack each). An array or object reached twice gets the
   * same replacement both times. Other frozen objects (shared ranges), Maps, class instances and the
   * properties named in `skip` (e.g. `host`, `file`: shared or already light) are not entered. Returns
   * `root` itself, changed in place (an array root keeps its length and identity).
   */
  compact<T>(root: T, skip: ReadonlySet<string> = DEFAULT_SKIP): T {
    const done = new Map<object, unknown>();
    const visit = (v: unknown, top: boolean): unknown => {
      if (typeof v === 'string') return this.string(v);
      if (typeof v !== 'object' || v === null) return v;
      if (Object.isFrozen(v)) return isCidr(v) ? this.cidr(v) : v;
      if (isRange(v)) return this.range(v);
      const hit = done.get(v);
      if (hit !== undefined) return hit;
      if (Array.isArray(v)) {
        done.set(v, v);
        for (let i = 0; i < v.length; i++) v[i] = visit(v[i], false);
        if (top) return v;
        const copy = v.slice();
        done.set(v, copy);
        return copy;
      }
      done.set(v, v);
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      if (isCidr(v)) return this.cidr(v);
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!skip.has(k)) o[k] = visit(o[k], false);
      return v;
    };
    return visit(root, true) as T;
  }
}

/**
 * Entries the string and CIDR tables hold before they start over. Most repeats are within a host or between
 * neighbouring hosts (a tunnel's two ends); a table of every string of 10,000 hosts (~250,000 entries,
 * ~12 MB) costs more than the copies it saves.
 */
const MAX_ENTRIES = 20_000;

const DEFAULT_SKIP: ReadonlySet<string> = new Set(['host', 'file']);

const isPosition = (p: unknown): p is Position => typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number' && Object.keys(p).length === 2;
/** A `model/ip.ts` Cidr: its seven fields and nothing else (anything more would be lost by `cidr`). */
const isCidr = (c: object): c is Cidr => typeof (c as Cidr).addr === 'bigint' && typeof (c as Cidr).networkText === 'string' && typeof (c as Cidr).prefix === 'number' && Object.keys(c).length === 7;
const isRange = (r: unknown): r is Range => isPosition((r as Range).start) && isPosition((r as Range).end) && Object.keys(r as object).length === 2;
