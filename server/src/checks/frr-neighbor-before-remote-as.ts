import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts } from './frr-util';

/**
 * A `neighbor X ...` command before X has a `remote-as` (or joined a peer-group): bgpd refuses it
 * ("specify remote-as or peer-group commands first"), so the setting is silently lost when loading.
 */
export const check: FileCheck = {
  code: 'frr-neighbor-before-remote-as',
  defaultSeverity: 'error',
  description: 'A neighbor is configured before its remote-as (or peer-group); bgpd rejects those lines.',
  scope: 'file',
  languages: ['frr'],
  run(file) {
    const out: FileProblem[] = [];
    for (const r of frrFacts(file)?.routers ?? []) {
      for (const n of r.neighbors) {
        const later = n.remoteAs ? ` (its remote-as comes later, on line ${n.remoteAs.line + 1})` : ' (it never gets one)';
        for (const e of n.early)
          out.push({ range: e.range, severity: 'error', code: 'frr-neighbor-before-remote-as', message: `Neighbor ${n.name} is used before its remote-as or peer-group${later}; bgpd rejects this line.` });
      }
    }
    return out;
  },
};
