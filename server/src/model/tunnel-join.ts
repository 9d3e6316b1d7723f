import type { Host, PeerCloud } from '../workspace/hosts';
import { cloudOfEnd } from './clouds';
import { localKeys, remoteKeys, type Cloud, type TunnelEnd } from './tunnel-types';

/**
 * The cross-host joins of the tunnel model (DESIGN §3): pairing by outside address/ID, the cloud of
 * unpaired ends, each end's peer site and the redundant groups of each host. `joinAll` computes them from
 * scratch; `rejoin` updates the previous joins after some hosts' ends changed, revisiting only the ends
 * whose pairing can differ. Both give the same maps (key order aside: read `peer` in order through
 * `peerPairs`), checked by test/fuzz/edit-path.fuzz.test.ts.
 */
export interface Joins {
  peer: ReadonlyMap<TunnelEnd, TunnelEnd>;
  byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>;
  cloud: ReadonlyMap<TunnelEnd, Cloud>;
  site: ReadonlyMap<TunnelEnd, string>;
  redundantGroup: ReadonlyMap<TunnelEnd, readonly TunnelEnd[]>;
}

/** Ends by host, in the model's order: host order of the grouping, then conn order. */
export type EndsByHost = ReadonlyMap<Host, readonly TunnelEnd[]>;

/** Pairing, clouds, sites and redundant groups over the ends of every host: O(ends) hash joins. */
export function joinAll(ends: readonly TunnelEnd[], byHost: EndsByHost, peers: ReadonlyMap<string, PeerCloud> | undefined): Joins {
  const byLocalKey = new Map<string, TunnelEnd[]>();
  for (const e of ends) {
    for (const k of new Set(localKeys(e))) {
      const l = byLocalKey.get(k) ?? [];
      l.push(e);
      byLocalKey.set(k, l);
    }
  }
  const peer = new Map<TunnelEnd, TunnelEnd>();
  pairGreedily(ends, byLocalKey, peer);
  const cloud = new Map<TunnelEnd, Cloud>();
  for (const e of ends) setCloud(e, peer, cloud, peers);
  const site = new Map<TunnelEnd, string>();
  const redundantGroup = new Map<TunnelEnd, readonly TunnelEnd[]>();
  for (const list of byHost.values()) groupHost(list, peer, cloud, site, redundantGroup);
  return { peer, byLocalKey, cloud, site, redundantGroup };
}

/**
 * The joins after the ends of `changed` hosts went from `before.byHost` to `byHost` (same grouping; no host
 * gained or lost all its ends), equal to `joinAll` on the new ends. Pairing is greedy in model order, and
 * which end pairs with which depends only on the ends linked to it by possible pairings (its connected
 * component: ends each of which could pair with the next). So only the ends in a component that held a
 * removed end (before) or holds a new end (now) are re-paired, in model order; the other pairings stand.
 * Clouds are re-derived for those ends, sites and redundant groups for their hosts. The previous maps are
 * copied, never modified. Cost: O(ends) for the copies (cheap), plus the re-paired components.
 */
export function rejoin(before: Joins & { byHost: EndsByHost }, byHost: EndsByHost, changed: ReadonlySet<Host>, hostOrder: ReadonlyMap<Host, number>, peers: ReadonlyMap<string, PeerCloud> | undefined): Joins {
  const removed: TunnelEnd[] = [];
  const added: TunnelEnd[] = [];
  for (const h of changed) {
    for (const e of before.byHost.get(h) ?? []) removed.push(e);
    for (const e of byHost.get(h) ?? []) added.push(e);
  }
  const addedSet = new Set(added);
  // Model order: host order, then position in the host's list.
  const index = new Map<Host, Map<TunnelEnd, number>>();
  const pos = (e: TunnelEnd): [number, number] => {
    let m = index.get(e.host);
    if (!m) index.set(e.host, (m = new Map((byHost.get(e.host) ?? []).map((x, i) => [x, i]))));
    return [hostOrder.get(e.host) ?? -1, m.get(e) ?? -1];
  };
  const byOrder = (a: TunnelEnd, b: TunnelEnd): number => {
    const [ha, ia] = pos(a);
    const [hb, ib] = pos(b);
    return ha - hb || ia - ib;
  };

  const byLocalKey = new Map<string, readonly TunnelEnd[]>(before.byLocalKey);
  const touchedKeys = new Set<string>();
  const goneSet = new Set(removed);
  for (const e of [...removed, ...added]) for (const k of localKeys(e)) touchedKeys.add(k);
  for (const k of touchedKeys) {
    const list = (byLocalKey.get(k) ?? []).filter((e) => !goneSet.has(e));
    for (const e of added) if (localKeys(e).includes(k)) list.push(e);
    list.sort(byOrder);
    if (list.length) byLocalKey.set(k, list);
    else byLocalKey.delete(k);
  }

  // Ends to re-pair: the old components of removed ends (less the removed), and the new components of those and of the added ends.
  const oldComponents = closure(removed, before.byLocalKey);
  const seeds = [...added, ...[...oldComponents].filter((e) => !goneSet.has(e) || addedSet.has(e))];
  const repair = [...closure(seeds, byLocalKey)].sort(byOrder);

  const peer = new Map(before.peer);
  for (const e of removed) peer.delete(e);
  for (const e of repair) peer.delete(e);
  pairGreedily(repair, byLocalKey, peer);
  const cloud = new Map(before.cloud);
  for (const e of removed) cloud.delete(e);
  for (const e of repair) setCloud(e, peer, cloud, peers);

  const site = new Map(before.site);
  const redundantGroup = new Map<TunnelEnd, readonly TunnelEnd[]>(before.redundantGroup);
  const hosts = new Set<Host>(changed);
  for (const e of repair) hosts.add(e.host);
  for (const h of hosts) {
    for (const e of before.byHost.get(h) ?? []) {
      site.delete(e);
      redundantGroup.delete(e);
    }
  }
  for (const h of hosts) groupHost(byHost.get(h) ?? [], peer, cloud, site, redundantGroup);
  return { peer, byLocalKey, cloud, site, redundantGroup };
}

