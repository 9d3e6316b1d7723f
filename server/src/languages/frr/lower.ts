/**
 * Lowers a parsed FRR file to per-file facts (facts.ts): router bgp instances with neighbors, networks and
 * policy, prefix-lists, route-maps, name references, static routes and interface addresses. Works on the
 * normalised words of matched lines (abbreviated keywords written out), so `nei 10.0.0.1 rem 65000` counts.
 */
import type { Range } from '../../core/types';
import { lineRange } from '../../core/types';
import type { FrrFile, FrrLine } from './ast';
import type { FrrFacts, FrrNeighbor, FrrRouterBgp, FrrTimers, Ranged } from './facts';
import { isAddressFamilyNode } from './nodes';
import { parseIPv4 } from './tokens';

const wr = (e: FrrLine, i: number): Range => lineRange(e.line, e.words[i].start, e.words[i].end);
const span = (e: FrrLine, i: number, j: number): Range => lineRange(e.line, e.words[i].start, e.words[j].end);
const rv = <T>(e: FrrLine, i: number, value: T): Ranged<T> => ({ value, range: wr(e, i) });

function neighborKind(name: string): FrrNeighbor['kind'] {
  if (parseIPv4(name)) return 'ipv4';
  if (name.includes(':')) return 'ipv6';
  return 'interface';
}

/** Builds the facts of one parsed FRR file. Pure; never throws on a well-formed AST. */
export function lowerFrr(file: FrrFile): FrrFacts {
  const facts: FrrFacts = { routers: [], prefixLists: [], routeMaps: [], refs: [], staticRoutes: [], interfaces: [] };
  let bgp: FrrRouterBgp | undefined;
  let rmap: FrrFacts['routeMaps'][number] | undefined;
  let iface: FrrFacts['interfaces'][number] | undefined;
  for (const e of file.lines) {
    if (e.status !== 'ok' || !e.norm || !e.node) continue;
    const n = e.norm;
    const node = e.node;
    const neg = n[0] === 'no';
    const text = e.words.map((w) => w.text).join(' ');
    if (node === 'CONFIG_NODE') {
      bgp = undefined;
      rmap = undefined;
      iface = undefined;
    }
    // References to named policy (anything but a definition).
    const isPlDef = node === 'CONFIG_NODE' && (n[0] === 'ip' || n[0] === 'ipv6') && n[1] === 'prefix-list';
    const isRmDef = node === 'CONFIG_NODE' && n[0] === 'route-map';
    if (!neg && !isPlDef && !isRmDef) {
      for (let i = 1; i < n.length; i++) {
        const leaf = e.leaves?.[i] ?? '';
        if (!/^[A-Z]/.test(leaf) || leaf === 'A.B.C.D' || leaf.includes(':')) continue;
        if (n[i - 1] === 'route-map' || (n[i - 1] === 'call' && node === 'RMAP_NODE'))
          facts.refs.push({ kind: 'route-map', name: n[i], range: wr(e, i), line: e.line });
        else if (n[i - 1] === 'prefix-list') facts.refs.push({ kind: 'prefix-list', name: n[i], range: wr(e, i), line: e.line });
      }
    }
    if (node === 'CONFIG_NODE') {
      if (n[0] === 'hostname' && n[1]) facts.hostname = rv(e, 1, n[1]);
      else if (n[0] === 'frr' && n[1] === 'defaults' && n[2]) facts.defaultsProfile = n[2];
      else if (n[0] === 'router' && n[1] === 'bgp') {
        bgp = {
          range: span(e, 0, e.words.length - 1),
          line: e.line,
          endLine: e.line,
          ebgpRequiresPolicy: facts.defaultsProfile !== 'datacenter',
          networkImportCheck: true,
          neighbors: [],
          networks: [],
        };
        if (n[2]) bgp.asn = rv(e, 2, n[2]);
        if ((n[3] === 'vrf' || n[3] === 'view') && n[4]) bgp.vrf = rv(e, 4, n[4]);
        facts.routers.push(bgp);
      } else if (isPlDef && !neg) {
        const pl: FrrFacts['prefixLists'][number] = { afi: n[0] as 'ip' | 'ipv6', name: rv(e, 2, n[2]), action: 'permit', line: e.line, text };
        for (let i = 3; i < n.length; i++) {
          if (n[i] === 'seq') pl.seq = Number(n[++i]);
          else if (n[i] === 'permit' || n[i] === 'deny') pl.action = n[i] as 'permit' | 'deny';
          else if (n[i] === 'ge' || n[i] === 'le') {
            if (i + 1 < n.length) pl[n[i] as 'ge' | 'le'] = rv(e, i + 1, Number(n[i + 1]));
            i++;
          } else if (n[i] === 'any' || n[i].includes('/')) pl.prefix = rv(e, i, n[i]);
        }
        if (n[3] !== 'description') facts.prefixLists.push(pl);
      } else if (isRmDef && !neg && n.length >= 4) {
        rmap = { name: rv(e, 1, n[1]), action: n[2], seq: Number(n[3]), line: e.line, endLine: e.line, body: [] };
        facts.routeMaps.push(rmap);
      } else if (n[0] === 'interface' && n[1]) {
        iface = { name: rv(e, 1, n[1]), addresses: [], line: e.line };
        if (n[2] === 'vrf' && n[3]) iface.vrf = n[3];
        facts.interfaces.push(iface);
      } else if ((n[0] === 'ip' || n[0] === 'ipv6') && n[1] === 'route' && n[2]) {
        facts.staticRoutes.push(lowerStaticRoute(e, n));
      }
      continue;
    }
    if (node === 'RMAP_NODE' && rmap) {
      rmap.body.push({ line: e.line, text });
      rmap.endLine = e.line;
      continue;
    }
    if (node === 'INTERFACE_NODE' && iface) {
      if (!neg && (n[0] === 'ip' || n[0] === 'ipv6') && n[1] === 'address' && n[2]) iface.addresses.push(rv(e, 2, n[2]));
      continue;
    }
    if ((node === 'BGP_NODE' || isAddressFamilyNode(node)) && bgp) {
      bgp.endLine = e.line;
      lowerBgpLine(bgp, e, n, node, neg);
    }
  }
  return facts;
}

