import type { SidePlan } from './plan';
import { peerLabel } from './plan';

/** Names of the FRR policy objects of one pair (unique on the host). */
export interface FrrNames {
  routeMapIn: string;
  routeMapOut: string;
  prefixList: string;
}

/**
 * Renders the BGP part for FRR: the neighbors over both VTIs (timers 10/30 but towards OCI), the local networks,
 * an inbound and an outbound route-map (eBGP needs both), and the prefix-list of what we announce.
 * `fresh` adds the `frr defaults` header of a new file. Appending a second `router bgp` block with the
 * host's own ASN is valid FRR: it re-enters the same instance.
 */
export function renderBgp(side: SidePlan, names: FrrNames, fresh: boolean): string {
  const l: string[] = [];
  if (fresh) l.push('! FRR configuration, written by vpnconf scaffold.', 'frr defaults traditional', '!');
  l.push(`! BGP over the two tunnels to ${peerLabel(side.peer, side.base)} (ASN ${side.peerAsn}), written by vpnconf scaffold.`);
  l.push(`router bgp ${side.localAsn}`);
  for (const t of side.tunnels) {
    l.push(` neighbor ${t.insidePeer} remote-as ${side.peerAsn}`);
    l.push(` neighbor ${t.insidePeer} description ${t.name}`);
    // AWS's timers (keepalive 10 s, hold 30 s); between two Libreswan hosts the same, for fast failover.
    if (side.peer !== 'oci') l.push(` neighbor ${t.insidePeer} timers 10 30`);
  }
  l.push(' !', ' address-family ipv4 unicast');
  for (const n of side.localNets) l.push(`  network ${n}`);
  for (const t of side.tunnels) {
    l.push(`  neighbor ${t.insidePeer} soft-reconfiguration inbound`);
    l.push(`  neighbor ${t.insidePeer} route-map ${names.routeMapIn} in`);
    l.push(`  neighbor ${t.insidePeer} route-map ${names.routeMapOut} out`);
  }
  l.push(' exit-address-family', 'exit', '!');
  side.localNets.forEach((n, i) => l.push(`ip prefix-list ${names.prefixList} seq ${(i + 1) * 5} permit ${n}`));
  l.push('!', `route-map ${names.routeMapIn} permit 10`, 'exit', '!');
  l.push(`route-map ${names.routeMapOut} permit 10`, ` match ip address prefix-list ${names.prefixList}`, 'exit', '!');
  return l.join('\n') + '\n';
}

/**
 * Static routes for the announced networks, so `network` statements have a route in the RIB
 * (`lanGateway` as next hop, else Null0: an aggregate that longer connected routes override).
 */
export function renderStatic(side: SidePlan, fresh: boolean): string {
  const l: string[] = [];
  if (fresh) l.push('! Static routes, written by vpnconf scaffold.');
  l.push(`! Routes for the networks announced to ${peerLabel(side.peer, side.base)}.`);
  for (const n of side.localNets) l.push(`ip route ${n} ${side.lanGateway ?? 'Null0'}`);
  l.push('!');
  return l.join('\n') + '\n';
}
