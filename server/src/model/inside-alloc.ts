import { AWS_RESERVED_INSIDE, OCI_RESERVED_INSIDE } from './clouds';
import { cidrOf, overlaps, parseCidr, type Cidr } from './ip';
import { hostBgp, tunnelModel } from './tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import { yamahaFactsOf } from './yamaha';

/**
 * Allocation of inside (tunnel interface) /30s, shared by the scaffold (features/scaffold/allocate.ts) and
 * the `cloud-inside-cidr` quick fix. Pure functions of the snapshot; deterministic (lowest free /30 first).
 */

/**
 * Every inside prefix the workspace already uses, widened to a /30 (a /31 counts as the /30 around it):
 * `leftvti`/`rightvti` and Yamaha `ip tunnel address` of every end, and every BGP neighbor address (FRR
 * and Yamaha `bgp neighbor`), which sits in the /30 of some tunnel.
 */
export function insidePrefixesInUse(snapshot: WorkspaceSnapshot): Cidr[] {
  const out: Cidr[] = [];
  const model = tunnelModel(snapshot);
  for (const e of model.ends) for (const c of [e.insideLocal, e.insideRemote]) if (c) out.push(cidrOf(c.value.family, c.value.addr, Math.min(c.value.prefix, 30)));
  for (const h of snapshot.hosts.hosts.values()) {
    for (const n of hostBgp(snapshot, h).neighbors) out.push(cidrOf(4, n.address.value.addr, 30));
  }
  for (const f of snapshot.files.values()) {
    const y = yamahaFactsOf(f);
    if (!y) continue;
    for (const tun of y.tunnels) {
      const a = tun.insideAddress ? parseCidr(`${tun.insideAddress.value.split('/')[0]}/${Math.min(tun.insideAddress.prefixLength, 30)}`) : null;
      if (a) out.push(a);
    }
    for (const n of y.bgp.neighbors) {
      const a = parseCidr(`${n.address.value}/30`);
      if (a) out.push(a);
    }
  }
  return out;
}

const SEARCH_FROM = parseCidr('169.254.20.0/30')!;
const SEARCH_END = parseCidr('169.254.255.252/30')!;

/**
 * The first /30 in 169.254.0.0/16, from 169.254.20.0 on, that overlaps none of AWS's and OCI's reserved
 * ranges (model/clouds.ts) and none of `inUse` (so it suits either cloud and a Libreswan peer). The chosen
 * prefix is appended to `inUse`. Null when the range is exhausted.
 */
export function firstFreeInside(inUse: Cidr[]): Cidr | null {
  const reserved = [...AWS_RESERVED_INSIDE, ...OCI_RESERVED_INSIDE];
  for (let n = SEARCH_FROM.network; n <= SEARCH_END.network; n += 4n) {
    const c = cidrOf(4, n, 30);
    if (reserved.some((r) => overlaps(r, c)) || inUse.some((r) => overlaps(r, c))) continue;
    inUse.push(c);
    return c;
  }
  return null;
}
