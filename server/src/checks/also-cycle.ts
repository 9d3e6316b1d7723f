import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** `also=` references that loop back to a conn already on the chain. */
export const check: WorkspaceCheck = {
  code: 'also-cycle',
  defaultSeverity: 'error',
  description: 'A loop of `also=` references between conns.',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const c of h.alsoCycles) {
      const shown = c.chain.length > 8 ? [...c.chain.slice(0, 4), '…', ...c.chain.slice(-3)] : c.chain;
      out.push(findingAt(c.def.file, c.setting.value!.range, { severity: 'error', code: 'also-cycle', message: `also= loop: ${shown.join(' → ')}.` }));
    }
    return out;
  }),
};
