import type { FileProblem } from '../../core/types';
import { lineRange } from '../../core/types';

/**
 * One word of a command line. `start`/`end` are 0-based UTF-16 offsets into the line (end exclusive).
 * `value` is the word with its quotes removed. For `key=value` words outside quotes, `key` and `kv`
 * (the part after `=`, quotes removed) are set and `kvStart` is the offset where that part starts.
 */
export interface YamahaToken {
  text: string;
  value: string;
  line: number;
  start: number;
  end: number;
  quoted: boolean;
  key?: string;
  kv?: string;
  kvStart?: number;
}

/** Result of lexing one physical line. `comment` is true for a `#` line (leading blanks allowed). */
export interface LexedLine {
  indent: number;
  tokens: YamahaToken[];
  comment: boolean;
  problems: FileProblem[];
}

const FULLWIDTH_SPACE = 0x3000;

/**
 * Splits one line into words: blanks (space, tab) separate words; `"..."` or `'...'` quote blanks (a backslash
 * escapes the next character inside quotes); a line whose first non-blank character is `#` is a comment
 * (Yamaha has no trailing comments: a `#` later in a line is part of a word, e.g. inside a key).
 * Reports an unterminated quote and a full-width space (U+3000) outside quotes, which the router does not treat
 * as a separator. Linear in the line length; never throws.
 */
export function lexLine(text: string, line: number): LexedLine {
  const problems: FileProblem[] = [];
  const tokens: YamahaToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  const indent = i;
  if (i < n && text[i] === '#') return { indent, tokens, comment: true, problems };
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    let quoted = false;
    let quote = '';
    let eqAt = -1;
    let kvValueStart = -1;
    let keyPart = '';
    while (i < n) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\' && i + 1 < n) { value += text[i + 1]; i += 2; continue; }
        if (ch === quote) { quote = ''; i++; continue; }
        value += ch; i++; continue;
      }
      if (ch === ' ' || ch === '\t') break;
      if (ch === '"' || ch === "'") { quote = ch; quoted = true; i++; continue; }
      if (ch.charCodeAt(0) === FULLWIDTH_SPACE) {
        problems.push({
          range: lineRange(line, i, i + 1), severity: 'error', code: 'rtx-syntax',
          message: 'Full-width space (U+3000) is not a separator for the router: use an ASCII space.',
        });
      }
      if (ch === '=' && eqAt < 0 && !quoted) { eqAt = i; keyPart = value; kvValueStart = value.length + 1; }
      value += ch; i++;
    }
    if (quote) {
      problems.push({
        range: lineRange(line, start, n), severity: 'error', code: 'rtx-syntax',
        message: `Unterminated quote: a closing ${quote} is missing.`,
      });
    }
    const tok: YamahaToken = { text: text.slice(start, i), value, line, start, end: i, quoted };
    if (eqAt > start) { tok.key = keyPart; tok.kv = value.slice(kvValueStart); tok.kvStart = eqAt + 1; }
    tokens.push(tok);
  }
  return { indent, tokens, comment: false, problems };
}
