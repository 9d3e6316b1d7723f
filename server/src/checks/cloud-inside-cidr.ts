import type { Finding } from '../core/types';
import { AWS_INSIDE_PARENT, AWS_RESERVED_INSIDE, OCI_RESERVED_INSIDE } from '../model/clouds';
import { addressText, contains, overlaps, type Cidr } from '../model/ip';
import { endLabel, tunnelModel, type Fact, type TunnelEnd } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import type { WorkspaceCheck } from './types';
import { perHostEnds } from './util';
import { moveInsideFix } from './cloud-inside-move';

/**
 * Inside (tunnel interface) CIDR rules of the cloud at the far end (ends whose peer is AWS or OCI, from
 * vpnconf.json `"peers"` or the peer's BGP ASN):
 * - AWS ("Tunnel options for your Site-to-Site VPN connection", docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html;
 *   EC2 API VpnTunnelOptionsSpecification): a /30 inside 169.254.0.0/16, not one of the reserved /30s
 *   (169.254.0.0/30 ... 169.254.5.0/30, 169.254.169.252/30); AWS takes the first host (N+1), the customer
 *   gateway the second (N+2), so `leftvti` is N+2 and `rightvti`/BGP neighbor N+1.
 * - OCI (SDK CreateIPSecTunnelBgpSessionDetails): a /30 or /31, outside the link-local ranges OCI reserves
 *   (169.254.10.0-19.255, 169.254.100.0-109.255, 169.254.192.0-201.255; marked uncertain in the reference,
 *   so reported as a warning).
 */
export const check: WorkspaceCheck = {
  code: 'cloud-inside-cidr',
  defaultSeverity: 'error',
  description: 'Inside tunnel CIDR breaks the rules of the peer cloud (AWS: /30 in 169.254.0.0/16, not reserved, ours N+2; OCI: /30 or /31, not reserved).',
  scope: 'workspace',
  run: perHostEnds((ends, model) => {
    const out: Finding[] = [];
    for (const e of ends) {
      const cloud = model.cloud.get(e);
      const l = e.insideLocal;
      if (!cloud || !l) continue;
      out.push(...(cloud === 'aws' ? awsFindings(e, l) : ociFindings(e, l)));
    }
    return out;
  }),
};

const at = (f: Fact<unknown>, message: string, severity: 'error' | 'warning' = 'error', data?: object): Finding => ({
  uri: f.uri,
  range: f.range,
  severity,
  code: 'cloud-inside-cidr',
  message,
  ...(data ? { data } : {}),
});

/** Finding data for the "move to a free compliant /30" fix. */
const move = (e: TunnelEnd): object => ({ end: e.key, kind: 'move' });

function awsFindings(e: TunnelEnd, l: Fact<Cidr>): Finding[] {
  const c = l.value;
  if (c.family !== 4) return [];
  if (c.prefix !== 30) return [at(l, `AWS inside tunnel CIDRs are /30s; ${l.text} of ${endLabel(e)} is a /${c.prefix}.`, 'error', move(e))];
  if (!contains(AWS_INSIDE_PARENT, c)) return [at(l, `AWS inside tunnel CIDRs lie in 169.254.0.0/16; ${c.networkText} of ${endLabel(e)} does not.`, 'error', move(e))];
  const reserved = AWS_RESERVED_INSIDE.find((r) => overlaps(r, c));
  if (reserved) return [at(l, `AWS reserves ${reserved.networkText}; choose another /30 in 169.254.0.0/16 for ${endLabel(e)}.`, 'error', move(e))];
  const out: Finding[] = [];
  const ours = addressText(4, c.network + 2n);
  const theirs = addressText(4, c.network + 1n);
  if (c.addr !== c.network + 2n) out.push(at(l, `On AWS the customer gateway takes the second host of the /30: ${ours}/30 (AWS is ${theirs}).`, 'error', { end: e.key, kind: 'local' }));
  const r = e.insideRemote;
  if (r && r.value.addr !== c.network + 1n && r.value.addr !== c.addr) out.push(at(r, `On AWS the AWS end takes the first host of the /30: ${theirs}.`, 'error', { end: e.key, kind: 'remote' }));
  return out;
}

function ociFindings(e: TunnelEnd, l: Fact<Cidr>): Finding[] {
  const c = l.value;
  if (c.family !== 4) return [];
  if (c.prefix !== 30 && c.prefix !== 31) return [at(l, `OCI inside tunnel interfaces are a /30 or /31; ${l.text} of ${endLabel(e)} is a /${c.prefix}.`, 'error', move(e))];
  const reserved = OCI_RESERVED_INSIDE.find((r) => overlaps(r, c));
  if (reserved) return [at(l, `${c.networkText} lies in a link-local range OCI reserves (${reserved.networkText}); choose another /30 or /31.`, 'warning', move(e))];
  return [];
}

/**
 * Quick fixes: AWS host order (our end on N+2, the AWS end on N+1 of the /30); and for a prefix the cloud
 * does not accept, a move to a free compliant /30 (see cloud-inside-move.ts).
 */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const data = finding.data as { end?: string; kind?: string } | undefined;
  const model = tunnelModel(snapshot);
  const e = model.ends.find((x) => x.key === data?.end);
  const l = e?.insideLocal;
  if (!e || !l) return [];
  if (data?.kind === 'move') {
    const cloud = model.cloud.get(e);
    return cloud ? moveInsideFix(snapshot, e, cloud) : [];
  }
  const c = l.value;
  if (data?.kind === 'local') {
    const text = `${addressText(4, c.network + 2n)}/30`;
    return [{ title: `Use ${text} (customer gateway side of the AWS /30)`, edits: [{ uri: l.uri, range: l.range, newText: text }], isPreferred: true }];
  }
  if (data?.kind === 'remote' && e.insideRemote) {
    const r = e.insideRemote;
    const text = `${addressText(4, c.network + 1n)}${r.text.includes('/') ? '/30' : ''}`;
    return [{ title: `Use ${text} (AWS side of the /30)`, edits: [{ uri: r.uri, range: r.range, newText: text }], isPreferred: true }];
  }
  return [];
}