function timersOf(e: FrrLine, n: string[], i: number): FrrTimers | undefined {
  const k = Number(n[i]), h = Number(n[i + 1]);
  if (!Number.isFinite(k) || !Number.isFinite(h) || i + 1 >= n.length) return undefined;
  return { keepalive: k, hold: h, range: span(e, i, i + 1), line: e.line };
}

function lowerBgpLine(bgp: FrrRouterBgp, e: FrrLine, n: string[], node: string, neg: boolean): void {
  if (node === 'BGP_NODE') {
    if (n[0] === 'bgp' && n[1] === 'router-id' && n[2]) bgp.routerId = rv(e, 2, n[2]);
    else if (n[0] === 'bgp' && n[1] === 'ebgp-requires-policy') bgp.ebgpRequiresPolicy = true;
    else if (neg && n[1] === 'bgp' && n[2] === 'ebgp-requires-policy') bgp.ebgpRequiresPolicy = false;
    else if (n[0] === 'bgp' && n[1] === 'network' && n[2] === 'import-check') bgp.networkImportCheck = true;
    else if (neg && n[1] === 'bgp' && n[2] === 'network' && n[3] === 'import-check') bgp.networkImportCheck = false;
    else if (n[0] === 'timers' && n[1] === 'bgp') bgp.timers = timersOf(e, n, 2);
  }
  if (n[0] === 'network' && n[1] && !neg) {
    const net: FrrRouterBgp['networks'][number] = { prefix: rv(e, 1, n[1]), afNode: node, line: e.line };
    if (n[2] === 'mask' && n[3]) net.prefix = { value: `${n[1]}/${maskLen(n[3])}`, range: span(e, 1, 3) };
    const ri = n.indexOf('route-map');
    if (ri > 0 && n[ri + 1]) net.routeMap = rv(e, ri + 1, n[ri + 1]);
    bgp.networks.push(net);
    return;
  }
  if (n[0] !== 'neighbor' || !n[1] || neg) return;
  const name = n[1];
  let nb = bgp.neighbors.find((x) => x.name === name);
  const createsGroup = node === 'BGP_NODE' && n[2] === 'peer-group' && n.length === 3;
  const creates = node === 'BGP_NODE' && (n[2] === 'remote-as' || (n[2] === 'interface' && n.includes('remote-as')) || n[2] === 'peer-group' || (n[2] === 'interface' && n.length <= 4));
  if (!nb) {
    nb = { name, kind: createsGroup ? 'peer-group' : neighborKind(name), range: wr(e, 1), firstLine: e.line, policies: [], lines: [], early: [] };
    bgp.neighbors.push(nb);
  }
  nb.lines.push(e.line);
  if (createsGroup) nb.kind = 'peer-group';
  if (!creates && !nb.remoteAs && !nb.peerGroup && nb.kind !== 'peer-group')
    nb.early.push({ line: e.line, range: wr(e, 1) });
  const ri = n.indexOf('remote-as');
  if (ri > 0 && n[ri + 1]) nb.remoteAs = { ...rv(e, ri + 1, n[ri + 1]), line: e.line };
  if (n[2] === 'peer-group' && n[3]) nb.peerGroup = rv(e, 3, n[3]);
  if (n[2] === 'update-source' && n[3]) nb.updateSource = rv(e, 3, n[3]);
  if (n[2] === 'ebgp-multihop') nb.ebgpMultihop = rv(e, 2, n[3] ?? '255');
  if (n[2] === 'timers' && /^\d+$/.test(n[3] ?? '')) nb.timers = timersOf(e, n, 3);
  if ((n[2] === 'route-map' || n[2] === 'prefix-list' || n[2] === 'filter-list' || n[2] === 'distribute-list') && n[3] && (n[4] === 'in' || n[4] === 'out'))
    nb.policies.push({ kind: n[2] as FrrNeighbor['policies'][number]['kind'], name: n[3], dir: n[4], afNode: node, range: wr(e, 3) });
}

