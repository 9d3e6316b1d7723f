import { addressText, parseCidr, type Cidr } from '../../model/ip';
import { firstFreeInside, insidePrefixesInUse } from '../../model/inside-alloc';
import { idKey } from '../../model/secrets';
import { yamahaFactsOf } from '../../model/yamaha';
import { tunnelModel, markKey } from '../../model/tunnels';
import type { Host } from '../../workspace/hosts';
import type { WorkspaceSnapshot } from '../../workspace/types';

/**
 * What is already taken on a host (and, for inside addresses, anywhere in the workspace), so the
 * scaffold picks values that collide with nothing: inside prefixes, marks, VTI names, conn names,
 * FRR route-map / prefix-list names, Yamaha tunnel / policy / gateway / BGP neighbor / filter numbers.
 */
export interface Taken {
  inside: Cidr[];
  marks: Set<number>;
  vtis: Set<string>;
  names: Set<string>;
  paths: Set<string>;
  yamaha: { tunnels: Set<number>; policies: Set<number>; gateways: Set<number>; neighbors: Set<number>; filters: Set<number>; asn?: number; bgpUse: boolean };
  /** The host's FRR `router bgp` ASN, when it has one. */
  frrAsn?: number;
  /**
   * Peer addresses / IDs already in use on the host (`idKey` form, e.g. `ip:203.0.113.11`): a conn's or
   * Yamaha tunnel's remote address or ID, or an ID selector of a secrets entry. Each maps to where it is
   * used (file path and a short description, no secret) for the refusal message.
   */
  peers: Map<string, { path: string; what: string }>;
  /** The outside address (IPv4, as written) the host's existing tunnels use, first in file order; none on a fresh host. */
  localOutside?: string;
}

/** An empty record (no snapshot: a fresh folder). */
export function emptyTaken(): Taken {
  return {
    inside: [],
    marks: new Set(),
    vtis: new Set(),
    names: new Set(),
    paths: new Set(),
    peers: new Map(),
    yamaha: { tunnels: new Set(), policies: new Set(), gateways: new Set(), neighbors: new Set(), filters: new Set(), bgpUse: false },
  };
}

/** The host whose root is `root` (a folder, or a Yamaha file), if the snapshot has one. */
export function hostAt(snapshot: WorkspaceSnapshot, root: string): Host | undefined {
  const r = root.replace(/\/+$/, '');
  for (const h of snapshot.hosts.hosts.values()) if (h.root.replace(/\/+$/, '') === r) return h;
  return undefined;
}

