import type { Finding } from '../core/types';
import { isDefaultRoute, overlaps, type Cidr } from '../model/ip';
import { endLabel, tunnelModel, type Fact, type TunnelEnd, type TunnelModel } from '../model/tunnels';
import type { WorkspaceCheck } from './types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import type { Host } from '../workspace/hosts';
import { frrFacts } from './frr-util';
import { hostPairing } from './util';
import { parseCidr } from '../model/ip';
import { hostConnectedNets, hostStaticRoutes } from '../model/static-routes';
import { localNets, routeBypassesTunnel, routeIntoTunnelLocal } from './subnet-overlap-routes';
import { pushAll } from '../core/arrays';
import { hostFilesSame, snapshotSerial } from '../workspace/workspace';

/**
 * DESIGN §2 `subnet-overlap`:
 * 1. a conn's local and remote networks overlap (`leftsubnet` vs `rightsubnet`, reported on both lines; a `0.0.0.0/0` side is the
 *    route-based or full-tunnel pattern and is exempt);
 * 2. two tunnels of one host to different peer sites carry the same remote network in policy-based
 *    selectors (both unmarked): the kernel holds two IPsec policies for one destination and only one
 *    wins. A strict supernet over another path (a backup route) is not reported: the longest prefix wins
 *    as intended. Nor are the identical selectors of a redundant pair (same peer site), nor marked
 *    (route-based, VTI) tunnels, whose policies the mark keeps apart;
 * 3. the inside prefixes (`leftvti`) of two tunnels on one host overlap;
 * 4. an FRR `network` the host advertises lies inside (or equals) a remote network of one of its tunnels:
 *    we would announce the peer's own address space back to it. A strict supernet (a summary) is fine.
 * 5. a static route of the host (FRR `ip route`, Yamaha `ip route`) steals a tunnel's traffic: its prefix
 *    equals or lies inside a network the host routes into a tunnel, it points somewhere else, and its
 *    distance is not above the tunnel route's. See `routeBypassesTunnel` for what counts and what not.
 * 6. a route into a tunnel covers (equals or lies inside) one of the host's own networks (a `leftsubnet`,
 *    a connected FRR interface network): local addresses would be sent to the peer. See `routeIntoTunnelLocal`.
 */
export const check: WorkspaceCheck = {
  code: 'subnet-overlap',
  defaultSeverity: 'warning',
  description: 'Local and remote networks overlap, two peers carry the same remote network, inside CIDRs of two tunnels overlap, or a static route keeps traffic out of a tunnel (or sends local networks into one).',
  scope: 'workspace',
  run(snapshot) {
    const model = tunnelModel(snapshot);
    const parts: HostPart[] = [];
    for (const [host, ends] of model.byHost) {
      const pairing = hostPairing(model, ends);
      let hit = memo.get(ends);
      if (hit && hit.pairing === pairing && hostFilesSame(snapshot, host, hit.seen, hit.files)) {
        hit.seen = snapshotSerial(snapshot);
      } else {
        const files = host.fileUris.map((u) => snapshot.files.get(u));
        hit = { pairing, files, seen: snapshotSerial(snapshot), ownNets: ends.flatMap(localVsRemote), joined: hostFindings(snapshot, host, ends, model) };
        memo.set(ends, hit);
      }
      parts.push(hit);
    }
    // Rule 1 for every end first, then rules 2-6 host by host: the order findings always had.
    const out: Finding[] = [];
    for (const p of parts) for (const f of p.ownNets) out.push(f);
    for (const p of parts) for (const f of p.joined) out.push(f);
    return out;
  },
};

/** Rules 2-6 on one host: they read its ends, their pairing (`model.site`) and the host's own files. */
function hostFindings(snapshot: WorkspaceSnapshot, host: Host, ends: readonly TunnelEnd[], model: TunnelModel): Finding[] {
  const out: Finding[] = [...samePolicyTwoPeers(ends, model), ...insideOverlaps(ends)];
  const frrFiles = host.fileUris.map((u) => snapshot.files.get(u)).filter((f): f is AnalyzedFile => f?.languageId === 'frr');
  pushAll(out, advertisedInsideRemote(frrFiles, ends));
  const routes = hostStaticRoutes(snapshot, host, ends);
  if (!routes.length) return out;
  const local = localNets(ends, hostConnectedNets(snapshot, host));
  pushAll(out, routeBypassesTunnel(routes, ends, local));
  pushAll(out, routeIntoTunnelLocal(routes, local));
  return out;
}

/**
 * One host's findings, kept while its ends array, their pairing (peers and clouds, hence `model.site`) and
 * all of its files are the same objects: an edit recomputes the edited host only.
 */
interface HostPart {
  pairing: object | undefined;
  files: readonly (AnalyzedFile | undefined)[];
  /** The serial of the last snapshot the part was found valid for (0: none; see `snapshotSerial`). */
  seen: number;
  ownNets: Finding[];
  joined: Finding[];
}
const memo = new WeakMap<readonly TunnelEnd[], HostPart>();


const finding = (f: Fact<unknown>, message: string, other: Fact<unknown>, otherMsg: string): Finding => ({
  uri: f.uri,
  range: f.range,
  severity: 'warning',
  code: 'subnet-overlap',
  message,
  related: [{ uri: other.uri, range: other.range, message: otherMsg }],
});

const subnetKey = (e: TunnelEnd, local: boolean): string => `${local === (e.localSide === 'left') ? 'left' : 'right'}subnet`;

