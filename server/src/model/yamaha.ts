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

const seeded = new WeakMap<YamahaFile, YamahaFacts>();

/**
 * Records `facts` as the facts of `ast` (CLI streaming, cli/stream.ts: a stand-in file with an empty AST
 * keeps the facts lowered from the real file, so cross-host checks that run later still see them).
 */
export function seedYamahaFacts(ast: YamahaFile, facts: YamahaFacts): void {
  seeded.set(ast, facts);
}

/** The per-file facts of a Yamaha file (memoized per AST), or undefined for other languages. */
export function yamahaFactsOf(file: AnalyzedFile): YamahaFacts | undefined {
  const ast = yamahaFileOf(file);
  return ast ? (seeded.get(ast) ?? lowerYamaha(ast)) : undefined;
}
