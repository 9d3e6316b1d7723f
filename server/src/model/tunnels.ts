import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { changedSince, hostFilesSame, snapshotSerial } from '../workspace/workspace';
import { libreswanEnds } from './ends-libreswan';
import { frrBgp } from './ends-frr';
import { yamahaBgp, yamahaEnds } from './ends-yamaha';
import { joinAll, rejoin } from './tunnel-join';
import { cidrOf } from './ip';
import type { BgpFacts, BgpNeighborFact, Cloud, HostBgp, TunnelEnd } from './tunnel-types';
import { pushAll } from '../core/arrays';

export * from './tunnel-types';
export { peerPairs, siteKey } from './tunnel-join';

/**
 * The cross-file tunnel model of a snapshot (DESIGN §3): every tunnel end of every host, the pairing of
 * ends across hosts, the redundant pairs of each host, and the cloud at the far end of unpaired ends.
 *
 * Cost: ends of a host are rebuilt only when one of the host's files changed (cached per Host object and
 * file identities); the joins are hash lookups by address/ID (O(ends)), never all-pairs scans, and after an
 * edit only the ends whose pairing can change are re-paired (tunnel-join.ts `rejoin`).
 */
export interface TunnelModel {
  ends: readonly TunnelEnd[];
  /** Ends of each host, in conn order. */
  byHost: ReadonlyMap<Host, readonly TunnelEnd[]>;
  /**
   * The matching end on another host, when the workspace holds both. Iteration order depends on how the
   * model was built (from scratch or updated after an edit): iterate pairs with `peerPairs(model)`.
   */
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
  /**
   * The serial of the last snapshot the facts were found valid for (its files of the host are `files`;
   * 0: none): a number, so a host no edit touches keeps no old snapshot alive.
   */
  seen: number;
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
  // Exact-length copy: the builders grew the list by push (slack); the items stay the same objects.
  hostCache.set(host, { ...hit, files, ends: hit.ends.slice(), seen: 0 });
  return true;
}

/** The merged BGP facts of one host (empty when it has no FRR/Yamaha BGP configuration). */
export function hostBgp(snapshot: WorkspaceSnapshot, host: Host): HostBgp {
  return hostFacts(snapshot, host).bgp;
}

function hostFacts(snapshot: WorkspaceSnapshot, host: Host): HostFacts {
  const version = snapshot.options.libreswanVersion;
  const hit = hostCache.get(host);
  // Known unchanged since last seen (O(changed files)), else compare the host's files.
  const serial = snapshotSerial(snapshot);
  if (hit && serial && hit.seen === serial) return hit;
  if (hit && hit.version === version && hostFilesSame(snapshot, host, hit.seen, hit.files)) {
    hit.seen = serial;
    return hit;
  }
  const files = host.fileUris.map((u) => snapshot.files.get(u));
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
    seen: serial,
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

/**
 * Per host grouping (one per store and file set), the last model built and the snapshot it was built for:
 * the base an edit's model is updated from. Keyed by grouping, so two stores used in turn (a test's fresh
 * store beside an edited one) do not spoil each other's base.
 */
const lastBuilds = new WeakMap<object, { snapshot: WorkspaceSnapshot; model: TunnelModel }>();

function build(snapshot: WorkspaceSnapshot): TunnelModel {
  const lastBuild = lastBuilds.get(snapshot.hosts);
  const edit = lastBuild ? changedHostsEnds(snapshot, lastBuild) : null;
  const last = lastBuild?.model;
  if (last && edit && !edit.changed.size) {
    // Same grouping and every host's ends array the same object: the joins would come out the same.
    lastBuild!.snapshot = snapshot;
    return last;
  }
  const byHost = edit?.byHost ?? allHostsEnds(snapshot);
  const ends: TunnelEnd[] = [];
  for (const list of byHost.values()) pushAll(ends, list);
  const joins = last && edit ? rejoin(last, byHost, edit.changed, hostOrder(snapshot.hosts), snapshot.hosts.peers) : joinAll(ends, byHost, snapshot.hosts.peers);
  const model: TunnelModel = { ends, byHost, ...joins };
  lastBuilds.set(snapshot.hosts, { snapshot, model });
  return model;
}

/** Every host's ends, in host order (hosts without ends left out). */
function allHostsEnds(snapshot: WorkspaceSnapshot): Map<Host, TunnelEnd[]> {
  const byHost = new Map<Host, TunnelEnd[]>();
  for (const host of snapshot.hosts.hosts.values()) {
    const list = hostEnds(snapshot, host);
    if (list.length) byHost.set(host, list);
  }
  return byHost;
}

/**
 * The hosts' ends after an edit, visiting only the hosts whose files changed since the last build (the
 * others' cached ends are the same arrays, see `hostFacts`): the hosts whose ends array is new, and the
 * last model's `byHost` with those replaced. Null when that cannot be told — another grouping, changes
 * unknown, or a host gaining or losing all its ends (the map's order would differ from a fresh build).
 */
function changedHostsEnds(snapshot: WorkspaceSnapshot, last: { snapshot: WorkspaceSnapshot; model: TunnelModel }): { byHost: ReadonlyMap<Host, readonly TunnelEnd[]>; changed: Set<Host> } | null {
  if (last.snapshot.hosts !== snapshot.hosts) return null;
  const uris = changedSince(snapshot, last.snapshot);
  if (!uris) return null;
  const hosts = new Set<Host>();
  for (const u of uris) {
    const h = snapshot.hosts.hostOfUri.get(u);
    if (h && last.snapshot.files.get(u) !== snapshot.files.get(u)) hosts.add(h);
  }
  const changed = new Set<Host>();
  let byHost: Map<Host, readonly TunnelEnd[]> | null = null;
  for (const h of hosts) {
    const list = hostEnds(snapshot, h);
    const before = last.model.byHost.get(h);
    if (list === before || (!list.length && !before)) continue;
    if (!list.length || !before) return null;
    byHost ??= new Map(last.model.byHost);
    byHost.set(h, list);
    changed.add(h);
  }
  return { byHost: byHost ?? last.model.byHost, changed };
}

const hostOrders = new WeakMap<object, Map<Host, number>>();
/** Each host's position in the grouping (once per grouping). */
function hostOrder(index: WorkspaceSnapshot['hosts']): Map<Host, number> {
  let m = hostOrders.get(index);
  if (!m) hostOrders.set(index, (m = new Map([...index.hosts.values()].map((h, i) => [h, i]))));
  return m;
}

