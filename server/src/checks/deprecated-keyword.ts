import type { FileProblem } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/** An old spelling that the configured Libreswan version maps to another keyword (alias rows). */
export const check: FileCheck = {
  code: 'deprecated-keyword',
  defaultSeverity: 'information',
  description: 'An old keyword spelling that still works as an alias; the message names the current one.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    const v = snapshot.options.libreswanVersion;
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      const m = findKeyword(setting.key, section.kind);
      if (!m || m.spec.status[v] !== 'deprecated') continue;
      const repl = m.spec.replacement[v];
      const written = repl ? (m.spec.leftright ? `${m.side}${repl}` : repl) : null;
      out.push({
        range: setting.keyRange,
        severity: 'information',
        code: 'deprecated-keyword',
        message: written ? `\`${setting.key}\` is an old name: write \`${written}\` instead.` : `\`${setting.key}\` is deprecated in Libreswan ${v}.`,
        data: written ? { replacement: written } : undefined,
      });
    }
    return out;
  },
};
