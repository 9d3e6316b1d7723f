import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { rangeContains } from '../../core/types';
import { cloudName } from '../../model/clouds';
import { contains } from '../../model/ip';
import { hostStaticRoutes, type StaticRoute } from '../../model/static-routes';
import { endLabel, hostLabel, tunnelModel, type TunnelEnd } from '../../model/tunnels';
import type { WorkspaceSnapshot } from '../../workspace/types';
import { placeText } from './tunnel';

const label = (e: TunnelEnd): string => endLabel(e, false);

/**
 * Hover on the prefix of a static route (FRR `ip route`, Yamaha `ip route`) at `pos` (0-based): where each
 * of its nexthops leads — which tunnel it enters (the end, its file and line, the far end: the peer host or
 * the cloud), a discard route, or another path — and, for another path, the host's routes into tunnels it
 * overlaps (the `subnet-overlap` rule decides which of those are mistakes). Null when `pos` is on no prefix.
 */
export function hoverStaticRoute(snapshot: WorkspaceSnapshot, uri: string, pos: Position): Hover | null {
  const host = snapshot.hosts.hostOfUri.get(uri);
  if (!host) return null;
  const model = tunnelModel(snapshot);
  const routes = hostStaticRoutes(snapshot, host, model.byHost.get(host) ?? []);
  const here = routes.filter((r) => r.prefix.uri === uri && rangeContains(r.prefix.range, pos));
  if (!here.length) return null;
  const rows = [`**Static route ${here[0].prefix.value.networkText}**`];
  for (const r of here) rows.push(`- ${nexthopText(snapshot, r)}`);
  if (here.some((r) => r.kind === 'other')) {
    const into = routes.filter((t) => t.kind === 'tunnel' && t.prefix.value.prefix > 0 && (contains(t.prefix.value, here[0].prefix.value) || contains(here[0].prefix.value, t.prefix.value)));
    for (const t of into) rows.push(`- overlaps ${t.prefix.value.networkText} into ${t.end ? label(t.end) : t.via} (${placeText(snapshot, t.prefix.uri, t.prefix.range)})`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: rows.join('\n') }, range: here[0].prefix.range };
}

function nexthopText(snapshot: WorkspaceSnapshot, r: StaticRoute): string {
  const dist = r.explicitDistance ? `, distance ${r.distance}` : '';
  const standby = r.standby ? ' (standby gateway, `weight 0`)' : '';
  if (r.kind === 'discard') return `via \`${r.via}\`: drops the traffic (a discard route)${dist}`;
  if (r.kind === 'other') return `via \`${r.via}\`: not into a tunnel${dist}${standby}`;
  if (!r.end) return `via \`${r.via}\`: a tunnel interface no conn or tunnel of this host declares${dist}${standby}`;
  const model = tunnelModel(snapshot);
  const peer = model.peer.get(r.end);
  const cloud = model.cloud.get(r.end);
  const far = peer ? `${label(peer)} on ${hostLabel(peer.host)}` : cloud ? cloudName(cloud) : r.end.remote ? r.end.remote.text : 'a peer outside this workspace';
  return `via \`${r.via}\`: enters the tunnel of ${label(r.end)} (${placeText(snapshot, r.end.uri, r.end.nameRange)}) to ${far}${dist}${standby}`;
}
