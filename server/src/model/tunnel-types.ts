import type { Range } from '../core/types';
import type { Host } from '../workspace/hosts';
import type { Cidr } from './ip';
import type { IdKey, PskEntry } from './secrets';

/**
 * The language-neutral shapes of the tunnel model (DESIGN §3). Every fact carries the file URI and the
 * 0-based range of the value it was read from, so checks can point at it and quick fixes can edit it.
 */

/** A value read from a file: `text` as written, `value` parsed, `uri`/`range` where it is written. */
export interface Fact<T> {
  value: T;
  text: string;
  uri: string;
  range: Range;
}

/** Vendors a tunnel end can be written for. */
export type Vendor = 'libreswan' | 'yamaha';

/** A cloud provider at the far end of a tunnel (its config is not in the workspace). */
export type Cloud = 'aws' | 'oci';

/** An XFRM mark `value/mask` (Libreswan `mark=`, `mark-in=`, `mark-out=`); mask defaults to 0xffffffff. */
export interface Mark {
  value: number;
  mask: number;
}

/** A PSK as a tunnel end uses it. Holds the decoded key for comparison only: never print `psk.bytes`. */
export interface PskRef {
  psk: PskEntry;
  /** Range of the secret as written, and its file. */
  uri: string;
  range: Range;
}

/** BGP facts of the host about this tunnel (from FRR `router bgp` or Yamaha `bgp`), when present. */
export interface BgpFacts {
  localAsn?: Fact<number>;
  /** The BGP neighbor configured over this tunnel: its address lies in the end's inside prefix. */
  neighbor?: BgpNeighborFact;
  remoteAsn?: Fact<number>;
}

/** A BGP neighbor of a host (FRR `neighbor A remote-as N`, Yamaha `bgp neighbor N ASN A`). */
export interface BgpNeighborFact {
  address: Fact<Cidr>;
  remoteAsn?: Fact<number>;
  /** Every range where the neighbor address is written (for renaming it), the first is `address.range`. */
  mentions: Array<{ uri: string; range: Range }>;
}

/** The BGP configuration of a host, merged from its FRR files and Yamaha config. */
export interface HostBgp {
  localAsn?: Fact<number>;
  neighbors: BgpNeighborFact[];
}

/**
 * One end of a tunnel: a Libreswan conn or a Yamaha `tunnel select N`, with the facts the cross checks
 * need after `%default`/`also=` resolution. `local*` is this host's side (Libreswan `left` unless the
 * conn says `right=%defaultroute`), `remote*` the peer's.
 */
export interface TunnelEnd {
  /** Unique within a snapshot: `<host name>#<conn or tunnel name>`. */
  key: string;
  host: Host;
  /** Conn name or Yamaha tunnel number. */
  name: string;
  vendor: Vendor;
  /** Where the end is declared (conn name / `tunnel select N`). */
  uri: string;
  nameRange: Range;
  /** The whole declaration (conn section / tunnel block): a fact inside it is written by the end itself. */
  declRange: Range;
  /** Which Libreswan side is local (`left` for Yamaha). */
  localSide: 'left' | 'right';
  /** Outside addresses and IDs (raw text in `text`, normalized ID in `value`). */
  local?: Fact<IdKey | null>;
  localId?: Fact<IdKey | null>;
  remote?: Fact<IdKey | null>;
  remoteId?: Fact<IdKey | null>;
  authby?: Fact<string>;
  /** True when the end authenticates with a pre-shared key. */
  usesPsk: boolean;
  /** The PSK this end would use (null: none found, or the end does not use one). */
  psk: PskRef | null;
  mark?: Fact<Mark | null>;
  markIn?: Fact<Mark | null>;
  markOut?: Fact<Mark | null>;
  vtiInterface?: Fact<string>;
  vtiShared: boolean;
  /** This end's inside (tunnel interface) address with its prefix (`leftvti`, Yamaha `ip tunnel address`). */
  insideLocal?: Fact<Cidr>;
  /** The peer's inside address (`rightvti`, Yamaha `ip tunnel remote address`). */
  insideRemote?: Fact<Cidr>;
  localNets: Fact<Cidr>[];
  remoteNets: Fact<Cidr>[];
  /** Phase 1 / phase 2 proposals as written (`ike=`, `esp=`/`phase2alg=`, Yamaha algorithm lines). */
  ike?: Fact<string>;
  /** Yamaha: the phase 1 words of `ike`, each on its own line (`ipsec ike encryption/hash/group`), so a weak one is reported where it is written. */
  ikeParts?: Fact<string>[];
  esp?: Fact<string>;
  bgp: BgpFacts;
}

