import type { FileProblem } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

/** `leftvti=`/`rightvti=` needs ADDRESS/PREFIX: Libreswan assigns that address and prefix to the VTI device. */
export const check: FileCheck = {
  code: 'vti-without-prefix',
  defaultSeverity: 'error',
  description: '`leftvti`/`rightvti` without a prefix length (write e.g. 169.254.10.2/30).',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file) {
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      const m = findKeyword(setting.key, section.kind);
      if (!m || m.spec.name !== 'vti' || !setting.value || setting.value.text.includes('/')) continue;
      out.push({ range: setting.value.range, severity: 'error', code: 'vti-without-prefix', message: `\`${setting.key}\` needs an address with a prefix length, e.g. \`${setting.value.text}/30\`.` });
    }
    return out;
  },
};
