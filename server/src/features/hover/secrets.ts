import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { rangeContains, type Position } from '../../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { hoverPsk } from './tunnel';

/**
 * Hover in Libreswan secrets files: on an entry, the masked PSK (`••••` and its length), the conns of the
 * host that use it, and the twin key on the other end of each tunnel with whether they match. Never the key.
 */
export function hoverSecrets(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  if (file.parsed.languageId !== 'libreswan-secrets') return null;
  const entry = file.parsed.ast.entries.find((e) => rangeContains(e.range, pos));
  if (!entry) return null;
  const h = hoverPsk(snapshot, file.uri, pos, entry.range);
  if (h) return h;
  if (entry.kind !== 'PSK') return null;
  const len = entry.secret === null ? 0 : [...entry.secret.replace(/^0[tT]/, '')].length;
  return { contents: { kind: MarkupKind.Markdown, value: `**PSK** •••• (${len} characters) — no conn of this host uses this entry.` }, range: entry.secretRange ?? entry.range };
}