/**
 * The peer map's entries in the order a from-scratch `joinAll` inserts them: each pair once per direction,
 * pairs in model order of their first end (the end that found the other: an end is always paired by the
 * earlier of the two). Checks that iterate pairings use this, so their output order does not depend on
 * how the model was built.
 */
export function* peerPairs(model: { ends: readonly TunnelEnd[]; peer: ReadonlyMap<TunnelEnd, TunnelEnd> }): IterableIterator<[TunnelEnd, TunnelEnd]> {
  const done = new Set<TunnelEnd>();
  for (const e of model.ends) {
    const p = model.peer.get(e);
    if (!p || done.has(e)) continue;
    done.add(p);
    yield [e, p];
    yield [p, e];
  }
}

/** Pairs each end of `order` not yet in `peer` with its `findPeer` answer, in that order (both directions set). */
function pairGreedily(order: readonly TunnelEnd[], byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>, peer: Map<TunnelEnd, TunnelEnd>): void {
  for (const e of order) {
    if (peer.has(e)) continue;
    const p = findPeer(e, byLocalKey, peer);
    if (p) {
      peer.set(e, p);
      peer.set(p, e);
    }
  }
}

/** The ends that could pair with `e` (same rule as `findPeer`, without the already-paired test). */
function* linked(e: TunnelEnd, byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>): IterableIterator<TunnelEnd> {
  const mine = localKeys(e);
  if (!mine.length) return;
  for (const k of remoteKeys(e)) {
    for (const c of byLocalKey.get(k) ?? []) {
      if (c.host !== e.host && remoteKeys(c).some((rk) => mine.includes(rk))) yield c;
    }
  }
}

/** Every end reachable from `start` through possible pairings (the link is symmetric), `start` included. */
function closure(start: readonly TunnelEnd[], byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>): Set<TunnelEnd> {
  const seen = new Set(start);
  const stack = [...start];
  while (stack.length) {
    for (const c of linked(stack.pop()!, byLocalKey)) {
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(c);
    }
  }
  return seen;
}

/** Sets (or clears) the cloud at the far end of an unpaired end. */
function setCloud(e: TunnelEnd, peer: ReadonlyMap<TunnelEnd, TunnelEnd>, cloud: Map<TunnelEnd, Cloud>, peers: ReadonlyMap<string, PeerCloud> | undefined): void {
  const c = peer.has(e) ? null : cloudOfEnd(e, peers);
  if (c) cloud.set(e, c);
  else cloud.delete(e);
}

/** The site of each end of one host, and its redundant groups (ends sharing a site, groups of 2+). */
function groupHost(list: readonly TunnelEnd[], peer: ReadonlyMap<TunnelEnd, TunnelEnd>, cloud: ReadonlyMap<TunnelEnd, Cloud>, site: Map<TunnelEnd, string>, redundantGroup: Map<TunnelEnd, readonly TunnelEnd[]>): void {
  const groups = new Map<string, TunnelEnd[]>();
  for (const e of list) {
    const k = siteKey(e, peer.get(e), cloud.get(e));
    site.set(e, k);
    const g = groups.get(k) ?? [];
    g.push(e);
    groups.set(k, g);
  }
  for (const g of groups.values()) if (g.length > 1) for (const e of g) redundantGroup.set(e, g);
}

/**
 * The other end of `e` (DESIGN §3): an end on another host whose local address or ID is one of `e`'s
 * remote keys and whose remote keys include one of `e`'s local keys. Among several candidates, the one
 * whose inside addresses mirror `e`'s wins, then the first one not yet paired.
 */
function findPeer(e: TunnelEnd, byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>, paired: ReadonlyMap<TunnelEnd, TunnelEnd>): TunnelEnd | null {
  const mine = new Set(localKeys(e));
  if (!mine.size) return null;
  const candidates = new Set<TunnelEnd>();
  for (const k of remoteKeys(e)) {
    for (const c of byLocalKey.get(k) ?? []) {
      if (c.host === e.host || paired.has(c)) continue;
      if (remoteKeys(c).some((rk) => mine.has(rk))) candidates.add(c);
    }
  }
  if (candidates.size <= 1) return [...candidates][0] ?? null;
  const mirrored = [...candidates].find((c) => e.insideLocal && c.insideRemote && e.insideLocal.value.addr === c.insideRemote.value.addr);
  return mirrored ?? [...candidates][0];
}

/**
 * The peer site of an end, so that two tunnels of a redundant pair share one key: the peer's host when it
 * is in the workspace; else the cloud and its BGP ASN; else the remote BGP ASN; else the remote networks
 * when they are specific; else the remote outside address.
 */
export function siteKey(e: TunnelEnd, peer: TunnelEnd | undefined, cloud: Cloud | undefined): string {
  if (peer) return `host:${peer.host.name}`;
  const asn = e.bgp.remoteAsn?.value;
  if (cloud) return `cloud:${cloud}:${asn ?? ''}`;
  if (asn !== undefined) return `asn:${asn}`;
  const nets = e.remoteNets.filter((n) => n.value.prefix > 0).map((n) => n.value.networkText).sort();
  if (nets.length) return `nets:${nets.join(',')}`;
  return `addr:${e.remote?.value ?? e.remote?.text ?? e.key}`;
}
