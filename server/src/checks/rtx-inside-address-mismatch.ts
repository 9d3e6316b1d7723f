import { Address4 } from 'ip-address';
import type { FileProblem, Range } from '../core/types';
import type { FileCheck } from './types';
import type { TunnelFacts } from '../languages/yamaha/facts';
import { yamahaFactsOf } from '../model/yamaha';

function subnetOf(t: TunnelFacts): Address4 | undefined {
  if (!t.insideAddress) return undefined;
  return new Address4(`${t.insideAddress.value}/${t.insideAddress.prefixLength}`);
}

function inSubnet(addr: string, net: Address4): boolean {
  try { return new Address4(addr).isInSubnet(net); } catch { return false; }
}

function edge(addr: string, net: Address4): boolean {
  if (net.subnetMask > 30) return false;
  return addr === net.startAddress().correctForm() || addr === net.endAddress().correctForm();
}

/**
 * Tunnel inside addresses agree: `ip tunnel remote address` lies in the `ip tunnel address` subnet, differs from
 * it, and neither is the network/broadcast address of a /30 or wider; a `bgp neighbor` on a tunnel's remote inside
 * address uses that tunnel's inside address as `local-address=` (and vice versa). Per-file half of DESIGN's
 * inside-peer-mismatch.
 */
export const check: FileCheck = {
  code: 'rtx-inside-address-mismatch',
  defaultSeverity: 'error',
  description: 'ip tunnel address, ip tunnel remote address and bgp neighbor local-address= do not agree.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    const out: FileProblem[] = [];
    const code = 'rtx-inside-address-mismatch';
    const push = (range: Range, message: string): void => { out.push({ range, severity: 'error', code, message }); };
    for (const t of facts.tunnels) {
      const net = subnetOf(t);
      if (!net || !t.insideAddress) continue;
      const cidr = `${net.startAddress().correctForm()}/${net.subnetMask}`;
      if (edge(t.insideAddress.value, net)) push(t.insideAddress.range, `Tunnel ${t.id} inside address ${t.insideAddress.value} is the network or broadcast address of ${cidr}.`);
      const r = t.insideRemote;
      if (!r) continue;
      if (r.value === t.insideAddress.value) push(r.range, `Tunnel ${t.id} remote inside address equals its own inside address ${r.value}.`);
      else if (!inSubnet(r.value, net)) push(r.range, `Tunnel ${t.id} remote inside address ${r.value} is outside its inside subnet ${cidr}.`);
      else if (edge(r.value, net)) push(r.range, `Tunnel ${t.id} remote inside address ${r.value} is the network or broadcast address of ${cidr}.`);
    }
    for (const n of facts.bgp.neighbors) {
      const byRemote = facts.tunnels.find((t) => t.insideRemote?.value === n.address.value);
      const bySubnet = facts.tunnels.find((t) => { const s = subnetOf(t); return s !== undefined && inSubnet(n.address.value, s); });
      const la = n.localAddress;
      if (byRemote) {
        if (la && byRemote.insideAddress && la.value !== byRemote.insideAddress.value) {
          push(la.range, `BGP neighbor ${n.id.value} (${n.address.value}) is tunnel ${byRemote.id}'s remote inside address, but local-address=${la.value} differs from tunnel ${byRemote.id}'s inside address ${byRemote.insideAddress.value}.`);
        }
        continue;
      }
      if (bySubnet && bySubnet.insideRemote) {
        push(n.address.range, `BGP neighbor ${n.id.value} address ${n.address.value} is in tunnel ${bySubnet.id}'s inside subnet, but the tunnel's remote inside address is ${bySubnet.insideRemote.value}.`);
        continue;
      }
      if (la) {
        const own = facts.tunnels.find((t) => t.insideAddress?.value === la.value);
        const s = own ? subnetOf(own) : undefined;
        if (own && s && !inSubnet(n.address.value, s)) {
          push(n.address.range, `BGP neighbor ${n.id.value} address ${n.address.value} is not in tunnel ${own.id}'s inside subnet, where local-address=${la.value} lives.`);
        }
      }
    }
    return out;
  },
};
