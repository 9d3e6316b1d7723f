import type { FileProblem } from '../../core/types';
import { splitLines } from '../../core/text';
import type { ParseResult } from '../types';
import type { IncludeDirective, LibreswanFile, Section } from './ast';
import { parseLines, startsUnit } from './parser';

/**
 * Incremental re-parse of ipsec.conf-format text. The file is cut into units: the lines before the first
 * section or include, then one unit per `config setup` / `conn NAME` / `include PATH` line up to the next
 * one. The parser's state at a unit's first line does not depend on earlier lines (parser.ts
 * `startsUnit`), so a unit whose lines and first line number are unchanged parses to the same result: its
 * Section / IncludeDirective objects and problems are reused from the previous parse, and everything
 * downstream that caches by object identity (file checks, the host model) hits for untouched conns.
 * The result equals `parseLibreswan(text)` (test/fuzz/incremental.fuzz.test.ts).
 */

/** One parsed unit: lines [start, end) of the file, what they produced. */
interface Unit {
  start: number;
  end: number;
  /** The unit's own lines (the lines array of the text it was parsed from, start..end). */
  lines: readonly string[];
  sections: Section[];
  includes: IncludeDirective[];
  version: LibreswanFile['version'];
  problems: FileProblem[];
}

/** Units of each AST produced here (or by `parseLibreswan` through `parseLibreswanReusing` without a previous AST). */
const unitsOf = new WeakMap<LibreswanFile, readonly Unit[]>();

/**
 * Parses `text` like `parseLibreswan`, reusing the units of `previous` (an AST returned by this function
 * for an earlier version of the same file) whose lines and position did not change. Never throws; linear
 * in the text length. Returns the AST and problems in file order.
 */
export function parseLibreswanReusing(text: string, previous?: LibreswanFile): ParseResult<LibreswanFile> {
  const lines = splitLines(text);
  const old = previous ? unitsOf.get(previous) : undefined;
  const byStart = new Map<number, Unit>();
  if (old) for (const u of old) byStart.set(u.start, u);
  const units: Unit[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end === start && start !== 0) return;
    const prev = byStart.get(start);
    units.push(prev && sameLines(prev, lines, start, end) ? prev : parseUnit(lines, start, end));
    start = end;
  };
  for (let i = 1; i < lines.length; i++) if (startsUnit(lines[i])) flush(i);
  flush(lines.length);
  const file: LibreswanFile = { kind: 'libreswan', version: units[0]?.version ?? null, sections: [], includes: [] };
  const problems: FileProblem[] = [];
  for (const u of units) {
    for (const s of u.sections) file.sections.push(s);
    for (const inc of u.includes) file.includes.push(inc);
    for (const p of u.problems) problems.push(p);
  }
  unitsOf.set(file, units);
  return { ast: file, problems };
}

function parseUnit(lines: readonly string[], start: number, end: number): Unit {
  const ast: LibreswanFile = { kind: 'libreswan', version: null, sections: [], includes: [] };
  const problems: FileProblem[] = [];
  // Line 0 may itself start a unit; the state is the same either way (no section seen before line 0).
  parseLines(lines, start, end, start > 0, ast, problems);
  return { start, end, lines: lines.slice(start, end), sections: ast.sections, includes: ast.includes, version: ast.version, problems };
}

function sameLines(u: Unit, lines: readonly string[], start: number, end: number): boolean {
  if (u.end - u.start !== end - start) return false;
  for (let i = 0; i < u.lines.length; i++) if (u.lines[i] !== lines[start + i]) return false;
  return true;
}

/** True for an AST made by `parseLibreswanReusing` (a file edited in the server), whose sections the next edit may reuse. */
export function parsedIncrementally(ast: LibreswanFile): boolean {
  return unitsOf.has(ast);
}
