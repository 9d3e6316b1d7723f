import type { FileProblem } from '../core/types';
import type { FrrNeighbor } from '../languages/frr/facts';
import type { FileCheck } from './types';
import { frrFacts } from './frr-util';

/** Known cloud BGP timers (seconds). Source: shared/reference/clouds/aws.json (hold 30, keepalive 10). */
export const CLOUD_TIMERS: Record<string, { hold: number; keepalive: number }> = { aws: { hold: 30, keepalive: 10 } };

/**
 * Which cloud a BGP neighbor belongs to. HOOK: the lead's tunnel model should replace this guess (the
 * tunnel that carries the neighbor knows its cloud); until then AWS is recognised by its 169.254.0.0/16
 * inside addresses, unless the neighbor's remote-as is Oracle's.
 */
export function cloudOfNeighbor(n: FrrNeighbor): string | undefined {
  // OCI inside interfaces may use 169.254.0.0/16 too: Oracle's ASNs (31898, 14544 US Gov) rule AWS out.
  if (n.remoteAs && OCI_ASNS.has(n.remoteAs.value)) return undefined;
  return /^169\.254\./.test(n.name) ? 'aws' : undefined;
}

const OCI_ASNS: ReadonlySet<string> = new Set(['31898', '14544']);

/** FRR 8.4 defaults (traditional profile): keepalive 60 s, hold 180 s. */
const FRR_DEFAULT = { keepalive: 60, hold: 180 };

/** Hold/keepalive timers that differ from the cloud peer's (information: BGP uses the lower hold time). */
export const check: FileCheck = {
  code: 'frr-timers-differ-cloud',
  defaultSeverity: 'information',
  description: 'BGP hold/keepalive timers differ from what the cloud peer uses (AWS: 30 s hold, 10 s keepalive).',
  scope: 'file',
  languages: ['frr'],
  run(file) {
    const out: FileProblem[] = [];
    for (const r of frrFacts(file)?.routers ?? []) {
      const groups = new Map(r.neighbors.filter((n) => n.kind === 'peer-group').map((g) => [g.name, g]));
      for (const n of r.neighbors) {
        // A peer-group member inherits the group's remote-as and timers unless it sets its own.
        const group = n.peerGroup ? groups.get(n.peerGroup.value) : undefined;
        const cloud = cloudOfNeighbor(n.remoteAs || !group?.remoteAs ? n : { ...n, remoteAs: group.remoteAs });
        const want = cloud ? CLOUD_TIMERS[cloud] : undefined;
        if (!want) continue;
        const t = n.timers ?? group?.timers ?? r.timers;
        const have = t ?? FRR_DEFAULT;
        if (have.hold === want.hold && have.keepalive === want.keepalive) continue;
        const range = t?.range ?? n.range;
        const src = t ? '' : ' (FRR default)';
        out.push({ range, severity: 'information', code: 'frr-timers-differ-cloud', message: `Neighbor ${n.name} (${cloud!.toUpperCase()}) uses keepalive ${have.keepalive} s / hold ${have.hold} s${src}; the cloud peer uses ${want.keepalive} s / ${want.hold} s. The session settles on the lower hold time, but failover detection follows these values.` });
      }
    }
    return out;
  },
};
