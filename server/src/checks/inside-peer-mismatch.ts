import type { Finding, RelatedPlace } from '../core/types';
import { addressText, cidrOf, isNetworkOrBroadcast, isPointToPoint, peerOf, type Cidr } from '../model/ip';
import { hostConnectedNets } from '../model/static-routes';
import { endLabel, hostBgp, hostLabel, peerPairs, tunnelModel, type Fact, type TunnelEnd } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import type { WorkspaceCheck } from './types';
import { pushAll } from '../core/arrays';

/**
 * DESIGN §2 `inside-peer-mismatch`: the inside (tunnel interface) addresses of a tunnel disagree.
 * Per end: `leftvti` and `rightvti` must lie in one /30 or /31 (RFC 3021 allows /31 point-to-point
 * links), neither may be the network or broadcast address of a /30, and they must differ. Across the two
 * ends of a paired tunnel: A's `leftvti` must equal B's `rightvti` and vice versa, and both `leftvti`s
 * must share one /30 (/31). On a host with BGP (FRR, Yamaha): the neighbor configured in a tunnel's
 * inside prefix must be the other host of that prefix.
 */
export const check: WorkspaceCheck = {
  code: 'inside-peer-mismatch',
  defaultSeverity: 'error',
  description: 'Tunnel inside addresses disagree: not one /30 (/31), network/broadcast used, local == remote, ends or BGP neighbor not the other host.',
  scope: 'workspace',
  run(snapshot) {
    const model = tunnelModel(snapshot);
    const out: Finding[] = [];
    for (const e of model.ends) for (const f of cachedEndFindings(e)) out.push(f);
    for (const [a, b] of peerPairs(model)) pushAll(out, crossFindings(a, b));
    for (const [host, ends] of model.byHost) for (const f of cachedBgpFindings(ends, hostBgp(snapshot, host), () => hostConnectedNets(snapshot, host))) out.push(f);
    // One finding per place: the per-end reason wins over the cross-end one at the same value.
    const seen = new Set<string>();
    return out.filter((f) => {
      const k = `${f.uri}|${f.range.start.line}:${f.range.start.character}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  },
};

/**
 * Per-end and per-host findings depend only on the end (or the host's ends and BGP facts), and the tunnel
 * model reuses those objects while the host's files are unchanged: cache by object identity, so a
 * keystroke re-derives only the edited host's findings (BENCH.md).
 */
const endMemo = new WeakMap<TunnelEnd, Finding[]>();
const bgpMemo = new WeakMap<readonly TunnelEnd[], { bgp: ReturnType<typeof hostBgp>; out: Finding[] }>();

function cachedEndFindings(e: TunnelEnd): Finding[] {
  let out = endMemo.get(e);
  if (!out) endMemo.set(e, (out = endFindings(e)));
  return out;
}

/** `connected`: the host's interface networks; read only when a link-local neighbor needs them. `bgp` is a new object whenever a file of the host changes, so the cache stays right. */
function cachedBgpFindings(ends: readonly TunnelEnd[], bgp: ReturnType<typeof hostBgp>, connected: () => ReadonlyArray<Fact<Cidr>>): Finding[] {
  const hit = bgpMemo.get(ends);
  if (hit && hit.bgp === bgp) return hit.out;
  const out = bgpFindings(ends, bgp, connected);
  bgpMemo.set(ends, { bgp, out });
  return out;
}

const at = (f: Fact<unknown>, message: string, related: RelatedPlace[] = [], data?: object): Finding => ({
  uri: f.uri,
  range: f.range,
  severity: 'error',
  code: 'inside-peer-mismatch',
  message,
  ...(related.length ? { related } : {}),
  ...(data ? { data } : {}),
});

const rel = (f: Fact<unknown>, message: string): RelatedPlace => ({ uri: f.uri, range: f.range, message });
/** How the end's inside address is written: `leftvti`/`rightvti`, or Yamaha's `ip tunnel [remote] address`. */
const side = (e: TunnelEnd, local: boolean): string =>
  e.vendor === 'yamaha' ? (local ? 'ip tunnel address ' : 'ip tunnel remote address ') : `${local === (e.localSide === 'left') ? 'left' : 'right'}vti=`;

/** The other host of the end's inside prefix, as text, or null. */
export function expectedRemote(c: Cidr): string | null {
  const p = peerOf(c);
  return p === null ? null : addressText(c.family, p);
}

function endFindings(e: TunnelEnd): Finding[] {
  const out: Finding[] = [];
  if (e.vendor === 'yamaha') return out; // rtx-inside-address-mismatch checks one Yamaha file on its own.
  const l = e.insideLocal;
  const r = e.insideRemote;
  if (l && isNetworkOrBroadcast(l.value)) {
    out.push(at(l, `${side(e, true)}${l.text} is the ${l.value.addr === l.value.network ? 'network' : 'broadcast'} address of ${l.value.networkText}; use ${addressText(l.value.family, l.value.network + 1n)} or ${addressText(l.value.family, l.value.network + 2n)}.`));
  }
  if (!r) return out;
  const prefix = r.text.includes('/') ? r.value.prefix : l?.value.prefix ?? r.value.prefix;
  const rNet = cidrOf(r.value.family, r.value.addr, prefix);
  if (r.text.includes('/') ? isNetworkOrBroadcast(r.value) : isNetworkOrBroadcast(rNet)) {
    out.push(at(r, `${side(e, false)}${r.text} is the ${rNet.addr === rNet.network ? 'network' : 'broadcast'} address of ${rNet.networkText}.`, l ? [rel(l, `inside address of ${endLabel(e, false)}`)] : [], fixData(e)));
    return out;
  }
  if (!l) return out;
  if (l.value.addr === r.value.addr && l.value.family === r.value.family) {
    out.push(at(r, `${side(e, false)}${r.text} is this end's own inside address (${side(e, true)}${l.text}); the peer needs the other host of ${l.value.networkText}${hint(l.value)}.`, [rel(l, `inside address of ${endLabel(e, false)}`)], fixData(e)));
    return out;
  }
  if (!l.text.includes('/')) return out; // vti-without-prefix reports it; no prefix to compare against.
  const samePrefix = !r.text.includes('/') || r.value.prefix === l.value.prefix;
  const sameNet = samePrefix && isPointToPoint(l.value) && l.value.family === r.value.family && cidrOf(r.value.family, r.value.addr, l.value.prefix).network === l.value.network;
  if (!sameNet) {
    out.push(at(r, `${side(e, false)}${r.text} is not in the /${l.value.prefix} of ${side(e, true)}${l.text} (${l.value.networkText})${hint(l.value)}; the two ends of a tunnel share one /30 or /31.`, [rel(l, `inside address of ${endLabel(e, false)}`)], fixData(e)));
  }
  return out;
}

function hint(c: Cidr): string {
  const x = expectedRemote(c);
  return x ? `: expected ${x}` : '';
}

/** `conn `x`` for Libreswan, `tunnel N` for Yamaha. */

const fixData = (e: TunnelEnd): object => ({ end: e.key, kind: 'rightvti' });

function crossFindings(a: TunnelEnd, b: TunnelEnd): Finding[] {
  const out: Finding[] = [];
  const where = `${hostLabel(b.host)} (${endLabel(b, false)})`;
  // A's rightvti vs B's leftvti (each ordered direction is visited once by the caller).
  if (a.insideRemote && b.insideLocal && a.insideRemote.value.addr !== b.insideLocal.value.addr) {
    out.push(at(a.insideRemote, `${side(a, false)}${a.insideRemote.text} but the other end ${where} has ${side(b, true)}${b.insideLocal.text}.`, [rel(b.insideLocal, `inside address of ${where}`)], { end: a.key, kind: 'rightvti-from-peer' }));
  }
  if (a.key < b.key && a.insideLocal && b.insideLocal) {
    const l = a.insideLocal.value;
    const m = b.insideLocal.value;
    const same = l.family === m.family && l.addr === m.addr;
    const oneNet = l.family === m.family && l.prefix === m.prefix && l.network === m.network;
    if (same || !oneNet) {
      const why = same ? 'both ends use the same inside address' : `the inside addresses are not in one /${l.prefix}`;
      out.push(at(a.insideLocal, `${side(a, true)}${a.insideLocal.text}, other end ${where} ${side(b, true)}${b.insideLocal.text}: ${why}.`, [rel(b.insideLocal, `inside address of ${where}`)]));
      const back = `${hostLabel(a.host)} (${endLabel(a, false)})`;
      out.push(at(b.insideLocal, `${side(b, true)}${b.insideLocal.text}, other end ${back} ${side(a, true)}${a.insideLocal.text}: ${why}.`, [rel(a.insideLocal, `inside address of ${back}`)]));
    }
  }
  return out;
}

function bgpFindings(ends: readonly TunnelEnd[], bgp: ReturnType<typeof hostBgp>, connected: () => ReadonlyArray<Fact<Cidr>>): Finding[] {
  if (!bgp.neighbors.length) return [];
  const out: Finding[] = [];
  const attached = new Set<unknown>();
  for (const e of ends) {
    const n = e.bgp.neighbor;
    const l = e.insideLocal;
    if (!n || !l) continue;
    attached.add(n);
    const want = expectedRemote(l.value);
    const got = n.address.value.addr;
    if (peerOf(l.value) === got) continue;
    const what = got === l.value.addr ? "this host's own inside address" : isNetworkOrBroadcast(cidrOf(l.value.family, got, l.value.prefix)) ? `the ${got === l.value.network ? 'network' : 'broadcast'} address of ${l.value.networkText}` : `not the other host of ${l.value.networkText}`;
    out.push(at(n.address, `BGP neighbor ${n.address.text} over ${endLabel(e)} is ${what}${want ? `; the peer is ${want}` : ''}.`, [rel(l, `inside address of ${endLabel(e, false)}`)], { end: e.key, kind: 'neighbor' }));
  }
  // A neighbor outside every inside prefix is a typo'd peer when it is near a tunnel (same /24), has a
  // cloud ASN, or is link-local (169.254.0.0/16, RFC 3927: reachable only over a directly connected link,
  // the range AWS and OCI take inside addresses from) on no interface network of the host.
  const nets = ends.filter((e) => e.insideLocal).map((e) => e.insideLocal!);
  if (!nets.length) return out;
  let ifnets: ReadonlyArray<Fact<Cidr>> | undefined;
  for (const n of bgp.neighbors) {
    if (attached.has(n)) continue;
    const a = n.address.value;
    // The other host of some tunnel's prefix (two tunnels sharing one /30: subnet-overlap's finding) is no typo.
    if (nets.some((l) => l.value.family === a.family && peerOf(l.value) === a.addr)) continue;
    const mine = nets.filter((l) => l.value.family === a.family);
    const near = a.family === 4 && mine.some((l) => cidrOf(4, l.value.addr, 24).network === cidrOf(4, a.addr, 24).network);
    const cloudAsn = n.remoteAsn && [31898, 14544, 7224, 10124, 9059, 17493, 64512].includes(n.remoteAsn.value);
    const linkLocal = a.family === 4 && cidrOf(4, a.addr, 16).network === LINK_LOCAL && !(ifnets ??= connected()).some((c) => c.value.family === 4 && a.addr >= c.value.network && a.addr <= c.value.last);
    if (!near && !cloudAsn && !linkLocal) continue;
    const peers = ends.filter((e) => e.insideLocal && expectedRemote(e.insideLocal.value)).map((e) => `${expectedRemote(e.insideLocal!.value)} (${endLabel(e, false)})`);
    const why = linkLocal && !near ? ' (a link-local address, reachable only over a directly connected link, and on no interface network of this host)' : '';
    const closest = near || linkLocal ? nearestTo(mine, a.addr) : undefined;
    out.push(at(n.address, `BGP neighbor ${n.address.text} is not the other host of any tunnel's inside prefix on this host${why}${peers.length ? `; tunnel peers: ${peers.join(', ')}` : ''}.`, closest ? [rel(closest, 'nearest tunnel inside address')] : []));
  }
  return out;
}

/** 169.254.0.0 as an unsigned integer: the IPv4 link-local /16 (RFC 3927). */
const LINK_LOCAL = 0xa9fe0000n;

/** The inside address numerically closest to `addr` (same family assumed), or undefined for none. */
function nearestTo(nets: ReadonlyArray<Fact<Cidr>>, addr: bigint): Fact<Cidr> | undefined {
  let best: Fact<Cidr> | undefined;
  let gap = -1n;
  for (const l of nets) {
    const d = l.value.addr > addr ? l.value.addr - addr : addr - l.value.addr;
    if (gap < 0n || d < gap) [best, gap] = [l, d];
  }
  return best;
}

/**
 * Quick fixes: set `rightvti` to the other host of the local /30 (/31) — or to the other end's
 * `leftvti` — and rename a BGP neighbor to the other host of the tunnel's inside prefix (every mention).
 */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const model = tunnelModel(snapshot);
  const data = finding.data as { end?: string; kind?: string } | undefined;
  const e = model.ends.find((x) => x.key === data?.end);
  if (!e || !e.insideLocal) return [];
  if (data?.kind === 'rightvti' || data?.kind === 'rightvti-from-peer') {
    const peer = model.peer.get(e);
    const want = data.kind === 'rightvti-from-peer' && peer?.insideLocal ? peer.insideLocal.value.address : expectedRemote(e.insideLocal.value);
    const r = e.insideRemote;
    if (!want || !r) return [];
    const text = r.text.includes('/') ? `${want}/${r.value.prefix}` : want;
    return [{ title: `Set ${side(e, false)}${text}`, edits: [{ uri: r.uri, range: r.range, newText: text }], isPreferred: true }];
  }
  if (data?.kind === 'neighbor' && e.bgp.neighbor) {
    const want = expectedRemote(e.insideLocal.value);
    if (!want) return [];
    return [{ title: `Change BGP neighbor ${e.bgp.neighbor.address.text} to ${want}`, edits: e.bgp.neighbor.mentions.map((m) => ({ uri: m.uri, range: m.range, newText: want })), isPreferred: true }];
  }
  return [];
}
