import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { yamahaFactsOf } from '../model/yamaha';

/**
 * Inside `tunnel select T`, the IKE gateway id of every `ipsec ike ... N` command must be the gateway of the
 * policy the tunnel uses (`ipsec tunnel P` -> `ipsec sa policy P G` -> N == G), and an `ipsec sa policy`
 * written in the block should be the block's own policy, and no two tunnels share one policy. Source: reference
 * commands.json `ipsec_binding` rule.
 */
export const check: FileCheck = {
  code: 'rtx-gateway-mismatch',
  defaultSeverity: 'error',
  description: 'Inside a tunnel block, ipsec ike commands use a gateway id other than the one of the tunnel\'s ipsec sa policy.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    const out: FileProblem[] = [];
    const policyOwner = new Map<number, number>();
    for (const t of facts.tunnels) {
      // Two tunnels on one SA policy: one finding on the later `ipsec tunnel` line, instead of one per IKE
      // line of that tunnel (its IKE commands name its own gateway, the borrowed policy another).
      const owner = t.ipsecTunnel ? policyOwner.get(t.ipsecTunnel.value) : undefined;
      if (t.ipsecTunnel && owner !== undefined && owner !== t.id) {
        out.push({ range: t.ipsecTunnel.range, severity: 'error', code: 'rtx-gateway-mismatch',
          message: `ipsec tunnel ${t.ipsecTunnel.value} is already used by tunnel ${owner}; each tunnel needs its own SA policy (ipsec sa policy) and IKE gateway.` });
        continue;
      }
      if (t.ipsecTunnel) policyOwner.set(t.ipsecTunnel.value, t.id);
      const pol = t.saPolicy;
      if (t.ipsecTunnel) {
        for (const p of facts.saPolicies.values()) {
          if (p.inTunnel === t.id && p.id.value !== t.ipsecTunnel.value) {
            out.push({ range: p.id.range, severity: 'error', code: 'rtx-gateway-mismatch',
              message: `ipsec sa policy ${p.id.value} is written in tunnel ${t.id}, but tunnel ${t.id} uses policy ${t.ipsecTunnel.value} (ipsec tunnel ${t.ipsecTunnel.value}).` });
          }
        }
      }
      if (!pol) continue;
      const g = pol.gatewayId.value;
      for (const gw of facts.gateways.values()) {
        if (gw.id === g) continue;
        for (const c of gw.commands) {
          if (c.inTunnel !== t.id) continue;
          out.push({ range: c.idRange, severity: 'error', code: 'rtx-gateway-mismatch',
            message: `${c.name} uses gateway ${gw.id} in tunnel ${t.id}, but the tunnel's policy ${pol.id.value} uses gateway ${g} (ipsec sa policy ${pol.id.value} ${g}).` });
        }
      }
    }
    return out;
  },
};
