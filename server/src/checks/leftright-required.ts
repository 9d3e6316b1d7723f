import type { FileProblem } from '../core/types';
import { findKeyword, findLeftRightOnly } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/** A side-specific keyword (`subnet`, `id`, `vti`, ...) written without its `left`/`right` prefix. */
export const check: FileCheck = {
  code: 'leftright-required',
  defaultSeverity: 'error',
  description: 'A left/right-only keyword (e.g. `subnet`) used without its `left` or `right` prefix.',
  scope: 'file',
  languages: ['libreswan'],
  run(file) {
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      if (section.kind !== 'conn' || findKeyword(setting.key, 'conn')) continue;
      const spec = findLeftRightOnly(setting.key);
      if (!spec || !spec.name) continue;
      out.push({ range: setting.keyRange, severity: 'error', code: 'leftright-required', message: `\`${setting.key}\` applies to one side: write \`left${spec.name}\` or \`right${spec.name}\`.` });
    }
    return out;
  },
};
