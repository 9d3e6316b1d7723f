import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { libreswanEnds } from './ends-libreswan';
import { frrBgp } from './ends-frr';
import { yamahaBgp, yamahaEnds } from './ends-yamaha';
import { cloudOfEnd } from './clouds';
import { cidrOf } from './ip';
import { localKeys, remoteKeys, type BgpFacts, type BgpNeighborFact, type Cloud, type HostBgp, type TunnelEnd } from './tunnel-types';
import { pushAll } from '../core/arrays';

export * from './tunnel-types';

/**
 * The cross-file tunnel model of a snapshot (DESIGN §3): every tunnel end of every host, the pairing of
 * ends across hosts, the redundant pairs of each host, and the cloud at the far end of unpaired ends.
 *
 * Cost: ends of a host are rebuilt only when one of the host's files changed (cached per Host object and
 * file identities); the joins are hash lookups by address/ID (O(ends)), never all-pairs scans.
 */
export interface TunnelModel {
  ends: readonly TunnelEnd[];
  /** Ends of each host, in conn order. */
  byHost: ReadonlyMap<Host, readonly TunnelEnd[]>;
  /** The matching end on another host, when the workspace holds both. */
  peer: ReadonlyMap<TunnelEnd, TunnelEnd>;
  /** Ends by normalized local outside key (address or ID). */
  byLocalKey: ReadonlyMap<string, readonly TunnelEnd[]>;
  /** Ends on the same host heading for the same peer site (one entry per end; only groups of 2+). */
  redundantGroup: ReadonlyMap<TunnelEnd, readonly TunnelEnd[]>;
  /** The peer site key of every end (see `siteKey`). */
  site: ReadonlyMap<TunnelEnd, string>;
  /** The cloud at the far end, for ends whose peer is AWS or OCI. */
  cloud: ReadonlyMap<TunnelEnd, Cloud>;
}

/** Per-host ends builders, one per vendor (Libreswan conns, Yamaha tunnels). */
export type EndsBuilder = (snapshot: WorkspaceSnapshot, host: Host) => TunnelEnd[];
/** Per-host BGP readers (FRR, Yamaha); their neighbors are merged into one HostBgp. */
export type BgpReader = (snapshot: WorkspaceSnapshot, host: Host) => HostBgp | null;

/** The vendor adapters, in order: Libreswan and Yamaha ends; FRR and Yamaha BGP. */
const BUILDERS: EndsBuilder[] = [libreswanEnds, yamahaEnds];
const BGP_READERS: BgpReader[] = [frrBgp, yamahaBgp];

/** Registers a vendor adapter (called from model/adapters.ts, the one place that lists them). */
export function registerAdapter(builder: EndsBuilder | null, bgp?: BgpReader): void {
  if (builder && !BUILDERS.includes(builder)) BUILDERS.push(builder);
  if (bgp && !BGP_READERS.includes(bgp)) BGP_READERS.push(bgp);
}

interface HostFacts {
  files: readonly (AnalyzedFile | undefined)[];
  version: string;
  ends: TunnelEnd[];
  bgp: HostBgp;
}
const hostCache = new WeakMap<Host, HostFacts>();
const modelCache = new WeakMap<WorkspaceSnapshot, TunnelModel>();

/** The ends of one host, reused while none of the host's files changed. */
export function hostEnds(snapshot: WorkspaceSnapshot, host: Host): TunnelEnd[] {
  return hostFacts(snapshot, host).ends;
}

/**
 * CLI streaming (cli/stream.ts): re-keys the cached ends and BGP facts of `host` to `files` — lighter
 * stand-ins for the files they were computed from (same URIs, same content, AST and text dropped) — so
 * that a later snapshot holding those stand-ins reuses the facts instead of re-deriving them from empty
 * ASTs. Each end's PSK is re-pointed at the stand-in of its file. Returns false (and changes nothing)
 * when no facts are cached for the host.
 */
export function rebaseHostFacts(host: Host, files: readonly (AnalyzedFile | undefined)[]): boolean {
  const hit = hostCache.get(host);
  if (!hit) return false;
  const byUri = new Map(files.filter((f): f is AnalyzedFile => !!f).map((f) => [f.uri, f]));
  // An end's PSK names the file it came from; point it at the stand-in too, or the real file (AST, text) stays alive.
  for (const e of hit.ends) {
    const f = e.psk ? byUri.get(e.psk.psk.file.uri) : undefined;
    if (e.psk && f) e.psk = { ...e.psk, psk: { ...e.psk.psk, file: f } };
  }
  hostCache.set(host, { ...hit, files });
  return true;
}

/** The merged BGP facts of one host (empty when it has no FRR/Yamaha BGP configuration). */
export function hostBgp(snapshot: WorkspaceSnapshot, host: Host): HostBgp {
  return hostFacts(snapshot, host).bgp;
}

