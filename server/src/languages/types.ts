import type { FileProblem } from '../core/types';

/**
 * What every language parser returns. `parse(text)` never throws: on bad input it returns an incomplete
 * AST and the problems it found (every one, not only the first), each with a precise 0-based range.
 */
export interface ParseResult<A> {
  ast: A;
  problems: FileProblem[];
}
