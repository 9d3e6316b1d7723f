import { posix } from 'node:path';
import type { Finding, Severity } from '../core/types';
import { boundMessage, escapeControls } from '../core/message';
import { pathOfUri } from '../workspace/workspace';

/** One finding in the CLI's JSON contract (DESIGN §4): 1-based lines and columns, file relative to the PATH given. */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  related: Array<{ file: string; line: number; message: string }>;
}

/** A PATH given on the command line: its absolute POSIX folder, and the prefix shown before its files. */
export interface CliBase {
  root: string;
  /**
   * '' with a single PATH (files are relative to it); the PATH as typed when several are given (a folder's
   * trailing `/` dropped, `./` kept). With several PATHs a file PATH's `root` is the file itself.
   */
  label: string;
}

/**
 * Converts findings to the CLI shape. A file is shown relative to the first base that contains it,
 * prefixed by that base's label exactly as typed (so files of several PATHs stay apart); a base that is
 * the file itself shows its label. Lines and columns are 1-based
 * UTF-16 code units; `endColumn` is exclusive.
 */
export function toCliFindings(findings: readonly Finding[], bases: readonly CliBase[], clean: (message: string) => string = (m) => m): CliFinding[] {
  const rel = (uri: string): string => {
    const p = pathOfUri(uri);
    for (const b of bases) {
      if (p === b.root) return b.label || posix.basename(p);
      const inside = p.startsWith(b.root.endsWith('/') ? b.root : `${b.root}/`) ? posix.relative(b.root, p) : null;
      // Concatenated, not posix.join: join would normalise the PATH as typed (`./x` to `x`).
      if (inside !== null) return b.label ? `${b.label}${b.label.endsWith('/') ? '' : '/'}${inside}` : inside;
    }
    return p;
  };
  return findings.map((f) => ({
    file: rel(f.uri),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: boundMessage(clean(f.message)),
    related: (f.related ?? []).map((r) => ({ file: rel(r.uri), line: r.range.start.line + 1, message: boundMessage(clean(r.message)) })),
  }));
}

/** Sorts CLI findings by file, line, column, code. */
export function sortCliFindings(list: CliFinding[]): CliFinding[] {
  return list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/**
 * `file:line:col: severity code: message` lines, related places indented below, then a summary line.
 * Control and bidi characters quoted from the files are escaped (`escapeControls`).
 */
export function formatText(list: readonly CliFinding[], fileCount: number): string {
  const lines: string[] = [];
  for (const f of list) {
    lines.push(escapeControls(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`));
    for (const r of f.related) lines.push(escapeControls(`    ${r.file}:${r.line}: ${r.message}`));
  }
  const count = (s: Severity): number => list.filter((f) => f.severity === s).length;
  lines.push(`${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s) in ${fileCount} file(s) checked`);
  return lines.join('\n') + '\n';
}
