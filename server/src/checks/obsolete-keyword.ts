import type { FileProblem } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/** A keyword the configured Libreswan version still parses but ignores (kt_obsolete / `O` rows). */
export const check: FileCheck = {
  code: 'obsolete-keyword',
  defaultSeverity: 'warning',
  description: 'A keyword that the configured Libreswan version accepts but ignores.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    const v = snapshot.options.libreswanVersion;
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      const m = findKeyword(setting.key, section.kind);
      if (!m || m.spec.status[v] !== 'obsolete') continue;
      out.push({ range: setting.keyRange, severity: 'warning', code: 'obsolete-keyword', message: `\`${setting.key}\` is obsolete in Libreswan ${v}: it is ignored, so this line has no effect. Remove it.` });
    }
    return out;
  },
};
