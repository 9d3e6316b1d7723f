import { readFileSync } from 'node:fs';
import type { Severity } from '../../server/src/core/types';
import { readSettings } from '../../server/src/settings';
import type { SeverityOverrides } from '../../server/src/checks/run';
import type { AnalysisOptions } from '../../server/src/checks/types';

/**
 * Reader of `.fixture` files (DESIGN §5): `#- <path>` starts a file, `#- settings <json>` sets options,
 * an annotation line is the language's comment leader (`#` or FRR `!`) followed by carets under the
 * previous non-annotation line and `<severity> <code>[: <exact message>]`; `^line` / `^file` mark a whole
 * line or file. Annotation lines stay in the file (they are comments), so line numbers are the fixture's.
 */
export interface Expectation {
  file: string;
  /** 0-based line; null for ^file. */
  line: number | null;
  /** 0-based [start, end) characters; null for ^line / ^file. */
  start: number | null;
  end: number | null;
  severity: Severity;
  code: string;
  message?: string;
}

export interface FixtureFile {
  path: string;
  text: string;
}

export interface Fixture {
  name: string;
  files: FixtureFile[];
  options: AnalysisOptions;
  overrides: SeverityOverrides;
  expectations: Expectation[];
  /** Position of a `$0` cursor marker (removed from the text), if any. */
  cursor?: { file: string; line: number; character: number };
  /** `#- after <path>` sections: the expected text of files after the preferred quick fix at `$0`. */
  after: FixtureFile[];
}

const ANNOTATION = /^[\t ]*[#!][\t ]*(\^+|\^line|\^file)[\t ]+(error|warning|information|hint)[\t ]+([a-z0-9][a-z0-9-]*)(?::[\t ]?(.*))?$/;

/** True for an annotation line. */
export function isAnnotation(line: string): boolean {
  return ANNOTATION.test(line);
}

/** Parses a fixture text. Throws on malformed fixtures (a test-data bug, not a product problem). */
export function parseFixture(name: string, text: string): Fixture {
  const fx: Fixture = { name, files: [], options: { libreswanVersion: '5' }, overrides: {}, expectations: [], after: [] };
  let current: { path: string; lines: string[]; lastReal: number; after?: boolean } | null = null;
  const flush = (): void => {
    if (current) (current.after ? fx.after : fx.files).push({ path: current.path, text: current.lines.join('\n') + '\n' });
  };
  for (const raw of text.split(/\r?\n/)) {
    const header = /^#- (\S+)(?: (.*))?$/.exec(raw);
    if (header) {
      if (header[1] === 'settings') {
        const s = readSettings(JSON.parse(header[2] ?? '{}'));
        fx.options = s.options;
        fx.overrides = s.overrides;
        continue;
      }
      flush();
      if (header[1] === 'after' && header[2]) current = { path: header[2], lines: [], lastReal: -1, after: true };
      else current = { path: header[1], lines: [], lastReal: -1 };
      continue;
    }
    if (!current) {
      if (raw.trim()) throw new Error(`${name}: text before the first "#- <path>" line`);
      continue;
    }
    if (current.after) {
      current.lines.push(raw);
      continue;
    }
    const m = ANNOTATION.exec(raw);
    if (m) {
      const carets = m[1];
      const base = { file: current.path, severity: m[2] as Severity, code: m[3], message: m[4] };
      if (carets === '^file') fx.expectations.push({ ...base, line: null, start: null, end: null });
      else if (carets === '^line') fx.expectations.push({ ...base, line: current.lastReal, start: null, end: null });
      else {
        const start = raw.indexOf('^');
        fx.expectations.push({ ...base, line: current.lastReal, start, end: start + carets.length });
      }
      current.lines.push(raw);
      continue;
    }
    let line = raw;
    const cursor = line.indexOf('$0');
    if (cursor >= 0) {
      fx.cursor = { file: current.path, line: current.lines.length, character: cursor };
      line = line.slice(0, cursor) + line.slice(cursor + 2);
    }
    current.lastReal = current.lines.length;
    current.lines.push(line);
  }
  flush();
  return fx;
}

/** Reads and parses a fixture file from disk. */
export function loadFixture(path: string): Fixture {
  return parseFixture(path, readFileSync(path, 'utf8'));
}