/**
 * How a message names a tunnel end, in the terms of its language — the one place that decides it:
 * a Libreswan conn is "conn `name`" (`quoted` false: "conn name", for related places and titles), a Yamaha
 * RTX tunnel is "tunnel N" (its `tunnel select N` block; `name` already reads "tunnel N").
 */
export function endLabel(e: Pick<TunnelEnd, 'vendor' | 'name'>, quoted = true): string {
  if (e.vendor === 'yamaha') return e.name;
  return quoted ? `conn \`${e.name}\`` : `conn ${e.name}`;
}

/** A short display name of a host: its vpnconf.json name, else the last folder (or file) of its root. */
export function hostLabel(h: Host): string {
  if (h.name !== h.root) return h.name;
  return h.root.replace(/\/+$/, '').split('/').pop() || h.root;
}

/** True when `f` is written inside the end's own declaration (not inherited from `%default`/`also=`). */
export function isOwnFact(e: TunnelEnd, f: { uri: string; range: Range }): boolean {
  return f.uri === e.uri && f.range.start.line >= e.declRange.start.line && f.range.start.line <= e.declRange.end.line;
}

/** The normalized outside keys of an end (address and ID), without `any`. */
export function localKeys(e: TunnelEnd): IdKey[] {
  return [e.local?.value, e.localId?.value].filter((k): k is IdKey => !!k && k !== 'any');
}

/** The normalized outside keys the end expects of its peer. */
export function remoteKeys(e: TunnelEnd): IdKey[] {
  return [e.remote?.value, e.remoteId?.value].filter((k): k is IdKey => !!k && k !== 'any');
}

/** The local ID Libreswan uses for secrets: `leftid=`, else `left=` when it is an address. */
export function localIdKey(e: TunnelEnd): IdKey | null {
  return e.localId?.value ?? e.local?.value ?? null;
}

/** The remote ID Libreswan uses for secrets: `rightid=`, else `right=`. */
export function remoteIdKey(e: TunnelEnd): IdKey | null {
  return e.remoteId?.value ?? e.remote?.value ?? null;
}

/** Effective inbound mark (`mark-in`, else `mark`). */
export function inMark(e: TunnelEnd): Fact<Mark | null> | undefined {
  return e.markIn ?? e.mark;
}

/** Effective outbound mark (`mark-out`, else `mark`). */
export function outMark(e: TunnelEnd): Fact<Mark | null> | undefined {
  return e.markOut ?? e.mark;
}

/** Parses a Libreswan mark (`5`, `0x5/0xffffffff`). Null for `-1` (Libreswan picks a unique mark) or junk. */
export function parseMark(text: string): Mark | null {
  const m = /^\s*(0[xX][0-9a-fA-F]+|\d+)(?:\/(0[xX][0-9a-fA-F]+|\d+))?\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  const mask = m[2] === undefined ? 0xffffffff : Number(m[2]);
  if (!Number.isFinite(value) || !Number.isFinite(mask) || value > 0xffffffff || mask > 0xffffffff) return null;
  return { value, mask };
}

/** Effective mark value under its mask, as the kernel compares it. */
export function markKey(m: Mark): number {
  return (m.value & m.mask) >>> 0;
}