function hostFacts(snapshot: WorkspaceSnapshot, host: Host): HostFacts {
  const files = host.fileUris.map((u) => snapshot.files.get(u));
  const version = snapshot.options.libreswanVersion;
  const hit = hostCache.get(host);
  if (hit && hit.version === version && hit.files.length === files.length && hit.files.every((f, i) => f === files[i])) return hit;
  const ends: TunnelEnd[] = [];
  for (const b of BUILDERS) pushAll(ends, b(snapshot, host));
  const bgp: HostBgp = { neighbors: [] };
  for (const r of BGP_READERS) {
    const got = r(snapshot, host);
    if (!got) continue;
    bgp.localAsn ??= got.localAsn;
    pushAll(bgp.neighbors, got.neighbors);
  }
  attachBgp(ends, bgp);
  // Nothing the model reads changed (e.g. a typo in a keyword it ignores): keep the previous arrays, so
  // the whole model can be kept too (`build`).
  const facts = {
    files,
    version,
    ends: hit && sameItems(hit.ends, ends) ? hit.ends : ends,
    bgp: hit && hit.bgp.localAsn === bgp.localAsn && sameItems(hit.bgp.neighbors, bgp.neighbors) ? hit.bgp : bgp,
  };
  hostCache.set(host, facts);
  return facts;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Ends whose `bgp` has been set (or left empty) by `attachBgp`: from then on they are never mutated. */
const sealed = new WeakSet<TunnelEnd>();

/**
 * Gives each end the BGP neighbor whose address lies in the end's inside prefix (the /30 or /31 of
 * `leftvti`), with the host's local ASN and the neighbor's remote ASN. Indexed by prefix: O(ends + neighbors).
 * A fresh end gets its `bgp` in place; an end reused from an earlier build (ends-libreswan.ts) is kept
 * when its BGP facts are the same and replaced by a copy otherwise, so no object another snapshot (or a
 * check's per-end cache) has seen ever changes.
 */
function attachBgp(ends: TunnelEnd[], bgp: HostBgp): void {
  const byNet = new Map<string, BgpNeighborFact>();
  for (const n of bgp.neighbors) {
    for (const len of [30, 31, 126, 127]) {
      if ((n.address.value.family === 4) !== len < 100) continue;
      const net = cidrOf(n.address.value.family, n.address.value.addr, len);
      if (!byNet.has(net.networkText)) byNet.set(net.networkText, n);
    }
  }
  for (let i = 0; i < ends.length; i++) {
    const e = ends[i];
    const inside = e.insideLocal?.value;
    const n = inside ? byNet.get(inside.networkText) : undefined;
    const want: BgpFacts = n ? { localAsn: bgp.localAsn, neighbor: n, remoteAsn: n.remoteAsn } : {};
    if (!sealed.has(e)) {
      if (n) e.bgp = want;
      sealed.add(e);
    } else if (e.bgp.localAsn !== want.localAsn || e.bgp.neighbor !== want.neighbor || e.bgp.remoteAsn !== want.remoteAsn) {
      sealed.add((ends[i] = { ...e, bgp: want }));
    }
  }
}

/** The tunnel model of a snapshot (memoized per snapshot). */
export function tunnelModel(snapshot: WorkspaceSnapshot): TunnelModel {
  const hit = modelCache.get(snapshot);
  if (hit) return hit;
  const model = build(snapshot);
  modelCache.set(snapshot, model);
  return model;
}

/** The last model built, with the host grouping it was built for. */
let lastBuild: { hosts: WorkspaceSnapshot['hosts']; model: TunnelModel } | null = null;

function build(snapshot: WorkspaceSnapshot): TunnelModel {
  const ends: TunnelEnd[] = [];
  const byHost = new Map<Host, TunnelEnd[]>();
  let unchanged = lastBuild?.hosts === snapshot.hosts;
  for (const host of snapshot.hosts.hosts.values()) {
    const list = hostEnds(snapshot, host);
    if (unchanged && lastBuild!.model.byHost.get(host) !== (list.length ? list : undefined)) unchanged = false;
    if (!list.length) continue;
    byHost.set(host, list);
    pushAll(ends, list);
  }
  // Same grouping and every host's ends array the same object: the joins would come out the same.
  if (unchanged) return lastBuild!.model;
  const model = join(snapshot, ends, byHost);
  lastBuild = { hosts: snapshot.hosts, model };
  return model;
}

/** Pairing, clouds, sites and redundant groups over the ends of every host: O(ends) hash joins. */
function join(snapshot: WorkspaceSnapshot, ends: TunnelEnd[], byHost: Map<Host, TunnelEnd[]>): TunnelModel {
  const byLocalKey = new Map<string, TunnelEnd[]>();
  for (const e of ends) {
    for (const k of new Set(localKeys(e))) {
      const l = byLocalKey.get(k) ?? [];
      l.push(e);
      byLocalKey.set(k, l);
    }
  }
  const peer = new Map<TunnelEnd, TunnelEnd>();
  for (const e of ends) {
    if (peer.has(e)) continue;
    const p = findPeer(e, byLocalKey, peer);
    if (p) {
      peer.set(e, p);
      peer.set(p, e);
    }
  }
  const cloud = new Map<TunnelEnd, Cloud>();
  for (const e of ends) {
    if (peer.has(e)) continue;
    const c = cloudOfEnd(e, snapshot.hosts.peers);
    if (c) cloud.set(e, c);
  }
  const site = new Map<TunnelEnd, string>();
  const redundantGroup = new Map<TunnelEnd, TunnelEnd[]>();
  for (const list of byHost.values()) {
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
  return { ends, byHost, peer, byLocalKey, redundantGroup, site, cloud };
}

/**
 * The other end of `e` (DESIGN §3): an end on another host whose local address or ID is one of `e`'s
 * remote keys and whose remote keys include one of `e`'s local keys. Among several candidates, the one
 * whose inside addresses mirror `e`'s wins, then the first one not yet paired.
 */
function findPeer(e: TunnelEnd, byLocalKey: Map<string, TunnelEnd[]>, paired: Map<TunnelEnd, TunnelEnd>): TunnelEnd | null {
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
