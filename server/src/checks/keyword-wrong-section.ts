import type { FileProblem } from '../core/types';
import { findInOtherSection, findKeyword } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/** A `config setup` keyword inside a conn, or a conn keyword inside `config setup` (addconn: "unexpected keyword ... in section"). */
export const check: FileCheck = {
  code: 'keyword-wrong-section',
  defaultSeverity: 'error',
  description: 'A `config setup` keyword used in a conn, or a conn keyword used in `config setup`.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file) {
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      if (findKeyword(setting.key, section.kind) || !findInOtherSection(setting.key, section.kind)) continue;
      const belongs = section.kind === 'config' ? 'a conn' : '`config setup`';
      out.push({ range: setting.keyRange, severity: 'error', code: 'keyword-wrong-section', message: `\`${setting.key}\` belongs in ${belongs}, not in ${section.kind === 'config' ? '`config setup`' : `conn \`${section.name}\``}.` });
    }
    return out;
  },
};
