import { MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { keywordMarkdown } from '../../languages/libreswan/docs';
import { KEYWORDS, type LibreswanVersion } from '../../languages/libreswan/keywords';
import { YAMAHA_DOCS } from '../hover/yamaha-docs';

/**
 * What a completion item carries in `data` so `completionItem/resolve` can fill in its documentation later
 * (the list itself stays small: the keyword list of a conn was ~90 KB with every keyword's documentation).
 * `libreswan-keyword`: `index` into KEYWORDS, `name` the spelling offered (`leftsubnet`), `version` the
 * Libreswan version the list was made for. `yamaha-command`: the catalog command name.
 */
export type CompletionData =
  | { vpnconf: 'libreswan-keyword'; index: number; name: string; version: LibreswanVersion }
  | { vpnconf: 'yamaha-command'; name: string };

/**
 * `completionItem/resolve`: returns the item with its `documentation` filled in from `item.data` (a
 * {@link CompletionData}); items without (or with unknown) data come back unchanged. Pure.
 */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as Partial<CompletionData> | undefined;
  if (!data || typeof data !== 'object' || item.documentation !== undefined) return item;
  if (data.vpnconf === 'libreswan-keyword') {
    const spec = typeof data.index === 'number' ? KEYWORDS[data.index] : undefined;
    if (!spec || typeof data.name !== 'string' || (data.version !== '4' && data.version !== '5')) return item;
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: keywordMarkdown(spec, data.name, data.version) } };
  }
  if (data.vpnconf === 'yamaha-command' && typeof data.name === 'string' && Object.prototype.hasOwnProperty.call(YAMAHA_DOCS, data.name)) {
    return { ...item, documentation: YAMAHA_DOCS[data.name] };
  }
  return item;
}
