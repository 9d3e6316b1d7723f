import type { FileProblem } from '../core/types';
import type { Setting } from '../languages/libreswan/ast';
import { isCommentKey } from '../languages/libreswan/parser';
import { findKeyword, type LibreswanVersion } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

const CODE = 'invalid-enum-value';

/**
 * A yes/no or enumerated keyword with a value outside its list (the lists come from the keyword table:
 * 4.10 keywords.c value lists and parser.lex boolean spellings; 5.x option name tables).
 *
 * What Libreswan 4.10 does, and what we report as an error:
 * - yes/no keywords (kt_bool): the lexer knows only `y yes true on n no false off`, lowercase; anything
 *   else, or nothing, is a syntax error on that line or, when no boolean hides inside the word, on the
 *   next one. 5.x also takes `1`/`0`, case-insensitively.
 * - enums (kt_enum): the value is split at `,` `:` and blanks and each piece is looked up without case;
 *   an unknown first piece stops addconn ("keyword K, invalid value"), more than one piece is refused
 *   ("accepts only one value"). addconn lets an unknown piece after a known one, and a bare number, pass
 *   silently; we report those too, since Libreswan then stores a value nobody meant.
 * An empty enum value is left to `empty-value` (Libreswan ignores it).
 */
export const check: FileCheck = {
  code: CODE,
  defaultSeverity: 'error',
  description: 'A yes/no or enumerated keyword with a value Libreswan does not accept (e.g. `auto=strat`, `pfs=maybe`).',
  scope: 'file',
  languages: ['libreswan'],
  run(file, snapshot) {
    const v = snapshot.options.libreswanVersion;
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      if (isCommentKey(setting.key)) continue;
      const m = findKeyword(setting.key, section.kind);
      if (!m || m.spec.status[v] === 'absent' || m.spec.status[v] === 'obsolete') continue;
      const values = m.spec.values[v];
      if (!values || values.length === 0) continue;
      const type = m.spec.type[v];
      const problem = type === 'bool' ? boolProblem(setting, values, v) : type === 'enum' || type === 'list-enum' ? enumProblem(setting, values, type === 'enum') : null;
      if (problem) out.push({ range: setting.value ? setting.value.range : setting.range, severity: 'error', code: CODE, message: problem });
    }
    return out;
  },
};

/** Whether a yes/no value is accepted; null when fine, else the message. */
export function boolProblem(setting: Setting, values: readonly string[], v: LibreswanVersion): string | null {
  const accepted = v === '4' ? 'yes or no (also y/true/on, n/false/off)' : 'yes or no (also y/true/on/1, n/false/off/0)';
  if (!setting.value || setting.value.text === '') {
    return v === '4' ? `\`${setting.key}=\` needs a value: Libreswan 4 rejects an empty yes/no keyword. Write ${accepted}.` : null;
  }
  const t = setting.value.text;
  const ok = v === '4' ? values.includes(t) : values.some((x) => x.toLowerCase() === t.toLowerCase());
  if (ok) return null;
  const caseHint = v === '4' && values.includes(t.toLowerCase()) ? ' Libreswan 4 accepts only lowercase spellings.' : '';
  return `\`${t}\` is not a valid value for \`${setting.key}\`: write ${accepted}.${caseHint}`;
}

/** Whether an enum (or list of enum values) is accepted; null when fine, else the message. */
export function enumProblem(setting: Setting, values: readonly string[], single: boolean): string | null {
  if (!setting.value) return null;
  const pieces = setting.value.text.split(/[,: \t]+/).filter((p) => p !== '');
  if (pieces.length === 0) return null;
  const known = new Set(values.map((x) => x.toLowerCase()));
  const bad = pieces.filter((p) => !known.has(p.toLowerCase()));
  const list = [...new Set(values)].map((x) => `\`${x}\``).join(', ');
  if (bad.length) {
    const what = bad.length === 1 ? `\`${bad[0]}\` is not a valid value` : `${bad.map((b) => `\`${b}\``).join(', ')} are not valid values`;
    return `${what} for \`${setting.key}\`: expected ${single ? 'one of' : 'a comma-separated list of'} ${list}.`;
  }
  if (single && pieces.length > 1) return `\`${setting.key}\` takes a single value, not \`${setting.value.text}\` (one of ${list}).`;
  return null;
}
