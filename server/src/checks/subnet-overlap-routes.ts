import type { Finding } from '../core/types';
import { contains, isDefaultRoute, parseCidr, type Cidr } from '../model/ip';
import type { StaticRoute } from '../model/static-routes';
import { endLabel, type Fact, type TunnelEnd } from '../model/tunnel-types';

/**
 * Static-route rules of `subnet-overlap` (rules 5 and 6 of subnet-overlap.ts), split out to keep that file
 * short. Reasoning is a router's: the longest matching prefix wins; among routes to the same prefix the
 * lowest administrative distance wins (FRR zebra: connected 0, static 1 unless written, eBGP 20), and equal
 * distances share the traffic (ECMP).
 */

/** A network the host sends into a tunnel, with the distance of that tunnel route. */
interface TunnelNet {
  net: Fact<Cidr>;
  end?: TunnelEnd;
  /** How it enters: `vti1`, `tunnel 1`, or the conn's `rightsubnet`. */
  via: string;
  distance: number;
  /** A static route into a tunnel that strictly covers one of the host's own networks: a summary. */
  summary: boolean;
}

/** A network of the host itself, and what makes it local (for messages). */
export interface LocalNet {
  net: Fact<Cidr>;
  what: string;
}

/**
 * The host's own networks: the non-default local networks (`leftsubnet`) of its ends, and the connected
 * networks of its FRR interfaces and Yamaha `ip lanN address` lines that are no tunnel interface (not an
 * end's VTI, not inside an end's inside prefix).
 */
export function localNets(ends: readonly TunnelEnd[], connected: ReadonlyArray<Fact<Cidr> & { ifname: string }>): LocalNet[] {
  const local: LocalNet[] = [];
  for (const e of ends) for (const n of e.localNets) if (!isDefaultRoute(n.value)) local.push({ net: n, what: `local network of ${endLabel(e, false)}` });
  for (const c of connected) {
    const tunnelIf = ends.some((e) => e.vtiInterface?.text === c.ifname || (e.insideLocal && contains(e.insideLocal.value, c.value)));
    if (!tunnelIf && !isDefaultRoute(c.value)) local.push({ net: { ...c, text: c.value.networkText }, what: `connected network of interface ${c.ifname}` });
  }
  return local;
}

const routeBased = (e: TunnelEnd): boolean => !!(e.vtiInterface || e.mark?.value || e.markIn?.value || e.markOut?.value || e.vendor === 'yamaha');

const endOrVia = (e: TunnelEnd | undefined, via: string): string => (e ? endLabel(e) : `\`${via}\``);

/**
 * The networks a host routes into its tunnels: the prefix of every active static route into a tunnel
 * (not a standby Yamaha gateway, not a default route), and the non-default remote networks
 * (`rightsubnet`) of route-based ends (VTI or marked conns), which Libreswan routes into the VTI itself
 * (taken as distance 1, like a static route). Policy-based conns are left out: their XFRM policy
 * encrypts matching packets whichever nexthop the routing table picked, so no route can bypass them.
 */
function tunnelNets(routes: readonly StaticRoute[], ends: readonly TunnelEnd[], local: readonly LocalNet[]): TunnelNet[] {
  const out: TunnelNet[] = [];
  for (const r of routes) {
    if (r.kind !== 'tunnel' || r.standby || isDefaultRoute(r.prefix.value)) continue;
    const summary = local.some((l) => contains(r.prefix.value, l.net.value) && r.prefix.value.prefix < l.net.value.prefix);
    out.push({ net: r.prefix, end: r.end, via: r.via, distance: r.distance, summary });
  }
  for (const e of ends) {
    if (!routeBased(e)) continue;
    for (const n of e.remoteNets) if (!isDefaultRoute(n.value)) out.push({ net: n, end: e, via: 'rightsubnet', distance: 1, summary: false });
  }
  return out;
}

