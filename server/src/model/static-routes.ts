import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { frrFactsOfFile } from './ends-frr';
import { contains, isDefaultRoute, parseCidr, type Cidr } from './ip';
import type { Fact, TunnelEnd } from './tunnel-types';
import { yamahaFactsOf } from './yamaha';
import { pushAll } from '../core/arrays';

/**
 * Static routes of a host in one language-neutral shape, each with the tunnel it sends traffic into (if
 * any), for the checks (`subnet-overlap`) and hover. Sources: FRR `ip route` / `ipv6 route` (staticd,
 * default VRF only) and Yamaha `ip route NET gateway ...` (one entry per gateway of the command).
 */
export interface StaticRoute {
  /** Where it is written: an FRR `ip route` or a Yamaha `ip route` gateway. */
  source: 'frr' | 'yamaha';
  /** The destination prefix, where it is written (FRR `A.B.C.D/M`, Yamaha `A.B.C.D/M` or `default`). */
  prefix: Fact<Cidr>;
  /**
   * - `tunnel`: into a tunnel: an FRR interface that is an end's `vti-interface`, an FRR nexthop inside an
   *   end's inside prefix, a Yamaha `gateway tunnel N`; `end` is unset when the tunnel is not modelled
   *   (a Yamaha tunnel without IKE gateway, an FRR interface named `vti*`/`ipsec*`/`xfrm*` of no conn);
   * - `discard`: FRR `blackhole`/`reject`/`Null0`, Yamaha `gateway null`;
   * - `other`: any other nexthop (an address, a LAN interface, a Yamaha `pp N` or `dhcp IF`).
   */
  kind: 'tunnel' | 'discard' | 'other';
  end?: TunnelEnd;
  /** The nexthop as written (`192.0.2.1`, `eth0`, `192.0.2.1 eth0`, `tunnel 1`, `pp 1`). */
  via: string;
  /** Administrative distance: FRR as written, else FRR's static default 1; Yamaha has none (1). */
  distance: number;
  /** True when a distance was written (FRR). */
  explicitDistance: boolean;
  /** Yamaha `weight 0`: a standby gateway, used only while the command's other gateways are down. */
  standby: boolean;
}

/** Interface names that are tunnel interfaces by convention (Libreswan VTI/XFRM, Linux `ip xfrm`). */
const TUNNEL_IFNAME = /^(vti|ipsec|xfrm)\d/i;

/** The static routes of a host's FRR and Yamaha files, in file order. Pure; `ends` are the host's ends. */
export function hostStaticRoutes(snapshot: WorkspaceSnapshot, host: Host, ends: readonly TunnelEnd[]): StaticRoute[] {
  const out: StaticRoute[] = [];
  for (const uri of host.fileUris) {
    const file = snapshot.files.get(uri);
    if (!file) continue;
    if (file.languageId === 'frr') pushAll(out, frrRoutes(file, ends));
    else if (file.languageId === 'yamaha-rtx') pushAll(out, yamahaRoutes(file, ends));
  }
  return out;
}

function frrRoutes(file: AnalyzedFile, ends: readonly TunnelEnd[]): StaticRoute[] {
  const out: StaticRoute[] = [];
  for (const r of frrFactsOfFile(file)?.staticRoutes ?? []) {
    if (r.vrf) continue;
    const c = parseCidr(r.prefix.value);
    if (!c) continue;
    const prefix: Fact<Cidr> = { value: c, text: r.prefix.value, uri: file.uri, range: r.prefix.range };
    const via = [r.nexthop, r.ifname].filter(Boolean).join(' ') || (r.via ?? '');
    const base = { source: 'frr' as const, prefix, via, distance: r.distance ?? 1, explicitDistance: r.distance !== undefined, standby: false };
    if (r.discard) {
      out.push({ ...base, kind: 'discard' });
      continue;
    }
    const nh = r.nexthop ? parseCidr(r.nexthop) : null;
    const end = ends.find((e) => (r.ifname && e.vtiInterface?.text === r.ifname) || (nh && e.insideLocal && !isDefaultRoute(e.insideLocal.value) && contains(e.insideLocal.value, nh)));
    if (end) out.push({ ...base, kind: 'tunnel', end });
    else out.push({ ...base, kind: r.ifname && TUNNEL_IFNAME.test(r.ifname) ? 'tunnel' : 'other' });
  }
  return out;
}

function yamahaRoutes(file: AnalyzedFile, ends: readonly TunnelEnd[]): StaticRoute[] {
  const out: StaticRoute[] = [];
  for (const r of yamahaFactsOf(file)?.routes ?? []) {
    const c = parseCidr(r.network.value === 'default' ? '0.0.0.0/0' : r.network.value);
    if (!c) continue;
    const prefix: Fact<Cidr> = { value: c, text: r.network.value, uri: file.uri, range: r.network.range };
    for (const g of r.gateways) {
      const base = { source: 'yamaha' as const, prefix, distance: 1, explicitDistance: false, standby: g.weight === 0 };
      if (g.kind === 'tunnel') {
        const end = ends.find((e) => e.vendor === 'yamaha' && e.uri === file.uri && e.name === `tunnel ${g.value}`);
        out.push({ ...base, kind: 'tunnel', via: `tunnel ${g.value}`, ...(end ? { end } : {}) });
      } else if (g.kind === 'other' && g.value.toLowerCase() === 'null') out.push({ ...base, kind: 'discard', via: 'null' });
      else out.push({ ...base, kind: 'other', via: g.kind === 'pp' ? `pp ${g.value}` : g.value });
    }
  }
  return out;
}

/**
 * Connected networks of a host, as written: FRR `interface X` / `ip address A/M` (default VRF) and Yamaha
 * `ip <interface> [secondary] address A/M`. `value` keeps the host address; its `network`/`last` bound the net.
 */
export function hostConnectedNets(snapshot: WorkspaceSnapshot, host: Host): Array<Fact<Cidr> & { ifname: string }> {
  const out: Array<Fact<Cidr> & { ifname: string }> = [];
  for (const uri of host.fileUris) {
    const file = snapshot.files.get(uri);
    if (!file) continue;
    for (const a of yamahaFactsOf(file)?.interfaceAddresses ?? []) {
      const c = parseCidr(a.address.value);
      if (c) out.push({ value: c, text: a.address.value, uri, range: a.address.range, ifname: a.ifname });
    }
    if (file.languageId !== 'frr') continue;
    for (const i of frrFactsOfFile(file)?.interfaces ?? []) {
      if (i.vrf) continue;
      for (const a of i.addresses) {
        const c = parseCidr(a.value);
        if (c) out.push({ value: c, text: a.value, uri, range: a.range, ifname: i.name.value });
      }
    }
  }
  return out;
}
