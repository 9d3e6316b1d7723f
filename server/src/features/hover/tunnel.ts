import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Position, Range } from '../../core/types';
import { rangeContains } from '../../core/types';
import { cloudName } from '../../model/clouds';
import { addressText, peerOf } from '../../model/ip';
import { maskPsk } from '../../model/secrets';
import { endLabel, hostLabel, tunnelModel, type TunnelEnd } from '../../model/tunnels';
import { pathOfUri } from '../../workspace/workspace';
import type { WorkspaceSnapshot } from '../../workspace/types';

/**
 * Cross-file hovers built on the tunnel model: the whole inside /30 (/31) of a tunnel with both ends and
 * the BGP neighbor, and a PSK (masked) with the conns that use it and its twin on the other end.
 */

const md = (value: string, range?: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });

/** `host/relative/path:line` (1-based line) of a place, for hover text. */
export function placeText(snapshot: WorkspaceSnapshot, uri: string, range: Range): string {
  const host = snapshot.hosts.hostOfUri.get(uri);
  const path = pathOfUri(uri);
  const rel = host && path.startsWith(host.root + '/') ? `${hostLabel(host)}/${path.slice(host.root.length + 1)}` : path.split('/').slice(-2).join('/');
  return `${rel}:${range.start.line + 1}`;
}

const label = (e: TunnelEnd): string => endLabel(e, false);

/**
 * Hover on an inside address (`leftvti`/`rightvti`, Yamaha `ip tunnel [remote] address`) at `pos`:
 * the prefix, its two hosts and who holds each (this end, the other end, the BGP neighbor), with files.
 */
export function hoverInside(snapshot: WorkspaceSnapshot, uri: string, pos: Position): Hover | null {
  const model = tunnelModel(snapshot);
  const host = snapshot.hosts.hostOfUri.get(uri);
  const ends = host ? model.byHost.get(host) ?? [] : [];
  const e = ends.find((x) => [x.insideLocal, x.insideRemote].some((f) => f && f.uri === uri && rangeContains(f.range, pos)));
  if (!e) return null;
  const onLocal = !!e.insideLocal && e.insideLocal.uri === uri && rangeContains(e.insideLocal.range, pos);
  const anchor = onLocal ? e.insideLocal! : e.insideRemote!;
  const l = e.insideLocal?.value ?? e.insideRemote!.value;
  const rows: string[] = [];
  const net = l.networkText;
  rows.push(`**Inside prefix ${net}** of ${label(e)} (${hostLabel(e.host)})${l.prefix === 31 ? ' — a /31, both addresses are hosts (RFC 3021)' : ''}`);
  const peer = model.peer.get(e);
  const cloud = model.cloud.get(e);
  const first = l.prefix === 31 || l.prefix === 127 ? l.network : l.network + 1n;
  const hosts = [first, first + 1n];
  for (const a of hosts) {
    const who: string[] = [];
    if (e.insideLocal && e.insideLocal.value.addr === a) who.push(`this end, ${label(e)} (${placeText(snapshot, e.insideLocal.uri, e.insideLocal.range)})`);
    if (peer?.insideLocal && peer.insideLocal.value.addr === a) who.push(`other end, ${label(peer)} on ${hostLabel(peer.host)} (${placeText(snapshot, peer.insideLocal.uri, peer.insideLocal.range)})`);
    if (e.insideRemote && e.insideRemote.value.addr === a) who.push(`named as the peer here (${placeText(snapshot, e.insideRemote.uri, e.insideRemote.range)})`);
    const n = e.bgp.neighbor;
    if (n && n.address.value.addr === a) who.push(`BGP neighbor${n.remoteAsn ? ` AS ${n.remoteAsn.value}` : ''} (${placeText(snapshot, n.address.uri, n.address.range)})`);
    if (cloud === 'aws' && l.prefix === 30) who.push(a === l.network + 1n ? 'AWS side (first host)' : 'customer gateway side (second host)');
    rows.push(`- \`${addressText(l.family, a)}\`: ${who.length ? who.join('; ') : '—'}`);
  }
  if (l.prefix === 30) rows.push(`- network \`${addressText(l.family, l.network)}\`, broadcast \`${addressText(l.family, l.last)}\` (not usable)`);
  const p = e.insideLocal ? peerOf(e.insideLocal.value) : null;
  if (p !== null && !peer && !cloud) rows.push(`\nThe other end should use \`${addressText(l.family, p)}\`; its config is not in this workspace.`);
  if (cloud) rows.push(`\nPeer: ${cloudName(cloud)}.`);
  return md(rows.join('\n'), anchor.range);
}

/**
 * Hover on a PSK (a secrets entry, or a Yamaha `pre-shared-key`) at `pos`: masked key and length, the
 * conns that use it, and for each the twin key on the other end of the tunnel and whether they match.
 */
export function hoverPsk(snapshot: WorkspaceSnapshot, uri: string, pos: Position, entryRange?: Range): Hover | null {
  const model = tunnelModel(snapshot);
  const host = snapshot.hosts.hostOfUri.get(uri);
  const ends = (host ? model.byHost.get(host) ?? [] : []).filter((e) => e.psk && e.psk.uri === uri && (entryRange ? sameRange(e.psk.psk.entry.range, entryRange) : rangeContains(e.psk.range, pos)));
  if (!ends.length) return null;
  const me = ends[0].psk!;
  const rows = [`**PSK** ${maskPsk(me.psk.length)}`];
  for (const e of ends) {
    const peer = model.peer.get(e);
    const cloud = model.cloud.get(e);
    let twin = '';
    if (peer?.psk) twin = ` — twin on ${hostLabel(peer.host)} (${label(peer)}, ${placeText(snapshot, peer.psk.uri, peer.psk.range)}): ${peer.psk.psk.bytes === me.psk.bytes ? '**matches**' : '**differs**'} (${maskPsk(peer.psk.psk.length)})`;
    else if (peer) twin = ` — the other end (${label(peer)} on ${hostLabel(peer.host)}) has no PSK`;
    else if (cloud) twin = ` — the other end is ${cloudName(cloud)} (its key lives in the cloud console)`;
    else twin = ' — the other end is not in this workspace';
    rows.push(`- used by ${label(e)} (${placeText(snapshot, e.uri, e.nameRange)})${twin}`);
  }
  return md(rows.join('\n'), me.range);
}

const sameRange = (a: Range, b: Range): boolean => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
