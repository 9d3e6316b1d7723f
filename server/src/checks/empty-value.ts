import type { FileProblem } from '../core/types';
import { isCommentKey } from '../languages/libreswan/parser';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/**
 * `keyword=` with nothing after it. Libreswan 4's lexer then reads the NEXT line as the value (its USERDEF
 * state swallows the newline), which silently breaks the following setting.
 */
export const check: FileCheck = {
  code: 'empty-value',
  defaultSeverity: 'warning',
  description: '`keyword=` with no value (Libreswan 4 then takes the next line as the value).',
  scope: 'file',
  languages: ['libreswan'],
  run(file) {
    const out: FileProblem[] = [];
    for (const { setting } of libreswanSettings(file)) {
      if (setting.value || isCommentKey(setting.key)) continue;
      out.push({ range: setting.range, severity: 'warning', code: 'empty-value', message: `\`${setting.key}=\` has no value; remove the line or write \`${setting.key}=""\`. Libreswan 4 would read the next line as its value.` });
    }
    return out;
  },
};
