/**
 * Yamaha RTX command file syntax tree. All positions are 0-based (line, UTF-16 character) on the decoded
 * text; ranges are half-open. One command per physical line; indentation is not significant.
 */
import type { Range } from '../../core/types';
import type { YamahaToken } from './lexer';

export type { YamahaToken } from './lexer';

/** The selection in effect for a command (set by `tunnel select` / `pp select`). */
export type YamahaContext =
  | { kind: 'global' }
  | { kind: 'tunnel'; id: number; selectLine: number }
  | { kind: 'pp'; id: number | 'anonymous'; selectLine: number };

/** The `show config` header: first line `# <MODEL> Rev.<a>.<b>.<c> (...)`. */
export interface YamahaHeader {
  model: string;
  /** `14.01.42` */
  revision: string;
  line: number;
  range: Range;
}

/** One command line. */
export interface YamahaCommand {
  line: number;
  /** From the first to the last character of the command (indentation excluded). */
  range: Range;
  /** Indentation width in characters (not significant, kept for folding heuristics). */
  indent: number;
  /** All words of the line, including a leading `no`. */
  tokens: YamahaToken[];
  /** True when the line starts with `no` (the command's no-form). */
  negated: boolean;
  /** Catalogue name of the longest matching command, or undefined when not in the catalogue. */
  name?: string;
  /** Tokens making up the command name (after `no`). */
  nameTokens: YamahaToken[];
  /** The argument tokens after the name. */
  args: YamahaToken[];
  /** The selection in effect for this command. */
  context: YamahaContext;
}

/** A `tunnel select N` / `pp select N` block: from the select line to the last line that belongs to it. */
export interface YamahaBlock {
  kind: 'tunnel' | 'pp';
  id: number | 'anonymous';
  selectLine: number;
  /** Last line (inclusive) judged to belong to the block, for folding and symbols. */
  endLine: number;
  range: Range;
}

/** A parsed Yamaha RTX command file. */
export interface YamahaFile {
  kind: 'yamaha-rtx';
  header?: YamahaHeader;
  commands: YamahaCommand[];
  blocks: YamahaBlock[];
  /** Number of physical lines. */
  lineCount: number;
}
