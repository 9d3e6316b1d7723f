import type { FileCheck } from './types';
import { yamahaFactsOf } from '../model/yamaha';

/** `ipsec tunnel P` / `ipsec transport T P` refer to a policy id P that no `ipsec sa policy P ...` defines. */
export const check: FileCheck = {
  code: 'rtx-undefined-sa-policy',
  defaultSeverity: 'error',
  description: 'ipsec tunnel / ipsec transport refers to an ipsec sa policy that is not defined in the file.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    const defined = [...facts.saPolicies.keys()];
    return facts.policyRefs.filter((r) => !facts.saPolicies.has(r.id)).map((r) => ({
      range: r.range, severity: 'error' as const, code: 'rtx-undefined-sa-policy',
      message: `No 'ipsec sa policy ${r.id} ...' is defined${defined.length ? ` (defined policies: ${defined.join(', ')})` : ''}.`,
    }));
  },
};
