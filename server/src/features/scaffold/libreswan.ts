import type { SidePlan, TunnelPlan } from './plan';
import { LIBRESWAN_ESP, LIBRESWAN_IKE, peerLabel } from './plan';

/**
 * Renders the Libreswan side of a pair: two route-based conns (0.0.0.0/0 selectors over a VTI with a
 * unique mark), their secrets lines, and a minimal `ipsec.conf` for a fresh host.
 */

/** `ipsec.d/<base>.conf`: both conns. */
export function renderConns(side: SidePlan): string {
  const lines = [
    `# Two route-based tunnels to ${peerLabel(side.peer, side.base)} (a redundant pair), written by vpnconf scaffold.`,
    `# BGP runs over the VTIs (see frr/); each tunnel has its own mark, interface and inside /${side.tunnels[0].prefixLength}.`,
  ];
  for (const t of side.tunnels) lines.push('', ...conn(side, t));
  return lines.join('\n') + '\n';
}

function conn(side: SidePlan, t: TunnelPlan): string[] {
  const out = [
    `conn ${t.name}`,
    `    left=${t.localOutside ?? side.localOutside}`,
    ...(side.localId && side.localId !== side.localOutside ? [`    leftid=${side.localId}`] : []),
    `    right=${t.peerOutside}`,
    ...(side.remoteId && side.remoteId !== t.peerOutside ? [`    rightid=${side.remoteId}`] : []),
    '    authby=secret',
    '    auto=start',
    '    ikev2=insist',
    `    ike=${LIBRESWAN_IKE}`,
    `    esp=${LIBRESWAN_ESP}`,
    '    ikelifetime=28800s',
    '    ipsec-lifetime=3600s',
    '    leftsubnet=0.0.0.0/0',
    '    rightsubnet=0.0.0.0/0',
    `    mark=${t.mark}/0xffffffff`,
    `    vti-interface=${t.vti}`,
    '    vti-routing=no',
    `    leftvti=${t.insideLocal}`,
  ];
  if (side.peer === 'oci') out.push('    encapsulation=yes');
  return out;
}

/** `ipsec.d/<base>.secrets`: one PSK line per tunnel, keyed by our ID and the peer's address. */
export function renderSecrets(side: SidePlan): string {
  const lines = [`# Pre-shared keys of the tunnels to ${peerLabel(side.peer, side.base)} (keep this file private: chmod 600).`];
  for (const t of side.tunnels) lines.push(`${side.localId ?? t.localOutside ?? side.localOutside} ${side.remoteId ?? t.peerOutside} : PSK "${t.psk}"`);
  return lines.join('\n') + '\n';
}

/** A minimal `ipsec.conf` that loads `ipsec.d/` (for a host that has none). */
export function renderIpsecConf(): string {
  return ['# Libreswan main configuration, written by vpnconf scaffold.', 'config setup', '    logfile=/var/log/pluto.log', '', 'include /etc/ipsec.d/*.conf', ''].join('\n');
}

/** The line to append to an `ipsec.conf` that does not include `ipsec.d/` yet. */
export const INCLUDE_LINE = '\ninclude /etc/ipsec.d/*.conf\n';
