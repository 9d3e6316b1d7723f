import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts, frrFilesOfHost } from './frr-util';

/**
 * A route-map referenced (neighbor ... route-map, network ... route-map, redistribute ... route-map, call)
 * but defined in no FRR file of the host. FRR accepts it; an undefined route-map denies everything.
 */
export const check: FileCheck = {
  code: 'frr-undefined-route-map',
  defaultSeverity: 'warning',
  description: 'A route-map is referenced but defined nowhere on the host (FRR then matches nothing: all routes denied).',
  scope: 'file',
  languages: ['frr'],
  run(file, snapshot) {
    const defined = new Set<string>();
    for (const f of frrFilesOfHost(file, snapshot)) for (const m of frrFacts(f)?.routeMaps ?? []) defined.add(m.name.value);
    const out: FileProblem[] = [];
    for (const r of frrFacts(file)?.refs ?? [])
      if (r.kind === 'route-map' && !defined.has(r.name))
        out.push({ range: r.range, severity: 'warning', code: 'frr-undefined-route-map', message: `Route-map ${r.name} is not defined; FRR treats a missing route-map as deny-all.` });
    return out;
  },
};
