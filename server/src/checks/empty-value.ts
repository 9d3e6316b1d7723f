import type { FileProblem } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import { isCommentKey } from '../languages/libreswan/parser';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/**
 * `keyword=` with nothing after it. Libreswan's lexer ends the statement at the newline and the grammar
 * ignores it (4.10 parser.y: "meaningless"), so the line has no effect. A yes/no keyword is the exception
 * in 4.10: its grammar has no empty form, addconn stops with a syntax error, and
 * `invalid-value` reports that line as an error (so this check stays quiet there).
 */
export const check: FileCheck = {
  code: 'empty-value',
  defaultSeverity: 'warning',
  description: '`keyword=` with no value (Libreswan ignores the line).',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      if (setting.value || isCommentKey(setting.key)) continue;
      const m = findKeyword(setting.key, section.kind);
      if (snapshot.options.libreswanVersion === '4' && m && m.spec.type['4'] === 'bool' && m.spec.status['4'] !== 'absent') continue;
      out.push({ range: setting.range, severity: 'warning', code: 'empty-value', message: `\`${setting.key}=\` has no value, so Libreswan ignores this line; remove it or give a value.` });
    }
    return out;
  },
};
