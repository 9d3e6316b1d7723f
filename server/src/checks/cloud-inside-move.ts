import { cloudName } from '../model/clouds';
import { frrFactsOfFile } from '../model/ends-frr';
import { firstFreeInside, insidePrefixesInUse } from '../model/inside-alloc';
import { addressText, contains, parseCidr } from '../model/ip';
import { endLabel, hostBgp, type BgpNeighborFact, type Cloud, type TunnelEnd } from '../model/tunnels';
import { yamahaFactsOf } from '../model/yamaha';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, TextEditLike } from './fix-types';

/**
 * The "move to a free compliant /30" quick fix of `cloud-inside-cidr`: when an end's inside prefix breaks
 * its cloud's rules (model/clouds.ts), propose the lowest /30 of 169.254.0.0/16 that both clouds accept
 * and that no tunnel of the workspace uses (model/inside-alloc.ts, the scaffold's allocator), and rewrite
 * every place of the host that carries the tunnel's inside addresses:
 * - this end's address: Libreswan `leftvti=` (`rightvti=` when the conn is flipped), Yamaha `ip tunnel address`;
 * - the cloud end's address: `rightvti=` / Yamaha `ip tunnel remote address`, when written;
 * - the BGP neighbor over the tunnel (the other host of the old prefix): every FRR `neighbor A ...` line,
 *   Yamaha `bgp neighbor N AS A` and its `local-address=`;
 * - FRR `interface <vti-interface>` `ip address` lines holding this end's address.
 * Host order within the /30: on AWS the AWS end is N+1 and ours N+2 (as AWS assigns them); on OCI ours N+1
 * and OCI's N+2 (the scaffold's choice; OCI accepts either). Deterministic: same snapshot, same proposal.
 */
export function moveInsideFix(snapshot: WorkspaceSnapshot, e: TunnelEnd, cloud: Cloud): CodeActionLike[] {
  const l = e.insideLocal;
  if (!l || l.value.family !== 4) return [];
  const free = firstFreeInside(insidePrefixesInUse(snapshot));
  if (!free) return [];
  const [mine, theirs] = cloud === 'aws' ? [2n, 1n] : [1n, 2n];
  const ours = addressText(4, free.network + mine);
  const peer = addressText(4, free.network + theirs);
  const edits: TextEditLike[] = [{ uri: l.uri, range: l.range, newText: `${ours}/30` }];
  const r = e.insideRemote;
  if (r) edits.push({ uri: r.uri, range: r.range, newText: `${peer}${r.text.includes('/') ? '/30' : ''}` });
  const nb = neighborOf(snapshot, e);
  if (nb) for (const m of nb.mentions) edits.push({ uri: m.uri, range: m.range, newText: peer });
  for (const uri of e.host.fileUris) {
    const file = snapshot.files.get(uri);
    if (!file) continue;
    for (const n of yamahaFactsOf(file)?.bgp.neighbors ?? []) {
      if (nb && n.address.value === nb.address.text && n.localAddress && parseCidr(n.localAddress.value)?.addr === l.value.addr)
        edits.push({ uri, range: n.localAddress.range, newText: ours });
    }
    const vti = e.vtiInterface?.text;
    if (!vti) continue;
    for (const i of frrFactsOfFile(file)?.interfaces ?? []) {
      if (i.name.value !== vti || i.vrf) continue;
      for (const a of i.addresses) if (parseCidr(a.value)?.addr === l.value.addr) edits.push({ uri, range: a.range, newText: `${ours}/30` });
    }
  }
  const label = endLabel(e, false);
  return [{ title: `Move ${label} to the free /30 ${free.networkText} (this end ${ours}, ${cloudName(cloud)} ${peer})`, edits: dedupe(edits), isPreferred: true }];
}

/** The BGP neighbor over the tunnel: the one the model attached, else a neighbor inside the (odd-sized) prefix. */
function neighborOf(snapshot: WorkspaceSnapshot, e: TunnelEnd): BgpNeighborFact | undefined {
  if (e.bgp.neighbor) return e.bgp.neighbor;
  const l = e.insideLocal!.value;
  return hostBgp(snapshot, e.host).neighbors.find((n) => contains(l, n.address.value) && n.address.value.addr !== l.addr);
}

function dedupe(edits: TextEditLike[]): TextEditLike[] {
  const seen = new Set<string>();
  return edits.filter((x) => {
    const k = `${x.uri}#${x.range.start.line}:${x.range.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
