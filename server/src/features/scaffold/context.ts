import { hostLabel } from '../../model/tunnel-types';
import { yamahaFactsOf } from '../../model/yamaha';
import type { HostSummary, ScaffoldContextResult } from '../../protocol';
import type { WorkspaceSnapshot } from '../../workspace/types';

/**
 * The hosts of the workspace as the scaffold wizard offers them: Libreswan hosts (targets, or the peer
 * of a Libreswan pair) and Yamaha command files, with the BGP ASN each already uses.
 */
export function scaffoldContext(snapshot: WorkspaceSnapshot, folders: readonly string[]): ScaffoldContextResult {
  const hosts: HostSummary[] = [];
  for (const h of snapshot.hosts.hosts.values()) {
    const files = h.fileUris.map((u) => snapshot.files.get(u)).filter((f) => !!f);
    let kind: HostSummary['kind'] = 'other';
    let asn: number | undefined;
    for (const f of files) {
      if (f.languageId === 'libreswan' || f.languageId === 'libreswan-secrets') kind = kind === 'yamaha' ? kind : 'libreswan';
      if (f.languageId === 'frr') {
        const m = /^router bgp (\d+)\s*$/m.exec(f.text);
        if (m) asn ??= Number(m[1]);
        if (kind === 'other') kind = 'libreswan';
      }
      const y = yamahaFactsOf(f);
      if (y) {
        kind = 'yamaha';
        asn ??= y.bgp.asn?.value;
      }
    }
    hosts.push({ name: hostLabel(h), root: h.root, kind, ...(asn !== undefined ? { asn } : {}) });
  }
  hosts.sort((a, b) => a.root.localeCompare(b.root));
  return { folders: [...folders], hosts };
}
