import { CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { frrFacts, frrFilesOfHost } from '../../checks/frr-util';
import { describeToken } from '../../languages/frr/docs';
import { lexLine } from '../../languages/frr/lexer';
import { expectedAfter, parentOf } from '../../languages/frr/table';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';

/**
 * Completion in an FRR file at a 0-based position: the keywords and values the grammar accepts next in the
 * current node (and its parents), defined route-map / prefix-list names where a name is expected, and the
 * neighbor addresses known on the host after `neighbor`.
 */
export function completeFrr(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): CompletionItem[] {
  if (file.parsed.languageId !== 'frr') return [];
  const ast = file.parsed.ast;
  const before = ast.lines.filter((l) => l.line < pos.line).pop();
  let node = before ? before.after : 'CONFIG_NODE';
  const text = (file.lines[pos.line] ?? '').slice(0, pos.character);
  const words = lexLine(text).map((w) => w.text);
  if (!/[ \t]$/.test(text) && words.length > 0) words.pop();
  const seen = new Map<string, CompletionItem>();
  const add = (label: string, kind: CompletionItemKind, detail?: string): void => {
    if (!seen.has(label)) seen.set(label, { label, kind, detail });
  };
  const facts = frrFilesOfHost(file, snapshot).map((f) => frrFacts(f));
  for (let n: string | null = node, depth = 0; n && depth < 8; depth++) {
    for (const { def, leaf } of expectedAfter(n, words)) {
      if (def.hidden) continue;
      if (leaf.k === 'kw') add(leaf.text, CompletionItemKind.Keyword, def.cmd);
      else {
        const prev = words[words.length - 1];
        if (prev === 'route-map') for (const f of facts) for (const m of f?.routeMaps ?? []) add(m.name.value, CompletionItemKind.Reference, 'route-map');
        if (prev === 'prefix-list') for (const f of facts) for (const p of f?.prefixLists ?? []) add(p.name.value, CompletionItemKind.Reference, 'prefix-list');
        if (prev === 'neighbor') for (const f of facts) for (const r of f?.routers ?? []) for (const nb of r.neighbors) add(nb.name, CompletionItemKind.Value, 'neighbor');
        add(leaf.text, CompletionItemKind.Value, describeToken(leaf.text));
      }
    }
    if (words.length === 0 && n === node && seen.size > 0 && n === 'CONFIG_NODE') break;
    n = parentOf(n);
  }

  return [...seen.values()];
}
