import { symbolsFrr } from './frr';
import { symbolsYamaha } from './yamaha';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../../workspace/types';

/** The outline of a file: for ipsec.conf, `config setup` and each conn with its settings. */
export function documentSymbols(file: AnalyzedFile): DocumentSymbol[] {
  if (file.parsed.languageId === 'yamaha-rtx') return symbolsYamaha(file);
  if (file.parsed.languageId === 'frr') return symbolsFrr(file);
  if (file.parsed.languageId !== 'libreswan') return [];
  return file.parsed.ast.sections.map((s) => ({
    name: s.kind === 'config' ? 'config setup' : `conn ${s.name}`,
    kind: s.kind === 'config' ? SymbolKind.Namespace : SymbolKind.Class,
    range: s.range,
    selectionRange: s.nameRange,
    children: s.settings.map((st) => ({ name: st.key, detail: st.value?.text ?? '', kind: SymbolKind.Property, range: st.range, selectionRange: st.keyRange })),
  }));
}
