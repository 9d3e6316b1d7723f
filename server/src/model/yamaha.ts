/**
 * Access to the Yamaha AST and per-file facts of an analyzed file (for checks and features).
 */
import type { YamahaFile } from '../languages/yamaha/ast';
import type { YamahaFacts } from '../languages/yamaha/facts';
import { lowerYamaha } from '../languages/yamaha/lower';
import type { AnalyzedFile } from '../workspace/types';

/** The Yamaha AST of `file`, or undefined when the file is not a Yamaha command file. */
export function yamahaFileOf(file: AnalyzedFile): YamahaFile | undefined {
  return file.parsed.languageId === 'yamaha-rtx' ? file.parsed.ast : undefined;
}

/** The per-file facts of a Yamaha file (memoized per AST), or undefined for other languages. */
export function yamahaFactsOf(file: AnalyzedFile): YamahaFacts | undefined {
  const ast = yamahaFileOf(file);
  return ast ? lowerYamaha(ast) : undefined;
}
