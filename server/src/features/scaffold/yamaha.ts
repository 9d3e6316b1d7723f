import type { SidePlan } from './plan';
import { peerLabel } from './plan';

/** Numbers of the Yamaha objects of one pair (free in the target file). */
export interface YamahaNumbers {
  tunnels: [number, number];
  gateways: [number, number];
  policies: [number, number];
  neighbors: [number, number];
  filter: number;
  /** Write `bgp use on` / `bgp autonomous-system` (false when the file already has them). */
  bgpHeader: boolean;
}

/**
 * Renders both `tunnel select N` blocks (IKE, SA policy, inside addresses, DPD, MSS), then the BGP
 * lines: the two neighbors with `local-address=` and, towards AWS, `hold-time=30`; an import filter that
 * announces the local networks (connected and static routes are imported as `static` on RTX).
 * Algorithms: AES-256-CBC / SHA-256 / DH 14 (modp2048), accepted by AWS and OCI.
 */
export function renderYamaha(side: SidePlan, nums: YamahaNumbers, fresh: boolean): string {
  const l: string[] = [];
  if (fresh) l.push('# Yamaha RTX configuration, written by vpnconf scaffold.');
  l.push(`# Two IPsec tunnels to ${peerLabel(side.peer, side.base)} with BGP over both (ASN ${side.peerAsn}).`);
  side.tunnels.forEach((t, i) => {
    const g = nums.gateways[i];
    const p = nums.policies[i];
    l.push(
      `tunnel select ${nums.tunnels[i]}`,
      ` # ${t.name}`,
      ` ipsec tunnel ${p}`,
      `  ipsec sa policy ${p} ${g} esp aes256-cbc sha256-hmac`,
      `  ipsec ike duration ipsec-sa ${g} 3600`,
      `  ipsec ike encryption ${g} aes256-cbc`,
      `  ipsec ike group ${g} modp2048`,
      `  ipsec ike hash ${g} sha256`,
      `  ipsec ike keepalive use ${g} on dpd 10 3`,
      `  ipsec ike local address ${g} ${side.localOutside}`,
      `  ipsec ike pfs ${g} on`,
      `  ipsec ike pre-shared-key ${g} text ${t.psk}`,
      `  ipsec ike remote address ${g} ${t.peerOutside}`,
      ' ipsec tunnel outer df-bit clear',
      ` ip tunnel address ${t.insideLocal}`,
      ` ip tunnel remote address ${t.insidePeer}`,
      ' ip tunnel tcp mss limit 1379',
      ` tunnel enable ${nums.tunnels[i]}`,
    );
  });
  l.push('tunnel select none', 'ipsec auto refresh on');
  if (nums.bgpHeader) l.push('bgp use on', `bgp autonomous-system ${side.localAsn}`);
  const hold = side.peer === 'aws' ? ' hold-time=30' : '';
  side.tunnels.forEach((t, i) => {
    l.push(`bgp neighbor ${nums.neighbors[i]} ${side.peerAsn} ${t.insidePeer}${hold} local-address=${t.insideLocal.split('/')[0]}`);
  });
  l.push(`bgp import filter ${nums.filter} equal ${side.localNets.join(' ')}`);
  l.push(`bgp import ${side.peerAsn} static filter ${nums.filter}`);
  return l.join('\n') + '\n';
}
