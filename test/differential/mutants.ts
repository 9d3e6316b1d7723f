import { findKeyword } from '../../server/src/languages/libreswan/keywords';
import { prng } from '../support/prng';

/** The kinds of seeded mistakes made in corpus files (one mistake per mutant). */
export const MUTANT_KINDS = ['misspelt-keyword', 'bogus-enum', 'lost-indent', 'unquoted-blanks', 'missing-equals', 'stray-header', 'trailing-comment'] as const;
export type MutantKind = (typeof MUTANT_KINDS)[number];

/** One mutant: the changed text, the 0-based line that was changed, and what was done. */
export interface Mutant {
  kind: MutantKind;
  text: string;
  line: number;
  description: string;
}

export { prng } from '../support/prng';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** An indented `keyword=value` line, found with a regex of its own (not our parser: the test must not trust it). */
interface SettingLine {
  line: number;
  indent: string;
  key: string;
  /** Text between `=` and the end of the line. */
  rest: string;
  section: 'config' | 'conn';
}

const SETTING = /^([\t ]+)([^"=\t #]+)[\t ]*=(.*)$/;
const HEADER = /^(conn|config)[\t ]+\S/;

function settingLines(lines: readonly string[]): SettingLine[] {
  const out: SettingLine[] = [];
  let section: 'config' | 'conn' | null = null;
  lines.forEach((t, line) => {
    if (HEADER.test(t)) section = t.startsWith('conn') ? 'conn' : 'config';
    else if (/^\S/.test(t) && !t.startsWith('#')) section = null;
    const m = SETTING.exec(t);
    if (m && section) out.push({ line, indent: m[1], key: m[2], rest: m[3], section });
  });
  return out;
}

const isComment = (key: string): boolean => /^x[-_]/i.test(key);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz-';

/** One random edit (substitute, insert, delete or swap) of a word, using letters and `-` only. */
function oneEdit(rng: Rng, w: string): string {
  const i = Math.floor(rng() * w.length);
  const c = pick(rng, [...LETTERS]);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return w.slice(0, i) + c + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + c + w.slice(i);
    case 2:
      return w.length > 2 ? w.slice(0, i) + w.slice(i + 1) : w + c;
    default:
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w + c;
  }
}

const BOGUS = ['bogus', 'maybe', 'enabled', 'disabled', 'yess', 'nope', 'ja', '1', '0', 'always', 'never', 'Yes', 'TRUE', 'auto', 'default'];
const WORDS = ['bar', 'west', 'extra', '10.0.0.1', 'auto', 'yes', 'and', '500'];

/**
 * Makes one mutant of `text` of the given kind, or null when the file offers no line for it. Pure and
 * deterministic for a given `rng` state. `line` is the 0-based line that was changed.
 */
export function mutate(text: string, kind: MutantKind, rng: Rng): Mutant | null {
  const lines = text.split('\n');
  const settings = settingLines(lines).filter((s) => !isComment(s.key));
  const put = (line: number, newLine: string, description: string): Mutant => {
    const copy = [...lines];
    copy[line] = newLine;
    return { kind, text: copy.join('\n'), line, description };
  };
  switch (kind) {
    case 'misspelt-keyword': {
      if (!settings.length) return null;
      const s = pick(rng, settings);
      let key = oneEdit(rng, s.key);
      for (let i = 0; i < 5 && key === s.key; i++) key = oneEdit(rng, s.key);
      return put(s.line, `${s.indent}${key}=${s.rest}`, `${s.key} -> ${key}`);
    }
    case 'bogus-enum': {
      const enums = settings.filter((s) => {
        const m = findKeyword(s.key, s.section);
        return m !== null && (m.spec.type['4'] === 'enum' || m.spec.type['4'] === 'bool');
      });
      if (!enums.length) return null;
      const s = pick(rng, enums);
      const old = s.rest.trim().replace(/^"(.*)"$/, '$1');
      const value = rng() < 0.4 && old.length > 1 ? oneEdit(rng, old) : pick(rng, BOGUS);
      return put(s.line, `${s.indent}${s.key}=${value}`, `${s.key}=${old} -> ${value}`);
    }
    case 'lost-indent': {
      if (!settings.length) return null;
      const s = pick(rng, settings);
      return put(s.line, lines[s.line].trimStart(), `unindented ${s.key}`);
    }
    case 'unquoted-blanks': {
      const plain = settings.filter((s) => /^[\t ]*[^\t "{#]/.test(s.rest));
      if (!plain.length) return null;
      const s = pick(rng, plain);
      const value = s.rest.trim().split(/[\t ]/)[0];
      const word = pick(rng, WORDS);
      return put(s.line, `${s.indent}${s.key}=${value} ${word}`, `${s.key}=${value} ${word}`);
    }
    case 'missing-equals': {
      if (!settings.length) return null;
      const s = pick(rng, settings);
      return put(s.line, `${s.indent}${s.key} ${s.rest.trimStart()}`, `${s.key} without =`);
    }
    case 'trailing-comment': {
      // `#word` glued to nothing but the word: Libreswan's lexer reads it as a keyword (a blank after `#` makes it a comment).
      const plain = settings.filter((s) => !s.rest.includes('#'));
      if (!plain.length) return null;
      const s = pick(rng, plain);
      const note = pick(rng, ['#todo', '#old', '#was-add', '#2023', '#fixme']);
      return put(s.line, `${lines[s.line].replace(/[\t ]+$/, '')} ${note}`, `${s.key}=... ${note}`);
    }
    case 'stray-header': {
      const headers = lines.map((t, i) => (HEADER.test(t) ? i : -1)).filter((i) => i >= 0);
      if (!headers.length) return null;
      const i = pick(rng, headers);
      const word = pick(rng, WORDS);
      return put(i, `${lines[i].replace(/[\t ]*(#.*)?$/, '')} ${word}`, `header + ${word}`);
    }
  }
}
