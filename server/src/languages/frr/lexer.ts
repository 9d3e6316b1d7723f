/**
 * Splits one FRR config line into words the way FRR's CLI does (lib/command.c `cmd_make_strvec`): a line
 * whose first non-blank character is `!` or `#` is a comment; otherwise words are separated by spaces,
 * tabs, CR or LF. There are no trailing comments: `! x` after a command is part of the command.
 */
import type { FrrWord } from './ast';

/** True when the line is blank or a whole-line comment. */
export function isCommentOrBlank(line: string): boolean {
  const m = /^[ \t\f\v]*(.)?/.exec(line);
  const c = m?.[1];
  return c === undefined || c === '!' || c === '#';
}

/** The words of a line with 0-based UTF-16 offsets (end exclusive). */
export function lexLine(line: string): FrrWord[] {
  const out: FrrWord[] = [];
  const re = /[^ \t\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
