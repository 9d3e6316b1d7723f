import type { FileProblem } from '../core/types';
import { findKeyword, findLeftRightOnly } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/**
 * A side-specific keyword (`subnet`, `id`, `vti`, ...) written without its `left`/`right` prefix.
 * Libreswan 5 refuses it ("requires left or right prefix"): an error. Libreswan 4.10 accepts it and applies
 * it to the right side only (keywords.c parser_find_keyword, github#663): a warning, since the conn loads
 * but probably not as meant.
 */
export const check: FileCheck = {
  code: 'leftright-required',
  defaultSeverity: 'error',
  description: 'A left/right-only keyword (e.g. `subnet`) used without its `left` or `right` prefix.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    const out: FileProblem[] = [];
    const v4 = snapshot.options.libreswanVersion === '4';
    for (const { section, setting } of libreswanSettings(file)) {
      if (section.kind !== 'conn' || findKeyword(setting.key, 'conn')) continue;
      const spec = findLeftRightOnly(setting.key);
      if (!spec || !spec.name) continue;
      const fix = `write \`left${spec.name}\` or \`right${spec.name}\``;
      out.push(
        v4
          ? { range: setting.keyRange, severity: 'warning', code: 'leftright-required', message: `\`${setting.key}\` applies to one side: Libreswan 4 reads it as \`right${spec.name}\`; ${fix}.` }
          : { range: setting.keyRange, severity: 'error', code: 'leftright-required', message: `\`${setting.key}\` applies to one side: ${fix}.` },
      );
    }
    return out;
  },
};
