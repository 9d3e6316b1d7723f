/**
 * Core types shared by every layer below the LSP glue. They mirror the LSP shapes (so the server can pass
 * them through unchanged) without importing the LSP connection.
 *
 * Positions are 0-based; `character` counts UTF-16 code units, as LSP does.
 */

/** Severity of a finding, in the words of the CLI contract (DESIGN §4). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A 0-based position: `line` and `character` (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end) of 0-based positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** A place in another file that explains a finding (LSP `DiagnosticRelatedInformation`). */
export interface RelatedPlace {
  /** File URI (`file:///...`). */
  uri: string;
  range: Range;
  message: string;
}

/**
 * A problem found by a parser or a check. `code` is the stable diagnostic code (kebab-case, DESIGN §2),
 * equal to the name of the check file that reports it. The message never contains a secret (PSK).
 */
export interface Finding {
  uri: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedPlace[];
  /** Extra data for quick fixes (opaque to the LSP layer). Never holds secrets. */
  data?: unknown;
}

/** A problem found inside one file, before the file's URI is attached. */
export type FileProblem = Omit<Finding, 'uri'>;

/** The languages vpnconf understands (the VS Code language ids). */
export type LanguageId = 'libreswan' | 'libreswan-secrets' | 'frr' | 'yamaha-rtx';

/** Builds a range on one line from 0-based `line` and 0-based start/end characters. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** True when position `a` is before or equal to `b`. */
export function positionLE(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** True when `pos` lies inside `range` (end inclusive, as a cursor at a token's end still touches it). */
export function rangeContains(range: Range, pos: Position): boolean {
  return positionLE(range.start, pos) && positionLE(pos, range.end);
}
