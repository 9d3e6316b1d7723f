import { contains, parseCidr, type Cidr } from './ip';
import type { Cloud, TunnelEnd } from './tunnel-types';

/**
 * Facts about AWS and OCI Site-to-Site VPN used by the cloud checks and quick fixes. Values and their
 * sources are those of ../shared/reference/clouds/{aws,oci}.json:
 * - AWS: "Tunnel options for your Site-to-Site VPN connection"
 *   (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html) and the EC2 API
 *   VpnTunnelOptionsSpecification (reserved /30 list, PSK alphabet and length).
 * - OCI: "Supported IPSec Parameters" (https://docs.oracle.com/en-us/iaas/Content/Network/Reference/supportedIPsecparams.htm),
 *   SDK CreateIPSecTunnelBgpSessionDetails (/30 or /31) and UpdateIPSecConnectionTunnelSharedSecretDetails
 *   ("numbers, letters, and spaces").
 */

/** AWS: the inside CIDR must be a /30 inside this range. */
export const AWS_INSIDE_PARENT: Cidr = parseCidr('169.254.0.0/16')!;

/** AWS: /30 blocks that may not be used as inside CIDRs (EC2 API VpnTunnelOptionsSpecification). */
export const AWS_RESERVED_INSIDE: readonly Cidr[] = ['169.254.0.0/30', '169.254.1.0/30', '169.254.2.0/30', '169.254.3.0/30', '169.254.4.0/30', '169.254.5.0/30', '169.254.169.252/30'].map((t) => parseCidr(t)!);

/** OCI: link-local ranges reserved for inside tunnel interfaces (marked uncertain in the reference: warn only). */
export const OCI_RESERVED_INSIDE: readonly Cidr[] = ['169.254.10.0/23', '169.254.12.0/22', '169.254.16.0/22', '169.254.100.0/22', '169.254.104.0/22', '169.254.108.0/23', '169.254.192.0/21', '169.254.200.0/23'].map((t) => parseCidr(t)!);

/** AWS PSK rule: 8–64 of `[A-Za-z0-9._]`, not starting with `0`. */
export const AWS_PSK = /^[A-Za-z1-9._][A-Za-z0-9._]{7,63}$/;
/** OCI PSK rule: letters, digits and spaces (max 255, uncertain). */
export const OCI_PSK = /^[A-Za-z0-9 ]{1,255}$/;

/** Alphabet of generated keys valid for both clouds (letters and digits), first character never `0`. */
export const PSK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Cloud-side BGP ASNs that identify the provider (OCI 31898 commercial, 14544 US Gov; AWS legacy VGW ASNs). */
const ASN_CLOUD: ReadonlyMap<number, Cloud> = new Map<number, Cloud>([
  [31898, 'oci'],
  [14544, 'oci'],
  [7224, 'aws'],
  [10124, 'aws'],
  [9059, 'aws'],
  [17493, 'aws'],
]);

/** The display name of a cloud. */
export function cloudName(c: Cloud): string {
  return c === 'aws' ? 'AWS' : 'OCI';
}

/**
 * The cloud at the far end of an unpaired end: a `vpnconf.json` `"peers"` entry for the remote outside
 * address or ID wins; else the peer's BGP ASN (31898/14544 OCI; 7224/10124/9059/17493 AWS; AWS's default
 * 64512 only when the inside address lies in 169.254.0.0/16, as AWS requires).
 */
export function cloudOfEnd(e: TunnelEnd, peers: ReadonlyMap<string, Cloud> | undefined): Cloud | null {
  if (peers?.size) {
    for (const f of [e.remote, e.remoteId]) {
      if (!f) continue;
      const byText = peers.get(f.text) ?? (f.value ? peers.get(f.value.replace(/^(ip|fqdn|text):/, '')) : undefined);
      if (byText) return byText;
    }
  }
  const asn = e.bgp.remoteAsn?.value;
  if (asn !== undefined) {
    const c = ASN_CLOUD.get(asn);
    if (c) return c;
    if (asn === 64512 && e.insideLocal && contains(AWS_INSIDE_PARENT, e.insideLocal.value)) return 'aws';
  }
  return null;
}
