import { FoldingRange } from 'vscode-languageserver-types';
import type { FrrBlock } from '../../languages/frr/ast';
import type { AnalyzedFile } from '../../workspace/types';

/** Folding ranges of an FRR file: one per multi-line block (0-based start/end lines). */
export function foldingFrr(file: AnalyzedFile): FoldingRange[] {
  if (file.parsed.languageId !== 'frr') return [];
  const out: FoldingRange[] = [];
  const walk = (b: FrrBlock): void => {
    if (b.endLine > b.startLine) out.push(FoldingRange.create(b.startLine, b.endLine));
    b.children.forEach(walk);
  };
  file.parsed.ast.blocks.forEach(walk);
  return out;
}