/**
 * Rule 5 — a static route that keeps traffic out of a tunnel. A route R (not into a tunnel, not a
 * discard route, not a Yamaha standby gateway, not a default route) is reported when its prefix equals or
 * lies inside a tunnel network T (the most specific T that covers it; among equal ones the lowest
 * distance) and R's distance is not above T's:
 * - R more specific than T: the longest match sends R's addresses elsewhere;
 * - R equal to T with a lower distance: R replaces the tunnel route; with an equal one they share the
 *   traffic (ECMP), so part of it never enters the tunnel.
 * Not reported, on purpose:
 * - R into the tunnel itself (its VTI, a nexthop in its inside prefix, Yamaha `tunnel N`), or into another
 *   tunnel (two VTIs of a redundant pair carrying one prefix, with identical 0.0.0.0/0 selectors, is the
 *   ECMP pattern);
 * - a floating route: R's distance above T's. Such a route stays out of the table while the primary is
 *   up. A more specific R with a high distance is taken as floating too: it is written to back up a route
 *   we cannot see (learnt over the tunnel by BGP, distance 20), and the distance says so;
 * - R a strict supernet of T (a summary or a backup over another path): the longest match keeps T's
 *   traffic in the tunnel and R takes it only when the tunnel route is gone;
 * - blackhole / reject / Null0 / Yamaha `null` routes: summaries that drop, not forward;
 * - R more specific than a summary T: a static route into a tunnel that strictly covers one of the host's
 *   own networks (10.0.0.0/8 into the tunnel while 10.1.0.0/16 is local) says "everything else of this
 *   block is over there"; routes carved out of it (a LAN router's networks) are the design. Only a route
 *   to T's exact prefix is weighed against it;
 * - default routes (0.0.0.0/0, ::/0): always a supernet;
 * - a route that holds the outside address of a peer of the host (`right=`, Yamaha `ipsec ike remote
 *   address`): the encrypted packets to that peer must leave outside the tunnels, so a more specific route
 *   for it over the underlay is what keeps a covering tunnel route from swallowing its own tunnel.
 * Partial overlap (neither contains the other) cannot occur between two CIDR prefixes: they nest or are
 * disjoint, so the two containment cases above are all there is.
 */
export function routeBypassesTunnel(routes: readonly StaticRoute[], ends: readonly TunnelEnd[], local: readonly LocalNet[]): Finding[] {
  const nets = tunnelNets(routes, ends, local);
  if (!nets.length) return [];
  const outside = ends.flatMap((e) => (e.remote?.value?.startsWith('ip:') ? [parseCidr(e.remote.value.slice(3))] : [])).filter((c): c is Cidr => !!c);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of routes) {
    if (r.kind !== 'other' || r.standby || isDefaultRoute(r.prefix.value)) continue;
    if (outside.some((a) => contains(r.prefix.value, a))) continue;
    let best: TunnelNet | undefined;
    for (const t of nets) {
      if (!contains(t.net.value, r.prefix.value) || (t.summary && t.net.value.prefix !== r.prefix.value.prefix)) continue;
      if (!best || t.net.value.prefix > best.net.value.prefix || (t.net.value.prefix === best.net.value.prefix && t.distance < best.distance)) best = t;
    }
    if (!best || r.distance > best.distance) continue;
    const key = `${r.prefix.uri}#${r.prefix.range.start.line}:${r.prefix.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = r.prefix.value.prefix === best.net.value.prefix;
    const tunnel = endOrVia(best.end, best.via);
    const yamaha = r.source === 'yamaha';
    const how = same
      ? r.distance < best.distance
        ? `replaces the route of ${best.net.text} into ${tunnel} (distance ${r.distance} < ${best.distance})`
        : `shares ${best.net.text} with the route into ${tunnel} (${yamaha ? 'load-shared gateways' : `same distance ${r.distance}`}), so part of its traffic`
      : `is more specific than ${best.net.text}, which is routed into ${tunnel}, so its traffic`;
    const tail = same && r.distance < best.distance ? ': this traffic never enters the tunnel' : ' never enters the tunnel';
    const advice = yamaha ? 'give that gateway `weight 0` to keep it as a standby' : 'give it a higher distance to keep it as a floating backup';
    out.push({
      uri: r.prefix.uri,
      range: r.prefix.range,
      severity: 'warning',
      code: 'subnet-overlap',
      message: `Static route ${r.prefix.text} via ${r.via} ${how}${tail}. Route it into the tunnel, or ${advice}.`,
      related: [{ uri: best.net.uri, range: best.net.range, message: best.end ? `network routed into ${tunnel}` : `tunnel route ${best.net.text}` }],
    });
  }
  return out;
}

/**
 * Rule 6 — a route into a tunnel whose prefix equals or lies inside one of the host's own networks
 * (`localNets`). Those addresses are here, behind this host; sending them to the peer is a typo in the
 * prefix or the wrong tunnel. A strict supernet into the tunnel (a summary such as 10.0.0.0/8 while 10.1.0.0/16 is local) is
 * fine: the local, more specific route keeps local traffic local.
 */
export function routeIntoTunnelLocal(routes: readonly StaticRoute[], local: readonly LocalNet[]): Finding[] {
  if (!local.length) return [];
  const out: Finding[] = [];
  for (const r of routes) {
    if (r.kind !== 'tunnel' || isDefaultRoute(r.prefix.value)) continue;
    const hit = local.find((l) => contains(l.net.value, r.prefix.value));
    if (!hit) continue;
    const tunnel = endOrVia(r.end, r.via);
    out.push({
      uri: r.prefix.uri,
      range: r.prefix.range,
      severity: 'warning',
      code: 'subnet-overlap',
      message: `Static route ${r.prefix.text} into ${tunnel} covers ${hit.net.text}, a network of this host (${hit.what}): local addresses would be sent to the peer.`,
      related: [{ uri: hit.net.uri, range: hit.net.range, message: hit.what }],
    });
  }
  return out;
}
