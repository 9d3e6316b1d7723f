/**
 * Shapes of the scaffold generator (`generate`) and the cloud download importer (`parseCloudConfig`).
 * Plain JSON data: the same objects travel over the LSP custom requests and come from the CLI options.
 */

/** The customer-premises device the pair is written for. */
export type CpeKind = 'libreswan-frr' | 'yamaha-rtx';

/** The far end of both tunnels: a cloud, or another Libreswan host of the workspace. */
export type PeerKind = 'aws' | 'oci' | 'libreswan';

/** Everything the generator needs; `defaults(cpe, peer)` fills what the user did not say. */
export interface ScaffoldRequest {
  cpe: CpeKind;
  peer: PeerKind;
  /**
   * Where our side goes (absolute POSIX path): the host folder for Libreswan + FRR (files go to
   * `ipsec.d/` and `frr/` below it), the command file (`.rtx`) for Yamaha, or a folder to create one in.
   */
  target: string;
  /** Host folder of the Libreswan peer (peer `libreswan` only): its side is written there too. */
  peerTarget?: string;
  /** The peer's two outside (public) addresses, tunnel 1 then tunnel 2. */
  peerOutside: [string, string];
  /**
   * True when `peerOutside` holds the documentation defaults rather than addresses the user gave: the
   * generator then moves each to a documentation address the target host does not use yet. When false or
   * absent, an address that a conn or secrets entry of the host already uses is refused.
   */
  peerOutsideDefaulted?: boolean;
  /** Our outside address (`left=`, Yamaha `ipsec ike local address`). */
  localOutside: string;
  /**
   * True when `localOutside` is the documentation default rather than an address the user gave (or an
   * import read): on a host that already has tunnels, the generator then uses the outside address those
   * tunnels use (a router or gateway has one), instead of the default.
   */
  localOutsideDefaulted?: boolean;
  /** Our IKE ID when it differs from `localOutside` (NAT: the public address), else omitted. */
  localId?: string;
  /** Networks we advertise over BGP. */
  localNets: string[];
  /** Networks the Libreswan peer advertises (peer `libreswan` only). */
  peerNets?: string[];
  localAsn: number;
  peerAsn: number;
  /** Pre-shared keys per tunnel (imported); generated with a CSPRNG when absent. */
  psks?: [string, string];
  /** Our inside addresses with prefix per tunnel (imported, e.g. `169.254.44.2/30`); picked when absent. */
  insideLocal?: [string, string];
  /** The peer's inside addresses per tunnel (imported); derived from `insideLocal` when absent. */
  insidePeer?: [string, string];
  /** Next hop for the static routes of `localNets` (FRR `ip route NET GW`); `Null0` when absent. */
  lanGateway?: string;
  /** Remarks from an import, passed on to the result's notes. */
  importNotes?: string[];
  /** Also write a `vpnconf.json` naming the cloud peers (CLI into a fresh folder). */
  peersFile?: string;
}

/** One file of the result: create it, or append `text` to an existing file. */
export interface ScaffoldFile {
  /** Absolute POSIX path. */
  path: string;
  text: string;
  mode: 'create' | 'append';
  /** True when the file holds pre-shared keys (print its name, never its content). */
  secret?: boolean;
}

/** What `generate` returns: the files, and what it picked (for messages; no PSKs). */
export interface ScaffoldResult {
  files: ScaffoldFile[];
  /** Human-readable notes: chosen inside CIDRs, marks, interfaces, what to enter on the cloud side. */
  notes: string[];
}

/** One tunnel read from a cloud download. Any field may be missing; `generate` fills the rest. */
export interface ImportedTunnel {
  peerOutside?: string;
  localOutside?: string;
  /** Our IKE ID when it differs from `localOutside` (OCI: the CPE public address behind 1-1 NAT). */
  localId?: string;
  insideLocal?: string;
  insidePeer?: string;
  psk?: string;
  localAsn?: number;
  peerAsn?: number;
  /** IKE version the download states (1 or 2). */
  ikeVersion?: number;
}

/** Both tunnels of a cloud VPN connection as read from its configuration download. */
export interface ImportedTunnels {
  cloud: 'aws' | 'oci';
  format: 'aws-generic' | 'aws-yamaha' | 'oci-libreswan';
  tunnels: [ImportedTunnel, ImportedTunnel];
  /** Networks named by the download (OCI `${VcnCidrBlock}`), informational. */
  remoteNets: string[];
}

/** Default ASNs: AWS Amazon side 64512, OCI 31898, ours 65000 (private range). */
export const DEFAULT_ASN = { aws: 64512, oci: 31898, libreswan: 65001, local: 65000 } as const;
