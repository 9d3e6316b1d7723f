import type { FileProblem } from '../core/types';
import type { FrrNeighbor, FrrRouterBgp } from '../languages/frr/facts';
import type { FileCheck } from './types';
import { frrFacts } from './frr-util';

/** True when the neighbor is eBGP: `remote-as external` or a number other than the router's own AS. */
export function isEbgp(r: FrrRouterBgp, n: FrrNeighbor, groups: ReadonlyMap<string, FrrNeighbor>): boolean {
  const ras = n.remoteAs?.value ?? (n.peerGroup ? groups.get(n.peerGroup.value)?.remoteAs?.value : undefined);
  if (!ras || ras === 'internal') return false;
  return ras === 'external' || (r.asn !== undefined && ras !== r.asn.value);
}

/**
 * With `bgp ebgp-requires-policy` in force (FRR's default since 7.4, RFC 8212; off with `frr defaults
 * datacenter` or `no bgp ebgp-requires-policy`), an eBGP neighbor without an inbound and an outbound policy
 * (route-map, prefix-list, filter-list or distribute-list, own or its peer-group's) exchanges no routes.
 */
export const check: FileCheck = {
  code: 'frr-ebgp-no-policy',
  defaultSeverity: 'warning',
  description: 'An eBGP neighbor lacks an inbound or outbound policy while bgp ebgp-requires-policy is on: no routes are exchanged.',
  scope: 'file',
  languages: ['frr'],
  run(file) {
    const out: FileProblem[] = [];
    for (const r of frrFacts(file)?.routers ?? []) {
      if (!r.ebgpRequiresPolicy) continue;
      const groups = new Map(r.neighbors.filter((n) => n.kind === 'peer-group').map((n) => [n.name, n]));
      for (const n of r.neighbors) {
        if (n.kind === 'peer-group' || !isEbgp(r, n, groups)) continue;
        const pols = [...n.policies, ...(n.peerGroup ? groups.get(n.peerGroup.value)?.policies ?? [] : [])];
        const missing = (['in', 'out'] as const).filter((d) => !pols.some((p) => p.dir === d));
        if (missing.length === 0) continue;
        const range = n.remoteAs?.range ?? n.range;
        out.push({ range, severity: 'warning', code: 'frr-ebgp-no-policy', message: `eBGP neighbor ${n.name} has no ${missing.join(' and no ')}bound policy; with bgp ebgp-requires-policy (the default) FRR ${missing.length === 2 ? 'neither accepts nor announces any route' : missing[0] === 'in' ? 'accepts no routes from it' : 'announces no routes to it'}. Add e.g. \`neighbor ${n.name} route-map NAME ${missing[0]}\`.` });
      }
    }
    return out;
  },
};
