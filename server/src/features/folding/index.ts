import { foldingFrr } from './frr';
import { foldingYamaha } from './yamaha';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { AnalyzedFile } from '../../workspace/types';

/** Folding ranges: one per ipsec.conf section (header line to its last setting). */
export function foldingRanges(file: AnalyzedFile): FoldingRange[] {
  if (file.parsed.languageId === 'yamaha-rtx') return foldingYamaha(file);
  if (file.parsed.languageId === 'frr') return foldingFrr(file);
  if (file.parsed.languageId !== 'libreswan') return [];
  return file.parsed.ast.sections.filter((s) => s.range.end.line > s.range.start.line).map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line }));
}