/** Collects what is taken: inside prefixes of the whole workspace, the rest from the given hosts. */
export function collectTaken(snapshot: WorkspaceSnapshot | undefined, hosts: readonly (Host | undefined)[]): Taken {
  const t = emptyTaken();
  if (!snapshot) return t;
  for (const f of snapshot.files.values()) t.paths.add(f.path);
  const model = tunnelModel(snapshot);
  t.inside.push(...insidePrefixesInUse(snapshot));
  for (const h of hosts) {
    if (!h) continue;
    for (const e of model.byHost.get(h) ?? []) {
      for (const m of [e.mark, e.markIn, e.markOut]) if (m?.value) t.marks.add(markKey(m.value));
      if (e.vtiInterface) t.vtis.add(e.vtiInterface.text);
      if (!t.localOutside && e.local && /^ip:\d+\.\d+\.\d+\.\d+$/.test(e.local.value ?? '')) t.localOutside = e.local.text;
      const path = snapshot.files.get(e.uri)?.path ?? e.uri;
      for (const r of [e.remote, e.remoteId]) if (r?.value && r.value !== 'any' && !t.peers.has(r.value)) t.peers.set(r.value, { path, what: `${e.vendor === 'yamaha' ? 'tunnel' : 'conn'} ${e.name}` });
    }
    for (const uri of h.fileUris) {
      const f = snapshot.files.get(uri);
      if (!f) continue;
      if (f.languageId === 'libreswan') for (const m of f.text.matchAll(/^conn\s+(\S+)/gm)) t.names.add(m[1]);
      if (f.parsed.languageId === 'libreswan-secrets') {
        for (const e of f.parsed.ast.entries) {
          for (const sel of e.selectors) {
            const k = idKey(sel.text);
            if (k && k !== 'any' && !t.peers.has(k)) t.peers.set(k, { path: f.path, what: `secrets entry on line ${e.range.start.line + 1}` });
          }
        }
      }
      if (f.languageId === 'frr') {
        for (const m of f.text.matchAll(/^\s*(?:route-map|ip prefix-list)\s+(\S+)/gm)) t.names.add(m[1]);
        const asn = /^router bgp (\d+)\s*$/m.exec(f.text);
        if (asn) t.frrAsn ??= Number(asn[1]);
      }
      const y = yamahaFactsOf(f);
      if (!y) continue;
      for (const tun of y.tunnels) t.yamaha.tunnels.add(tun.id);
      for (const p of y.saPolicies.keys()) t.yamaha.policies.add(p);
      for (const r of y.policyRefs) t.yamaha.policies.add(r.id);
      for (const g of y.gateways.keys()) t.yamaha.gateways.add(g);
      for (const n of y.bgp.neighbors) t.yamaha.neighbors.add(n.id.value);
      for (const k of [...y.bgp.importFilters.keys(), ...y.bgp.exportFilters.keys()]) t.yamaha.filters.add(k);
      if (y.bgp.asn) t.yamaha.asn = y.bgp.asn.value;
      if (y.bgp.use) t.yamaha.bgpUse = true;
    }
  }
  return t;
}

/** The smallest integer ≥ `from` not in `used`; it is added to `used`. */
export function freeNumber(used: Set<number>, from = 1): number {
  let n = from;
  while (used.has(n)) n++;
  used.add(n);
  return n;
}

/** `base` if free, else `base-2`, `base-3`, ...; the result is added to `used`. */
export function freeName(used: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

/** The first `vtiN` not in `used` (added to `used`). */
export function freeVti(used: Set<string>): string {
  let n = 1;
  while (used.has(`vti${n}`)) n++;
  used.add(`vti${n}`);
  return `vti${n}`;
}

/**
 * The first free /30 in 169.254.0.0/16 from 169.254.20.0 on that none of AWS's and OCI's reserved ranges
 * and no inside prefix of the workspace overlaps (so it suits either cloud and a Libreswan peer).
 * The chosen prefix is added to `taken.inside`. Null when the range is exhausted.
 */
export function freeInside(taken: Taken): Cidr | null {
  return firstFreeInside(taken.inside);
}

/** RFC 5737 TEST-NET-3, where the default peer outside addresses live. */
const DOC_NET = parseCidr('203.0.113.0/24')!;

/**
 * The documentation address (203.0.113.0/24, RFC 5737) nearest at or above `preferred` (wrapping round
 * the /24) that no conn, tunnel or secrets entry of the host uses as a peer or ID (`taken.peers`) and that
 * is not in `alsoAvoid`. Used when the peer outside addresses were defaulted, so a second pair on one host
 * gets its own IDs and secrets lines. Throws when all 254 are in use.
 */
export function freePeerAddress(taken: Taken, preferred: string, alsoAvoid: readonly string[] = []): string {
  const start = parseCidr(preferred)?.addr ?? DOC_NET.network + 1n;
  const inNet = start > DOC_NET.network && start < DOC_NET.network + 255n ? start : DOC_NET.network + 1n;
  for (let i = 0n; i < 254n; i++) {
    const a = DOC_NET.network + 1n + ((inNet - DOC_NET.network - 1n + i) % 254n);
    const text = addressText(4, a);
    if (!taken.peers.has(`ip:${text}`) && !alsoAvoid.includes(text)) return text;
  }
  throw new Error('no free documentation address left in 203.0.113.0/24 for the peer; give --peer-address');
}
