/**
 * Value classes of the FRR CLI grammar and how one input word matches them. The rules are FRR 8.4.4's
 * (lib/command_match.c, lib/command_lex.l), restated in our own code: an IPv4 octet has at most three
 * digits, no leading zero and is <= 255; prefix lengths are decimal, <= 32 (IPv4) / <= 128 (IPv6) / <= 48
 * (MAC); a range token is a signed decimal integer within [lo, hi]; a variable matches any word; a
 * keyword matches itself or any non-empty prefix of itself (abbreviation).
 */

/** Grammar value classes spelt the way commands.json spells them. */
export type ValueClass = 'A.B.C.D' | 'A.B.C.D/M' | 'X:X::X:X' | 'X:X::X:X/M' | 'X:X:X:X:X:X' | 'X:X:X:X:X:X/M';

/** The value classes, for recognising them in command strings. */
export const VALUE_CLASSES: readonly ValueClass[] = [
  'A.B.C.D', 'A.B.C.D/M', 'X:X::X:X', 'X:X::X:X/M', 'X:X:X:X:X:X', 'X:X:X:X:X:X/M',
];

/** How well a word matches a grammar token: none, a prefix of what is needed, or fully. */
export type MatchLevel = 0 | 1 | 2;
export const NO_MATCH: MatchLevel = 0;
export const PARTLY: MatchLevel = 1;
export const EXACT: MatchLevel = 2;

/**
 * True when `w[from, to)` is a dotted-quad IPv4 address the way FRR's CLI reads one (four octets of 1-3
 * decimal digits, no leading zero, each <= 255). Scans char codes, allocates nothing: the grammar
 * matcher asks this of every address word against every command with an A.B.C.D token.
 */
export function isIPv4(w: string, from = 0, to = w.length): boolean {
  let dots = 0;
  let digits = 0;
  let v = 0;
  let lead0 = false;
  for (let i = from; i < to; i++) {
    const c = w.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
      v = 0;
      continue;
    }
    if (c < 48 || c > 57 || digits === 3 || (digits === 1 && lead0)) return false;
    lead0 = digits === 0 && c === 48;
    v = v * 10 + (c - 48);
    if (v > 255) return false;
    digits++;
  }
  return dots === 3 && digits > 0;
}

/** Parses a dotted-quad IPv4 address the way FRR's CLI does; returns the 4 octets or null. */
export function parseIPv4(w: string): number[] | null {
  if (!isIPv4(w)) return null;
  return w.split('.').map(Number);
}

/** Parses an IPv6 address (RFC 4291 text forms incl. embedded IPv4); returns 8 groups or null. */
export function parseIPv6(w: string): number[] | null {
  if (w.length === 0 || w.length > 45 || !/^[0-9a-fA-F:.]+$/.test(w)) return null;
  let tail4: number[] | null = null;
  let s = w;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail4 = parseIPv4(s.slice(lastColon + 1));
    if (!tail4) return null;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return null;
  const toGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const gs = part.split(':');
    const out: number[] = [];
    for (const g of gs) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const a = toGroups(s.slice(0, dbl));
    const b = toGroups(s.slice(dbl + 2));
    if (!a || !b || a.length + b.length > 7) return null;
    groups = [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b];
  } else {
    const a = toGroups(s);
    if (!a || a.length !== 8) return null;
    groups = a;
  }
  if (tail4) {
    groups[6] = tail4[0] * 256 + tail4[1];
    groups[7] = tail4[2] * 256 + tail4[3];
  }
  return groups;
}

function maskOf(m: string, max: number): number | null {
  if (!/^\d+$/.test(m)) return null;
  const v = Number(m);
  return v <= max ? v : null;
}

/** Splits `addr/len`; returns null when there is no single slash. */
export function splitPrefix(w: string): { addr: string; len: string } | null {
  const i = w.indexOf('/');
  if (i < 0 || w.indexOf('/', i + 1) >= 0) return null;
  return { addr: w.slice(0, i), len: w.slice(i + 1) };
}

const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/** True when `w` is a complete, valid value of class `c`. */
export function matchesClass(c: ValueClass, w: string): boolean {
  switch (c) {
    case 'A.B.C.D':
      return isIPv4(w);
    case 'X:X::X:X':
      return w.includes(':') && parseIPv6(w) !== null;
    case 'X:X:X:X:X:X':
      return MAC_RE.test(w);
    case 'A.B.C.D/M': {
      const i = w.indexOf('/');
      return i >= 0 && w.indexOf('/', i + 1) < 0 && isIPv4(w, 0, i) && maskOf(w.slice(i + 1), 32) !== null;
    }
    case 'X:X::X:X/M': {
      const p = splitPrefix(w);
      return !!p && p.addr.includes(':') && parseIPv6(p.addr) !== null && maskOf(p.len, 128) !== null;
    }
    case 'X:X:X:X:X:X/M': {
      const p = splitPrefix(w);
      return !!p && MAC_RE.test(p.addr) && maskOf(p.len, 48) !== null;
    }
  }
}

/** True when `w` is a decimal integer (optional sign) within [lo, hi]. */
export function matchesRange(lo: number, hi: number, w: string): boolean {
  if (!/^[-+]?\d+$/.test(w)) return false;
  const v = Number(w);
  return v >= lo && v <= hi;
}

/** Match level of `w` against keyword `kw`: exact, a prefix (abbreviation), or none. */
export function matchKeyword(kw: string, w: string): MatchLevel {
  if (w === kw) return EXACT;
  if (w.length < kw.length && kw.startsWith(w)) return PARTLY;
  return NO_MATCH;
}