function localVsRemote(e: TunnelEnd): Finding[] {
  const out: Finding[] = [];
  const reportedLocal = new Set<Fact<Cidr>>();
  for (const r of e.remoteNets) {
    if (isDefaultRoute(r.value)) continue;
    const l = e.localNets.find((x) => !isDefaultRoute(x.value) && overlaps(x.value, r.value));
    if (!l) continue;
    out.push(finding(r, `${subnetKey(e, false)} ${r.text} of ${endLabel(e)} overlaps its ${subnetKey(e, true)} ${l.text}: traffic between them cannot be told apart.`, l, `${subnetKey(e, true)} of ${endLabel(e, false)}`));
    // The mistake may sit on either line: the local side is reported too, once per local network.
    if (reportedLocal.has(l)) continue;
    reportedLocal.add(l);
    out.push(finding(l, `${subnetKey(e, true)} ${l.text} of ${endLabel(e)} overlaps its ${subnetKey(e, false)} ${r.text}: traffic between them cannot be told apart.`, r, `${subnetKey(e, false)} of ${endLabel(e, false)}`));
  }
  return out;
}

const marked = (e: TunnelEnd): boolean => !!(e.mark?.value || e.markIn?.value || e.markOut?.value);

function samePolicyTwoPeers(ends: readonly TunnelEnd[], model: TunnelModel): Finding[] {
  const out: Finding[] = [];
  const byNet = new Map<string, Array<{ e: TunnelEnd; f: Fact<Cidr> }>>();
  for (const e of ends) {
    if (marked(e)) continue;
    for (const f of e.remoteNets) {
      if (isDefaultRoute(f.value)) continue;
      const l = byNet.get(f.value.networkText) ?? [];
      l.push({ e, f });
      byNet.set(f.value.networkText, l);
    }
  }
  for (const list of byNet.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      const clash = list.find((b) => b.e !== a.e && !sameSite(a.e, b.e, model) && localsMeet(a.e, b.e));
      if (!clash) continue;
      out.push(finding(a.f, `Remote network ${a.f.text} of ${endLabel(a.e)} is also the remote network of ${endLabel(clash.e)} to another peer; only one IPsec policy can carry it (use a VTI with marks, or a strict supernet for a backup path).`, clash.f, `same remote network in ${endLabel(clash.e, false)}`));
    }
  }
  return out;
}

/**
 * True when two ends are known to head for one peer site (a redundant pair): the peer host or the cloud
 * and ASN agree. The remote-networks fallback of `siteKey` is not evidence here, as it is what is compared.
 */
function sameSite(a: TunnelEnd, b: TunnelEnd, model: TunnelModel): boolean {
  const s = model.site.get(a);
  return !!s && s === model.site.get(b) && !s.startsWith('nets:') && !s.startsWith('addr:');
}

/** True when the local selectors of two conns overlap (no local selector = the host itself: they meet). */
function localsMeet(a: TunnelEnd, b: TunnelEnd): boolean {
  if (!a.localNets.length || !b.localNets.length) return true;
  return a.localNets.some((x) => b.localNets.some((y) => overlaps(x.value, y.value)));
}

function insideOverlaps(ends: readonly TunnelEnd[]): Finding[] {
  const items = ends.filter((e) => e.insideLocal).map((e) => ({ e, f: e.insideLocal! }));
  items.sort((x, y) => x.f.value.family - y.f.value.family || (x.f.value.network < y.f.value.network ? -1 : x.f.value.network > y.f.value.network ? 1 : 0));
  const out: Finding[] = [];
  const reported = new Set<TunnelEnd>();
  let widest: { e: TunnelEnd; f: Fact<Cidr> } | null = null;
  for (const cur of items) {
    if (widest && widest.f.value.family === cur.f.value.family && cur.f.value.network <= widest.f.value.last) {
      for (const [x, y] of [[cur, widest], [widest, cur]] as const) {
        if (reported.has(x.e)) continue;
        reported.add(x.e);
        out.push(finding(x.f, `Inside prefix ${x.f.value.networkText} of ${endLabel(x.e)} overlaps ${y.f.value.networkText} of ${endLabel(y.e)} on this host; each tunnel needs its own /30 (/31).`, y.f, `inside address of ${endLabel(y.e, false)}`));
      }
    }
    if (!widest || widest.f.value.family !== cur.f.value.family || cur.f.value.last > widest.f.value.last) widest = cur;
  }
  return out;
}

/** Rule 4: FRR `network` statements of the host against the remote networks of its tunnels. */
function advertisedInsideRemote(files: readonly AnalyzedFile[], ends: readonly TunnelEnd[]): Finding[] {
  const remotes = ends.flatMap((e) => e.remoteNets.filter((r) => !isDefaultRoute(r.value)).map((r) => ({ e, r })));
  if (!remotes.length) return [];
  const out: Finding[] = [];
  for (const file of files) {
    const facts = frrFacts(file);
    for (const n of (facts?.routers ?? []).flatMap((r) => r.networks)) {
      const c = parseCidr(n.prefix.value);
      if (!c) continue;
      const hit = remotes.find(({ r }) => r.value.family === c.family && r.value.network <= c.network && c.last <= r.value.last);
      if (!hit) continue;
      const net: Fact<unknown> = { value: c, text: n.prefix.value, uri: file.uri, range: n.prefix.range };
      out.push(finding(net, `BGP advertises ${n.prefix.value}, which lies inside ${hit.r.text}, the remote network of ${endLabel(hit.e)}: this host would announce the peer's own addresses back to it.`, hit.r, `remote network of ${endLabel(hit.e, false)}`));
    }
  }
  return out;
}
