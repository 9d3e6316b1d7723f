import type { PeerKind } from './types';

/** One tunnel as the renderers see it: every value decided, nothing left to pick. */
export interface TunnelPlan {
  /** 1 or 2. */
  index: number;
  /** Conn name (Libreswan) / comment label (Yamaha). */
  name: string;
  peerOutside: string;
  psk: string;
  /** Our inside address and prefix length, e.g. `169.254.20.2/30`. */
  insideLocal: string;
  /** The peer's inside address (no prefix). */
  insidePeer: string;
  prefixLength: number;
  mark: number;
  vti: string;
  /** This side's outside address when it differs per tunnel (a Libreswan peer with two addresses). */
  localOutside?: string;
}

/** The decided pair for one side (ours, or the Libreswan peer's). */
export interface SidePlan {
  peer: PeerKind;
  localOutside: string;
  localId?: string;
  /** The peer's IKE ID when it differs from its outside address (the Libreswan peer facing our NAT). */
  remoteId?: string;
  localNets: string[];
  localAsn: number;
  peerAsn: number;
  lanGateway?: string;
  tunnels: [TunnelPlan, TunnelPlan];
  /** Base for file and policy names (`aws`, `oci`, or the peer host's label). */
  base: string;
}

/** Display name of the peer for comments: `AWS`, `OCI`, or `Libreswan host <name>` (`base` is its name). */
export function peerLabel(p: PeerKind, base?: string): string {
  return p === 'aws' ? 'AWS' : p === 'oci' ? 'OCI' : `Libreswan host ${base ?? 'peer'}`;
}

/** Libreswan proposals both clouds and Libreswan 4/5 accept: AES-256, SHA2-384, DH 20 (ECP-384). */
export const LIBRESWAN_IKE = 'aes256-sha2_384;ecp384';
/** Phase 2: AES-256-GCM with PFS DH 20. */
export const LIBRESWAN_ESP = 'aes_gcm256;ecp384';
