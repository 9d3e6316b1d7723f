import type { FileProblem, Range } from '../core/types';
import type { FileCheck } from './types';
import { yamahaFactsOf, yamahaFileOf } from '../model/yamaha';

/**
 * Tunnel numbers, IPsec gateway ids and pp numbers above the limit of the model named in the `show config`
 * header (shared/reference/yamaha-rtx/models.json: max_tunnel, ipsec_gateway_id_max, max_pp). A warning when
 * an extension license can raise the limit, an error otherwise.
 */
export const check: FileCheck = {
  code: 'rtx-model-range',
  defaultSeverity: 'error',
  description: 'A tunnel, IPsec gateway or pp number exceeds what the model in the show config header supports.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    const ast = yamahaFileOf(file);
    const lim = facts?.limits;
    if (!facts || !ast || !lim) return [];
    const out: FileProblem[] = [];
    const sev = lim.licenseNote ? 'warning' as const : 'error' as const;
    const extra = lim.licenseNote ? ` (more with an extension license: ${lim.licenseNote})` : '';
    const over = (range: Range, what: string, n: number, max: number | null): void => {
      if (max !== null && n > max) {
        out.push({ range, severity: sev, code: 'rtx-model-range', message: `${lim.model} supports ${what} 1..${max}${extra}; ${n} is too high.` });
      }
    };
    for (const t of facts.tunnels) over(t.idRange, 'tunnel numbers', t.id, lim.maxTunnel);
    for (const g of facts.gateways.values()) {
      for (const c of g.commands) over(c.idRange, 'IPsec gateway ids', g.id, lim.gatewayIdMax ?? lim.maxTunnel);
    }
    for (const p of facts.saPolicies.values()) over(p.gatewayId.range, 'IPsec gateway ids', p.gatewayId.value, lim.gatewayIdMax ?? lim.maxTunnel);
    for (const b of ast.blocks) {
      if (b.kind !== 'pp' || typeof b.id !== 'number') continue;
      const cmd = ast.commands.find((c) => c.line === b.selectLine);
      const tok = cmd?.args[0];
      if (tok) over({ start: { line: tok.line, character: tok.start }, end: { line: tok.line, character: tok.end } }, 'pp numbers', b.id, lim.maxPp);
    }
    return out;
  },
};
