import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts, frrFilesOfHost } from './frr-util';

/** A route-map or prefix-list defined but referenced by no FRR file of the host (reported once, at its first entry). */
export const check: FileCheck = {
  code: 'frr-unused-definition',
  defaultSeverity: 'information',
  description: 'A route-map or prefix-list is defined but never used on the host.',
  scope: 'file',
  languages: ['frr'],
  run(file, snapshot) {
    const used = new Set<string>();
    for (const f of frrFilesOfHost(file, snapshot)) for (const r of frrFacts(f)?.refs ?? []) used.add(`${r.kind}:${r.name}`);
    const facts = frrFacts(file);
    const out: FileProblem[] = [];
    const seen = new Set<string>();
    const add = (kind: string, name: string, range: FileProblem['range']): void => {
      const key = `${kind}:${name}`;
      if (used.has(key) || seen.has(key)) return;
      seen.add(key);
      out.push({ range, severity: 'information', code: 'frr-unused-definition', message: `${kind === 'route-map' ? 'Route-map' : 'Prefix-list'} ${name} is defined but not used.` });
    };
    for (const m of facts?.routeMaps ?? []) add('route-map', m.name.value, m.name.range);
    for (const p of facts?.prefixLists ?? []) add('prefix-list', p.name.value, p.name.range);
    return out;
  },
};
