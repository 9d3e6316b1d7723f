import type { Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { lineRange } from '../../core/types';
import { frrFacts, frrFilesOfHost } from '../../checks/frr-util';
import { describeCommand, describeToken } from '../../languages/frr/docs';
import { nodeName } from '../../languages/frr/nodes';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';

/**
 * HOOK for the lead's tunnel model: which tunnel (and which conn on the host) carries BGP neighbor
 * `address`. Returns a one-line description or undefined. Replace when model/tunnels.ts exists.
 */
export let tunnelOfNeighbor: (snapshot: WorkspaceSnapshot, file: AnalyzedFile, address: string) => string | undefined = () => undefined;

/** Sets the neighbor -> tunnel hook (see tunnelOfNeighbor). */
export function setTunnelOfNeighbor(fn: typeof tunnelOfNeighbor): void {
  tunnelOfNeighbor = fn;
}

/** Hover for an FRR file at a 0-based position: the command, the token, policy entries, or the neighbor's tunnel. */
export function hoverFrr(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  if (file.parsed.languageId !== 'frr') return null;
  const e = file.parsed.ast.lines.find((l) => l.line === pos.line);
  if (!e) return null;
  const i = e.words.findIndex((w) => pos.character >= w.start && pos.character <= w.end);
  if (i < 0) return null;
  const range = lineRange(e.line, e.words[i].start, e.words[i].end);
  const parts: string[] = [];
  if (e.status === 'ok' && e.norm && e.leaves) {
    const prev = e.norm[i - 1];
    const word = e.norm[i];
    if (prev === 'route-map' || prev === 'prefix-list' || (e.node === 'CONFIG_NODE' && i === 1 && e.norm[0] === 'route-map') || (i === 2 && e.norm[1] === 'prefix-list')) {
      const kind = prev === 'prefix-list' || e.norm[1] === 'prefix-list' ? 'prefix-list' : 'route-map';
      const lines: string[] = [];
      for (const f of frrFilesOfHost(file, snapshot)) {
        const facts = frrFacts(f);
        if (kind === 'route-map') for (const m of facts?.routeMaps ?? []) { if (m.name.value === word) lines.push(`route-map ${m.name.value} ${m.action} ${m.seq}`, ...m.body.map((b) => ` ${b.text}`)); }
        else for (const p of facts?.prefixLists ?? []) if (p.name.value === word) lines.push(p.text);
      }
      parts.push(lines.length ? `**${kind} ${word}**\n\n\`\`\`frr\n${lines.join('\n')}\n\`\`\`` : `**${kind} ${word}** is not defined on this host.`);
    } else if (e.norm[0] === 'neighbor' && i === 1) {
      const t = tunnelOfNeighbor(snapshot, file, word);
      parts.push(`**neighbor ${word}**${t ? `\n\nCarried by ${t}.` : ''}`);
    }
    parts.push(`\`${e.cmd}\` — ${describeCommand(e.norm) ?? `a ${nodeName(e.node ?? e.context)} command handled by ${e.daemon}.`}`);
    if (i > 0) parts.push(`\`${e.leaves[i]}\`: ${describeToken(e.leaves[i])}`);
  } else parts.push(`vtysh rejects this line (${e.status}).`);
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range };
}
