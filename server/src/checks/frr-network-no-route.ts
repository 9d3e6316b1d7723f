import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { perHost } from './util';
import { frrFacts, frrFilesOfHost } from './frr-util';
import { parseIPv4 } from '../languages/frr/tokens';

/** Normalises an IPv4 prefix to its network address (`10.0.0.1/24` -> `10.0.0.0/24`); other text unchanged. */
export function networkOf(prefix: string): string {
  const [a, l] = prefix.split('/');
  const o = parseIPv4(a);
  const len = Number(l);
  if (!o || !Number.isInteger(len) || len < 0 || len > 32) return prefix.toLowerCase();
  const v = ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
  const m = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  const n = (v & m) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${len}`;
}

/**
 * With `bgp network import-check` (default on), a `network P` is announced only if P is in the RIB. This
 * check looks for P among the host's static routes (`ip route P ...` in staticd.conf/frr.conf) and the
 * connected networks of its `interface ... ip address` lines. Kernel routes are invisible to us, hence a warning.
 */
export const check: WorkspaceCheck = {
  code: 'frr-network-no-route',
  defaultSeverity: 'warning',
  description: 'A BGP network statement has no matching static route or connected interface network on the host (import-check on: it is not announced).',
  scope: 'workspace',
  ...perHost((snapshot, host) => {
    const out: Finding[] = [];
    for (const uri of host.fileUris) {
      const file = snapshot.files.get(uri);
      const facts = file && frrFacts(file);
      if (!facts || facts.routers.every((r) => r.networks.length === 0)) continue;
      const known = new Set<string>();
      for (const f of frrFilesOfHost(file, snapshot)) {
        const ff = frrFacts(f);
        for (const s of ff?.staticRoutes ?? []) if (!s.vrf) known.add(networkOf(s.prefix.value));
        for (const i of ff?.interfaces ?? []) if (!i.vrf) for (const a of i.addresses) known.add(networkOf(a.value));
      }
      for (const r of facts.routers) {
        if (!r.networkImportCheck || r.vrf) continue;
        for (const n of r.networks) {
          if (known.has(networkOf(n.prefix.value))) continue;
          out.push({ uri: file.uri, range: n.prefix.range, severity: 'warning', code: 'frr-network-no-route', message: `network ${n.prefix.value}: no static route or connected interface network for it on this host; with bgp network import-check (default) FRR announces it only when it is in the routing table.` });
        }
      }
    }
    return out;
  }),
};
