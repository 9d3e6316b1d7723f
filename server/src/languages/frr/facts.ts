/** Per-file facts of an FRR configuration (the output of lower.ts). Ranges are 0-based, end exclusive. */
import type { Range } from '../../core/types';

/** A value with the range of the word(s) it came from. */
export interface Ranged<T> {
  value: T;
  range: Range;
}

/** BGP timers in seconds (keepalive, hold), from `timers bgp K H` or `neighbor X timers K H`. */
export interface FrrTimers {
  keepalive: number;
  hold: number;
  /** Range of the two numbers. */
  range: Range;
  line: number;
}

/** A `route-map` / `prefix-list` attachment of a neighbor. */
export interface FrrPolicyRef {
  kind: 'route-map' | 'prefix-list' | 'filter-list' | 'distribute-list';
  name: string;
  dir: 'in' | 'out';
  /** Address-family node where it was set (e.g. BGP_IPV4_NODE; BGP_NODE means the default ipv4 unicast). */
  afNode: string;
  range: Range;
}

/** One `neighbor` (address, interface name or peer-group name) of a `router bgp`. */
export interface FrrNeighbor {
  name: string;
  kind: 'ipv4' | 'ipv6' | 'interface' | 'peer-group';
  /** Range of the first mention. */
  range: Range;
  firstLine: number;
  /** `remote-as` value as written (number, `internal`, `external`). */
  remoteAs?: Ranged<string> & { line: number };
  peerGroup?: Ranged<string>;
  updateSource?: Ranged<string>;
  ebgpMultihop?: Ranged<string>;
  timers?: FrrTimers;
  policies: FrrPolicyRef[];
  /** Lines of every command about this neighbor. */
  lines: number[];
  /** Words `neighbor X ...` seen before X had a remote-as or peer-group (line, range of X, later remote-as line). */
  early: { line: number; range: Range }[];
}

/** A `network P [route-map NAME]` statement. */
export interface FrrNetwork {
  prefix: Ranged<string>;
  afNode: string;
  line: number;
  routeMap?: Ranged<string>;
}

/** One `router bgp ASN [vrf|view NAME]` block. */
export interface FrrRouterBgp {
  asn?: Ranged<string>;
  vrf?: Ranged<string>;
  /** Range of the `router bgp ...` words. */
  range: Range;
  line: number;
  endLine: number;
  routerId?: Ranged<string>;
  /** `bgp ebgp-requires-policy` in force (FRR default on unless `no bgp ebgp-requires-policy`, or `frr defaults datacenter`...). */
  ebgpRequiresPolicy: boolean;
  /** `bgp network import-check` in force (default on). */
  networkImportCheck: boolean;
  timers?: FrrTimers;
  neighbors: FrrNeighbor[];
  networks: FrrNetwork[];
}

/** One `ip|ipv6 prefix-list NAME [seq N] permit|deny P [ge N] [le N]` line. */
export interface FrrPrefixListEntry {
  afi: 'ip' | 'ipv6';
  name: Ranged<string>;
  seq?: number;
  action: 'permit' | 'deny';
  /** The prefix, or `any`. */
  prefix?: Ranged<string>;
  ge?: Ranged<number>;
  le?: Ranged<number>;
  line: number;
  text: string;
}

/** One `route-map NAME permit|deny SEQ` entry with its body lines. */
export interface FrrRouteMapEntry {
  name: Ranged<string>;
  action: string;
  seq: number;
  line: number;
  endLine: number;
  /** Body commands as written (match/set/call/on-match...). */
  body: { line: number; text: string }[];
}

/** A reference to a named route-map or prefix-list (anywhere but its definition). */
export interface FrrNameRef {
  kind: 'route-map' | 'prefix-list';
  name: string;
  range: Range;
  line: number;
}

/**
 * A static route `ip route P NEXTHOP|IFNAME ...` / `ipv6 route ...` (staticd; grammar of FRR 8.4.4
 * `staticd/static_vty.c`: `ip route <A.B.C.D/M|A.B.C.D A.B.C.D> <A.B.C.D|INTERFACE|Null0|reject|blackhole>
 * [A.B.C.D INTERFACE] [tag N] [(1-255)] [vrf NAME] [label W] [table N] [nexthop-vrf NAME] [onlink] [color N]`).
 */
export interface FrrStaticRoute {
  /** The prefix as `A.B.C.D/M` (a `A.B.C.D MASK` pair is converted; the range then covers both words). */
  prefix: Ranged<string>;
  /** The first word after the prefix as written (nexthop address, interface, `Null0`, `blackhole`...). */
  via?: string;
  /** Nexthop address, when one is given. */
  nexthop?: string;
  /** Outgoing interface, when one is given (alone or after the nexthop address). */
  ifname?: string;
  /** `blackhole`, `reject` or `Null0`: traffic is dropped, not forwarded. */
  discard: boolean;
  /** Administrative distance as written (FRR's default for static routes is 1). */
  distance?: number;
  vrf?: string;
  line: number;
  /** Range of the whole command (0-based). */
  range: Range;
}

/** An interface block with its addresses. */
export interface FrrInterface {
  name: Ranged<string>;
  vrf?: string;
  addresses: Ranged<string>[];
  line: number;
}

/** Everything the checks and features need from one FRR file. */
export interface FrrFacts {
  hostname?: Ranged<string>;
  routers: FrrRouterBgp[];
  prefixLists: FrrPrefixListEntry[];
  routeMaps: FrrRouteMapEntry[];
  refs: FrrNameRef[];
  staticRoutes: FrrStaticRoute[];
  interfaces: FrrInterface[];
  /** `frr defaults datacenter` (turns ebgp-requires-policy off by default). */
  defaultsProfile?: string;
}
