import { Address4, Address6 } from 'ip-address';

/**
 * IP and CIDR arithmetic for the tunnel model. Every parse and every network/broadcast computation goes
 * through the `ip-address` package; this file only compares the resulting BigInts.
 */

/** A parsed address or CIDR. `addr` is the address as written; `network`/`last` bound its prefix. */
export interface Cidr {
  family: 4 | 6;
  /** The address as written (host bits kept), as an unsigned integer. */
  addr: bigint;
  /** Prefix length (32 / 128 when none was written). */
  prefix: number;
  /** First address of the prefix (the network address). */
  network: bigint;
  /** Last address of the prefix (the IPv4 broadcast address). */
  last: bigint;
  /** Canonical text of `addr` alone (no prefix). */
  address: string;
  /** Canonical text of the network: `network/prefix`. */
  networkText: string;
}

/**
 * Parsed CIDRs by text. `parseCidr` is pure and its results are frozen, so one object per text is shared;
 * the cache is cleared when it grows past `MEMO_MAX` entries (a long-running server never grows it without
 * bound). Profiling (BENCH.md) showed ip-address parsing dominating re-analysis: the same addresses are
 * parsed on every edit and once per secrets entry per conn.
 */
const memo = new Map<string, Cidr | null>();
const MEMO_MAX = 20_000;

/** Canonical dotted quad (no leading zeros) with an optional decimal prefix 0..32 without leading zero. */
const IPV4_FAST = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/(3[0-2]|[12]\d|\d))?$/;
const v4text = (n: bigint): string => `${(n >> 24n) & 255n}.${(n >> 16n) & 255n}.${(n >> 8n) & 255n}.${n & 255n}`;

/**
 * Parses `a.b.c.d[/n]` or an IPv6 `addr[/n]`. Returns null for anything else (`%any`, names, junk).
 * Results are frozen and shared per text (see `memo`).
 */
export function parseCidr(text: string): Cidr | null {
  let c = memo.get(text);
  if (c !== undefined) return c;
  c = fastIPv4(text.trim()) ?? parseCidrSlow(text);
  if (c) Object.freeze(c);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(text, c);
  return c;
}

/**
 * The common case, a canonical IPv4 address or prefix, without ip-address: the same values ip-address
 * computes (host bits kept in `addr`, network = addr & mask, last = network | ~mask). Anything else
 * (leading zeros, IPv6, junk) returns undefined and goes through ip-address.
 */
function fastIPv4(t: string): Cidr | undefined {
  const m = IPV4_FAST.exec(t);
  if (!m) return undefined;
  const addr = (BigInt(m[1]) << 24n) | (BigInt(m[2]) << 16n) | (BigInt(m[3]) << 8n) | BigInt(m[4]);
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  const hostMask = (1n << BigInt(32 - prefix)) - 1n;
  const network = addr & ~hostMask & 0xffffffffn;
  return make(4, addr, prefix, network, network | hostMask, v4text(addr), `${v4text(network)}/${prefix}`);
}

function parseCidrSlow(text: string): Cidr | null {
  const t = text.trim();
  if (!t || t.startsWith('%')) return null;
  try {
    if (Address4.isValid(t)) {
      const a = new Address4(t.includes('/') ? t : `${t}/32`);
      const bare = new Address4(a.addressMinusSuffix ?? t.split('/')[0]);
      return make(4, bare.bigInt(), a.subnetMask, a.startAddress().bigInt(), a.endAddress().bigInt(), bare.correctForm(), `${a.startAddress().correctForm()}/${a.subnetMask}`);
    }
    if (Address6.isValid(t)) {
      const a = new Address6(t.includes('/') ? t : `${t}/128`);
      const bare = new Address6(t.split('/')[0]);
      return make(6, bare.bigInt(), a.subnetMask, a.startAddress().bigInt(), a.endAddress().bigInt(), bare.correctForm(), `${a.startAddress().correctForm()}/${a.subnetMask}`);
    }
  } catch {
    return null;
  }
  return null;
}

function make(family: 4 | 6, addr: bigint, prefix: number, network: bigint, last: bigint, address: string, networkText: string): Cidr {
  return { family, addr, prefix, network, last, address, networkText };
}

/** Canonical text of a single address (`192.0.2.1`, compressed IPv6), or null when `text` is not one. */
export function canonicalAddress(text: string): string | null {
  const c = parseCidr(text);
  return c && (c.prefix === (c.family === 4 ? 32 : 128) || !text.includes('/')) ? c.address : null;
}

/** Text of an integer address of a family (via ip-address). */
export function addressText(family: 4 | 6, value: bigint): string {
  if (family === 4 && value >= 0n && value <= 0xffffffffn) return v4text(value);
  return family === 4 ? Address4.fromBigInt(value).correctForm() : Address6.fromBigInt(value).correctForm();
}

/** True when every address of `inner` lies inside `outer` (same family). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.network <= inner.network && inner.last <= outer.last;
}

/** True when the two prefixes share at least one address (same family). CIDRs either nest or are disjoint. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= b.last && b.network <= a.last;
}

/** True when both prefixes cover exactly the same addresses. */
export function samePrefix(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network === b.network && a.prefix === b.prefix;
}

/** True for a default route (`0.0.0.0/0`, `::/0`). */
export function isDefaultRoute(c: Cidr): boolean {
  return c.prefix === 0;
}

/**
 * True when the address is the network or the broadcast address of its IPv4 prefix and the prefix has
 * such reserved addresses (length 30 or shorter; RFC 3021 lets a /31 use both of its addresses).
 */
export function isNetworkOrBroadcast(c: Cidr): boolean {
  if (c.family !== 4 || c.prefix > 30) return false;
  return c.addr === c.network || c.addr === c.last;
}

/** True when `c` is a point-to-point link prefix: IPv4 /30 or /31 (RFC 3021), IPv6 /126 or /127 (RFC 6164). */
export function isPointToPoint(c: Cidr): boolean {
  return c.family === 4 ? c.prefix === 30 || c.prefix === 31 : c.prefix === 126 || c.prefix === 127;
}

/**
 * The other host address of a point-to-point link: in a /30 the two usable hosts are network+1 and
 * network+2; in a /31 (RFC 3021) both addresses are hosts. Returns null when `c` is no /30 or /31 or is the
 * network or broadcast address of a /30. IPv6 /127 (RFC 6164) and /126 follow the same two rules.
 */
export function peerOf(c: Cidr): bigint | null {
  const p2p31 = c.family === 4 ? 31 : 127;
  const p2p30 = c.family === 4 ? 30 : 126;
  if (c.prefix === p2p31) return c.addr === c.network ? c.last : c.network;
  if (c.prefix === p2p30) {
    if (c.addr === c.network + 1n) return c.network + 2n;
    if (c.addr === c.network + 2n) return c.network + 1n;
  }
  return null;
}

/** Index of `c.addr` within its prefix (0 = network address). */
export function hostIndex(c: Cidr): bigint {
  return c.addr - c.network;
}

/** Builds a Cidr for an integer address with a prefix length (text via ip-address). */
export function cidrOf(family: 4 | 6, value: bigint, prefix: number): Cidr {
  return parseCidr(`${addressText(family, value)}/${prefix}`)!;
}

/** Splits a Libreswan subnet list (`{a, b}`, `a,b`, blanks) into parsed prefixes; unparsable items are skipped. */
export function parseCidrList(text: string): Cidr[] {
  return text
    .replace(/[{}]/g, ' ')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(parseCidr)
    .filter((c): c is Cidr => c !== null);
}
