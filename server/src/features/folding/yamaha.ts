import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { yamahaFileOf } from '../../model/yamaha';
import type { AnalyzedFile } from '../../workspace/types';

/** Folding ranges of a Yamaha file: one per `tunnel select` / `pp select` block, plus runs of 3+ comment lines. */
export function foldingYamaha(file: AnalyzedFile): FoldingRange[] {
  const ast = yamahaFileOf(file);
  if (!ast) return [];
  const out: FoldingRange[] = ast.blocks.filter((b) => b.endLine > b.selectLine).map((b) => ({ startLine: b.selectLine, endLine: b.endLine, kind: FoldingRangeKind.Region }));
  let runStart = -1;
  for (let i = 0; i <= file.lines.length; i++) {
    const isComment = i < file.lines.length && /^\s*#/.test(file.lines[i]);
    if (isComment && runStart < 0) runStart = i;
    if (!isComment && runStart >= 0) {
      if (i - 1 - runStart >= 2) out.push({ startLine: runStart, endLine: i - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
