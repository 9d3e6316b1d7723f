import type { FileCheck } from './types';
import { yamahaFactsOf } from '../model/yamaha';

/** `bgp import ... filter N` / `bgp export ... filter N` use a filter number with no `bgp import filter N` / `bgp export filter N`. */
export const check: FileCheck = {
  code: 'rtx-undefined-bgp-filter',
  defaultSeverity: 'error',
  description: 'bgp import / bgp export refers to a BGP filter number that is not defined.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    const { bgp } = facts;
    return bgp.filterRefs
      .filter((r) => !(r.direction === 'import' ? bgp.importFilters : bgp.exportFilters).has(r.id))
      .map((r) => ({
        range: r.range, severity: 'error' as const, code: 'rtx-undefined-bgp-filter',
        message: `BGP ${r.direction} filter ${r.id} is not defined: add 'bgp ${r.direction} filter ${r.id} ...'.`,
      }));
  },
};
