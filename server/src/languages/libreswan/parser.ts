import { lineRange, type FileProblem, type Range } from '../../core/types';
import { splitLines } from '../../core/text';
import type { ParseResult } from '../types';
import type { IncludeDirective, LibreswanFile, Section, Setting, Value } from './ast';

/** Diagnostic code of every problem this parser reports. */
export const SYNTAX_CODE = 'libreswan-syntax';

const BLANK = /^[\t ]*$/;
const COMMENT = /^[\t ]*#/;
/** A keyword token as Libreswan's lexer reads it: anything up to `"`, `=`, blank or end of line. */
const WORD = /[^"=\t ]+/y;
const SPACES = /[\t ]*/y;

/** A small cursor over one line. `pos` is a 0-based UTF-16 offset. */
class LineCursor {
  pos = 0;
  constructor(readonly text: string, readonly line: number) {}
  skipSpaces(): void {
    SPACES.lastIndex = this.pos;
    SPACES.exec(this.text);
    this.pos = SPACES.lastIndex;
  }
  word(): { text: string; range: Range } | null {
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    if (!m) return null;
    const start = this.pos;
    this.pos = WORD.lastIndex;
    return { text: m[0], range: lineRange(this.line, start, this.pos) };
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  /** True at end of line or at a `#` comment (after optional blanks). */
  atLineEnd(): boolean {
    this.skipSpaces();
    return this.atEnd() || this.text[this.pos] === '#';
  }
  /** The rest of the line from `pos` up to a comment, trimmed: used to report trailing junk. */
  restRange(): Range {
    const rest = this.text.slice(this.pos);
    const hash = rest.search(/[\t ]#/);
    const end = hash >= 0 ? this.pos + hash : this.text.length;
    let e = end;
    while (e > this.pos && /[\t ]/.test(this.text[e - 1])) e--;
    return lineRange(this.line, this.pos, Math.max(e, this.pos + 1));
  }
}

/**
 * Reads a value right after `=` the way Libreswan's lexer does in its USERDEF state: a `"quoted string"`
 * (no newline inside), a `{braced list}`, or a run of characters up to a blank or `"`. Blanks between
 * `=` and the value are skipped. Returns null when the line ends (empty value).
 */
function readValue(cur: LineCursor, problems: FileProblem[]): Value | null {
  cur.skipSpaces();
  if (cur.atEnd()) return null;
  const start = cur.pos;
  const text = cur.text;
  const ch = text[start];
  if (ch === '"') {
    const close = text.indexOf('"', start + 1);
    if (close < 0) {
      problems.push({
        range: lineRange(cur.line, start, text.length),
        severity: 'error',
        code: SYNTAX_CODE,
        message: 'Unterminated quoted value: add the closing `"` on the same line.',
      });
      cur.pos = text.length;
      return value(text.slice(start + 1), cur.line, start, text.length, start + 1, text.length, true);
    }
    cur.pos = close + 1;
    return value(text.slice(start + 1, close), cur.line, start, close + 1, start + 1, close, true);
  }
  if (ch === '{') {
    const close = text.lastIndexOf('}');
    const quote = text.indexOf('"', start);
    if (close > start && (quote < 0 || quote > close)) {
      cur.pos = close + 1;
      return value(text.slice(start + 1, close), cur.line, start, close + 1, start + 1, close, true);
    }
  }
  let end = start;
  while (end < text.length && text[end] !== ' ' && text[end] !== '\t' && text[end] !== '"') end++;
  cur.pos = end;
  return value(text.slice(start, end), cur.line, start, end, start, end, false);
}

function value(t: string, line: number, s: number, e: number, is: number, ie: number, quoted: boolean): Value {
  return { text: t, range: lineRange(line, s, e), innerRange: lineRange(line, is, ie), quoted };
}

function syntax(problems: FileProblem[], range: Range, message: string): void {
  problems.push({ range, severity: 'error', code: SYNTAX_CODE, message });
}

/**
 * Parses one ipsec.conf-format file (ipsec.conf, ipsec.d/*.conf). Follows Libreswan's grammar: an optional
 * `version` line, then sections (`config setup`, `conn NAME`) and `include PATH` lines at column 0; every
 * setting line starts with blanks and holds one `keyword=value`; `#` starts a comment. Unlike `addconn`,
 * which stops at its first syntax error, it reports every error and goes on with the next line.
 * Never throws; runs in time linear in the text length.
 */
export function parseLibreswan(text: string): ParseResult<LibreswanFile> {
  const lines = splitLines(text);
  const problems: FileProblem[] = [];
  const file: LibreswanFile = { kind: 'libreswan', version: null, sections: [], includes: [] };
  parseLines(lines, 0, lines.length, false, file, problems);
  return { ast: file, problems };
}

/**
 * The parser's loop over `lines[from, to)`: appends sections, includes, the version and problems to `file`
 * and `problems`. `sawSection` is the state at `from` (a section or include came before); the current
 * section starts empty, so `from` must be 0 or a line that starts a section or include (see
 * `startsUnit`). Exported for the incremental parser (incremental.ts).
 */
export function parseLines(lines: readonly string[], from: number, to: number, sawSection: boolean, file: LibreswanFile, problems: FileProblem[]): void {
  let current: Section | null = null;
  for (let line = from; line < to; line++) {
    const t = lines[line];
    if (BLANK.test(t) || COMMENT.test(t)) continue;
    const cur = new LineCursor(t, line);
    if (t[0] === ' ' || t[0] === '\t') {
      cur.skipSpaces();
      const setting = parseSetting(cur, problems);
      if (!setting) continue;
      if (!current) {
        syntax(problems, setting.range, 'Setting outside any section: put it under `config setup` or a `conn NAME` header.');
        continue;
      }
      current.settings.push(setting);
      current.range = { start: current.range.start, end: setting.range.end };
      continue;
    }
    const head = cur.word();
    if (!head) {
      syntax(problems, cur.restRange(), `Unexpected \`${t[0]}\` at the start of a line.`);
      current = null;
      continue;
    }
    switch (head.text) {
      case 'config': {
        cur.skipSpaces();
        const setup = cur.word();
        if (!setup || setup.text !== 'setup') {
          syntax(problems, setup ? setup.range : head.range, 'Expected `config setup`.');
          current = null;
          continue;
        }
        current = newSection('config', 'setup', setup.range, lineRange(line, 0, setup.range.end.character));
        file.sections.push(current);
        sawSection = true;
        trailing(cur, problems);
        break;
      }
      case 'conn': {
        cur.skipSpaces();
        const name = readValue(cur, problems);
        if (!name || name.text === '') {
          syntax(problems, head.range, 'A `conn` header needs a name: `conn NAME`.');
          current = null;
          continue;
        }
        current = newSection('conn', name.text, name.innerRange, lineRange(line, 0, name.range.end.character));
        file.sections.push(current);
        sawSection = true;
        trailing(cur, problems);
        break;
      }
      case 'include': {
        cur.skipSpaces();
        const path = readValue(cur, problems);
        current = null;
        if (!path || path.text === '') {
          syntax(problems, head.range, '`include` needs a file name or glob.');
          continue;
        }
        const inc: IncludeDirective = { path: path.text, pathRange: path.innerRange, range: lineRange(line, 0, path.range.end.character), line };
        file.includes.push(inc);
        sawSection = true;
        trailing(cur, problems);
        break;
      }
      case 'version': {
        cur.skipSpaces();
        const v = readValue(cur, problems);
        if (sawSection || file.version) {
          syntax(problems, head.range, '`version` may appear only once, before the first section.');
        } else if (!v) {
          syntax(problems, head.range, '`version` needs a value such as `2`.');
        } else {
          file.version = { value: v.text, range: v.range };
        }
        trailing(cur, problems);
        break;
      }
      default: {
        const looksLikeSetting = t.slice(head.range.end.character).trimStart().startsWith('=');
        syntax(
          problems,
          head.range,
          looksLikeSetting
            ? `\`${head.text}=\` starts at column 0: indent settings with blanks under their section.`
            : `Unexpected \`${head.text}\` at the start of a line: expected \`config setup\`, \`conn NAME\`, \`include PATH\` or an indented setting.`,
        );
      }
    }
  }
}

/**
 * True when a line starts a section or an include (`config setup`, `conn NAME`, `include PATH` at column
 * 0, well formed): after such a line the parser's state no longer depends on anything before it.
 */
export function startsUnit(t: string): boolean {
  const c = t[0];
  if (c !== 'c' && c !== 'i') return false;
  const cur = new LineCursor(t, 0);
  const head = cur.word();
  if (!head) return false;
  cur.skipSpaces();
  if (head.text === 'config') return cur.word()?.text === 'setup';
  if (head.text !== 'conn' && head.text !== 'include') return false;
  const v = readValue(cur, []);
  return !!v && v.text !== '';
}

function newSection(kind: 'config' | 'conn', name: string, nameRange: Range, headerRange: Range): Section {
  return { kind, name, nameRange, headerRange, range: headerRange, settings: [] };
}

/**
 * Reports anything after a complete statement other than a comment. A trailing `#word` is a comment only
 * when the rest of the line also holds a blank, `=` or `"`: Libreswan's lexer (4.10 parser.lex, 5.x
 * scanner.lex) takes the longest match, and a bare `#word` is as long as a keyword token, which wins and
 * gives a syntax error. Whole-line comments are not affected.
 */
function trailing(cur: LineCursor, problems: FileProblem[]): void {
  if (cur.atLineEnd()) {
    if (!cur.atEnd() && !/["=\t ]/.test(cur.text.slice(cur.pos))) {
      const word = cur.text.slice(cur.pos);
      syntax(problems, lineRange(cur.line, cur.pos, cur.text.length), `Libreswan reads \`${word}\` as a keyword, not a comment: put a blank after \`#\` (\`# ${word.slice(1)}\`).`);
    }
    return;
  }
  syntax(problems, cur.restRange(), 'Unexpected text after the statement; quote values that contain blanks ("...").');
}

/** Parses `keyword=value` (the cursor is after the indentation). Returns null after reporting a problem. */
function parseSetting(cur: LineCursor, problems: FileProblem[]): Setting | null {
  const key = cur.word();
  if (!key) {
    syntax(problems, cur.restRange(), 'Expected `keyword=value`.');
    return null;
  }
  cur.skipSpaces();
  if (cur.text[cur.pos] !== '=') {
    syntax(problems, key.range, `Expected \`=\` after \`${key.text}\`: settings are written \`keyword=value\`.`);
    return null;
  }
  const eq = cur.pos;
  cur.pos++;
  // `x-anything=` is a user comment: Libreswan keeps the rest of the line, blanks included.
  const v = isCommentKey(key.text) ? restOfLine(cur) : readValue(cur, problems);
  const end = v ? v.range.end.character : eq + 1;
  const setting: Setting = {
    key: key.text,
    keyRange: key.range,
    value: v,
    range: lineRange(cur.line, key.range.start.character, end),
    line: cur.line,
  };
  trailing(cur, problems);
  return setting;
}

/**
 * True for `x-...` and `x_...` keywords, which Libreswan stores as free-form comments (4.10
 * parser_find_keyword, 5.x scanner.lex): the value is the rest of the line, blanks included.
 */
export function isCommentKey(key: string): boolean {
  return key.length > 2 && (key[0] === 'x' || key[0] === 'X') && (key[1] === '-' || key[1] === '_');
}

function restOfLine(cur: LineCursor): Value | null {
  const start = cur.pos;
  const end = cur.text.length;
  cur.pos = end;
  if (start === end) return null;
  return value(cur.text.slice(start), cur.line, start, end, start, end, false);
}
