/**
 * Per-file facts of a Yamaha RTX command file (`lowerYamaha`): what the file configures, with the 0-based
 * range of every value so checks can point at it. Joins across files happen in `model/`, never here.
 */
import type { Range } from '../../core/types';
import type { ModelLimits } from './catalog';

/** A value and where it is written. */
export interface Ranged<T> {
  value: T;
  range: Range;
}

/** `ipsec sa policy P G esp ...` */
export interface SaPolicyFacts {
  id: Ranged<number>;
  gatewayId: Ranged<number>;
  protocol: string;
  espAlgorithm?: Ranged<string>;
  ahAlgorithm?: Ranged<string>;
  /** Whole command range. */
  range: Range;
  /** Tunnel selected where the policy is written (undefined when written outside a tunnel block). */
  inTunnel?: number;
}

/** A pre-shared key. `value` is kept only for matching the two ends; never print it. */
export interface PskFacts {
  value: string;
  form: 'text' | 'hex';
  /** Length in characters (text) or bytes (hex). */
  length: number;
  range: Range;
}

/** The `ipsec ike ... G` settings of one IKE gateway id G (written anywhere in the file). */
export interface IkeGatewayFacts {
  id: number;
  /** Range of the first command that names this gateway. */
  firstRange: Range;
  version?: Ranged<string>;
  localAddress?: Ranged<string>;
  localName?: Ranged<string>;
  remoteAddress?: Ranged<string>;
  remoteName?: Ranged<string>;
  preSharedKey?: PskFacts;
  encryption?: Ranged<string>;
  hash?: Ranged<string>;
  group?: Ranged<string>;
  pfs?: Ranged<string>;
  keepalive?: Ranged<string>;
  natTraversal?: Ranged<string>;
  /** `ipsec ike auth method G auto|pre-shared-key|certificate|eap-md5` (Rev.23.02.02 ref 15.3). */
  authMethod?: Ranged<string>;
  /** Every `ipsec ike ... G` command: catalogue name, command range and the range of the G word. */
  commands: { name: string; range: Range; idRange: Range; inTunnel?: number }[];
}

/** One `tunnel select N` block and what it configures. */
export interface TunnelFacts {
  id: number;
  /** Range of N in `tunnel select N`. */
  idRange: Range;
  selectLine: number;
  /** Last line of the block (folding heuristic, see YamahaBlock). */
  endLine: number;
  name?: Ranged<string>;
  description?: Ranged<string>;
  encapsulation?: Ranged<string>;
  enabled: boolean;
  enableRange?: Range;
  disabled: boolean;
  /** `ipsec tunnel P` inside the block. */
  ipsecTunnel?: Ranged<number>;
  /** The `ipsec sa policy` the block's `ipsec tunnel` points at (anywhere in the file). */
  saPolicy?: SaPolicyFacts;
  /** The IKE gateway of that policy; when the policy is undefined, the gateway numbered like the tunnel. */
  ike?: IkeGatewayFacts;
  /** `ip tunnel address A/len`: the local inside address. */
  insideAddress?: Ranged<string> & { prefixLength: number };
  /** `ip tunnel remote address R`. */
  insideRemote?: Ranged<string>;
}

/** `bgp neighbor N AS ADDRESS [options]` */
export interface BgpNeighborFacts {
  id: Ranged<number>;
  asn: Ranged<number>;
  address: Ranged<string>;
  localAddress?: Ranged<string>;
  holdTime?: Ranged<string>;
  passive?: Ranged<string>;
  range: Range;
}

/** A reference to a BGP filter number from `bgp import` / `bgp export`. */
export interface BgpFilterRef {
  id: number;
  range: Range;
  direction: 'import' | 'export';
}

/** BGP settings of the file. */
export interface BgpFacts {
  use?: Ranged<string>;
  asn?: Ranged<number>;
  routerId?: Ranged<string>;
  neighbors: BgpNeighborFacts[];
  /** `bgp import filter N ...` definitions: id -> ranges of N. */
  importFilters: Map<number, Range[]>;
  exportFilters: Map<number, Range[]>;
  filterRefs: BgpFilterRef[];
}

/**
 * `ip route NETWORK gateway G [options] [gateway G2 [options]] ...`. `other` is an interface, `dhcp IF`,
 * `loopbackN` or `null` (value as written). `weight` is the gateway's own `weight N` option: 0 makes it a
 * standby gateway, used only while the others are down (Yamaha command reference, "ip route").
 */
export interface RouteFacts {
  network: Ranged<string>;
  gateways: { kind: 'address' | 'tunnel' | 'pp' | 'other'; value: string; range: Range; weight?: number }[];
  range: Range;
}

/** `ip <interface> address A/len` or `ip <interface> secondary address A/len` (LAN interfaces: connected networks). */
export interface InterfaceAddressFacts {
  /** Interface name as written (`lan1`, `lan2/1`, `bridge1`...). */
  ifname: string;
  /** The address with its prefix as written (`192.168.1.1/24`). */
  address: Ranged<string>;
}

/** Everything one Yamaha file configures. */
export interface YamahaFacts {
  kind: 'yamaha-rtx';
  /** Model and firmware revision from the `show config` header, when present. */
  model?: Ranged<string>;
  revision?: string;
  limits?: ModelLimits;
  tunnels: TunnelFacts[];
  saPolicies: Map<number, SaPolicyFacts>;
  gateways: Map<number, IkeGatewayFacts>;
  /** `ipsec tunnel P` / `ipsec transport T P` references: policy id and range of P. */
  policyRefs: { id: number; range: Range; tunnel?: number }[];
  /** `tunnel enable N|all` commands. */
  enables: { id: number | 'all'; range: Range }[];
  bgp: BgpFacts;
  routes: RouteFacts[];
  interfaceAddresses: InterfaceAddressFacts[];
}
