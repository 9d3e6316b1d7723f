import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { FrrBlock } from '../../languages/frr/ast';
import type { AnalyzedFile } from '../../workspace/types';

/** Document symbols of an FRR file: one per block (router bgp, address-family, route-map, interface, ...), nested. */
export function symbolsFrr(file: AnalyzedFile): DocumentSymbol[] {
  if (file.parsed.languageId !== 'frr') return [];
  const ast = file.parsed.ast;
  const conv = (b: FrrBlock): DocumentSymbol => {
    const h = ast.lines[b.header];
    const name = h.words.map((w) => w.text).join(' ');
    const endLen = file.lines[b.endLine]?.length ?? 0;
    const kind = b.node === 'RMAP_NODE' ? SymbolKind.Function : b.node === 'INTERFACE_NODE' ? SymbolKind.Interface : SymbolKind.Namespace;
    return DocumentSymbol.create(name, undefined, kind,
      { start: { line: b.startLine, character: 0 }, end: { line: b.endLine, character: endLen } },
      { start: { line: h.line, character: h.words[0].start }, end: { line: h.line, character: h.words[h.words.length - 1].end } },
      b.children.map(conv));
  };
  return ast.blocks.map(conv);
}