/** Words of `ip route` that take a value (the value is not a nexthop, interface or distance). */
const ROUTE_OPTIONS = new Set(['tag', 'vrf', 'label', 'table', 'nexthop-vrf', 'color']);

/** One `ip route` / `ipv6 route` line (see FrrStaticRoute for the grammar). */
function lowerStaticRoute(e: FrrLine, n: string[]): FrrFacts['staticRoutes'][number] {
  const sr: FrrFacts['staticRoutes'][number] = { prefix: rv(e, 2, n[2]), discard: false, line: e.line, range: span(e, 0, e.words.length - 1) };
  let i = 3;
  if (!n[2].includes('/') && n[3] && parseIPv4(n[3])) {
    sr.prefix = { value: `${n[2]}/${maskLen(n[3])}`, range: span(e, 2, 3) };
    i = 4;
  }
  if (n[i]) sr.via = n[i];
  for (; i < n.length; i++) {
    const w = n[i];
    if (ROUTE_OPTIONS.has(w)) {
      if (w === 'vrf' && n[i + 1]) sr.vrf = n[i + 1];
      i++;
    } else if (w === 'onlink') continue;
    else if (w === 'blackhole' || w === 'reject' || w.toLowerCase() === 'null0') sr.discard = true;
    else if (/^\d+$/.test(w)) sr.distance = Number(w);
    else if (parseIPv4(w) || (n[0] === 'ipv6' && w.includes(':'))) sr.nexthop ??= w;
    else sr.ifname ??= w;
  }
  return sr;
}

function maskLen(mask: string): number {
  const o = parseIPv4(mask);
  if (!o) return 0;
  let bits = 0;
  for (const x of o) for (let b = 7; b >= 0; b--) if (x & (1 << b)) bits++;
  return bits;
}
