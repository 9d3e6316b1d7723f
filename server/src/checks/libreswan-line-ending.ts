import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';

/**
 * An ipsec.conf file with Windows (CRLF) or old Mac (CR-only) line endings. Libreswan's lexer ends a
 * statement at `\n` only, so the carriage return becomes part of the last word of each line. Measured with
 * Libreswan 4.10 `addconn --checkconfig` (../shared/oracles/check-libreswan.sh): `auto=add` followed by CR is
 * "invalid value: add", and `config setup` followed by CR is a syntax error on line 1, so the whole file fails
 * to load. Reported once per file, on the first line that carries a CR (range: that line's text, 0-based
 * LSP positions), with the number of such lines.
 */
export const check: FileCheck = {
  code: 'libreswan-line-ending',
  defaultSeverity: 'error',
  description: 'The file has CRLF or CR line endings, which Libreswan reads as part of each value.',
  scope: 'file',
  languages: ['libreswan'],
  run(file) {
    const text = file.text;
    const first = text.indexOf('\r');
    if (first < 0) return [];
    let count = 0;
    for (let i = first; i >= 0; i = text.indexOf('\r', i + 1)) count++;
    // No CR comes before `first`, so the line breaks before it are plain `\n`s.
    const line = text.slice(0, first).split('\n').length - 1;
    const kind = text[first + 1] === '\n' ? 'Windows (CRLF)' : 'carriage-return (CR)';
    const problem: FileProblem = {
      range: { start: { line, character: 0 }, end: { line, character: file.lines[line]?.length ?? 0 } },
      severity: 'error',
      code: 'libreswan-line-ending',
      message: `This file has ${kind} line endings on ${count} line(s); Libreswan takes the carriage return as part of each line's last word, so values such as \`auto=add\` become invalid. Save it with LF (Unix) line endings.`,
    };
    return [problem];
  },
};
