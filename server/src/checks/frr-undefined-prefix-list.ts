import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts, frrFilesOfHost } from './frr-util';

/** A prefix-list referenced (match ... prefix-list, neighbor ... prefix-list) but defined in no FRR file of the host. */
export const check: FileCheck = {
  code: 'frr-undefined-prefix-list',
  defaultSeverity: 'warning',
  description: 'A prefix-list is referenced but defined nowhere on the host.',
  scope: 'file',
  languages: ['frr'],
  run(file, snapshot) {
    const defined = new Set<string>();
    for (const f of frrFilesOfHost(file, snapshot)) for (const p of frrFacts(f)?.prefixLists ?? []) defined.add(p.name.value);
    const out: FileProblem[] = [];
    for (const r of frrFacts(file)?.refs ?? [])
      if (r.kind === 'prefix-list' && !defined.has(r.name))
        out.push({ range: r.range, severity: 'warning', code: 'frr-undefined-prefix-list', message: `Prefix-list ${r.name} is not defined on this host.` });
    return out;
  },
};
