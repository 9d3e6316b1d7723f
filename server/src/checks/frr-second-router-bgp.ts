import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts } from './frr-util';

/** A second `router bgp` with a different AS in the default VRF: bgpd refuses it ("BGP is already running"). */
export const check: FileCheck = {
  code: 'frr-second-router-bgp',
  defaultSeverity: 'error',
  description: 'A second router bgp with another AS number in the default VRF (bgpd refuses it).',
  scope: 'file',
  languages: ['frr'],
  run(file) {
    const out: FileProblem[] = [];
    let first: { asn: string; line: number } | undefined;
    for (const r of frrFacts(file)?.routers ?? []) {
      if (r.vrf || !r.asn) continue;
      if (!first) first = { asn: r.asn.value, line: r.line };
      else if (r.asn.value !== first.asn)
        out.push({ range: r.asn.range, severity: 'error', code: 'frr-second-router-bgp', message: `router bgp ${r.asn.value}: the default VRF already runs AS ${first.asn} (line ${first.line + 1}); bgpd refuses a second AS.` });
    }
    return out;
  },
};
