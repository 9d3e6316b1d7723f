import type { FileProblem } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import { canonicalKey } from '../model/libreswan';
import type { Setting } from '../languages/libreswan/ast';
import type { FileCheck } from './types';

/**
 * The same keyword (or an alias of it) twice in one section. In a conn, Libreswan 4.10 refuses the conn
 * ("duplicate key", confread.c): an error. In `config setup` the later value silently replaces the earlier
 * one (4.10; 5.x warns "overriding earlier"): a warning. `also=` may repeat.
 */
export const check: FileCheck = {
  code: 'duplicate-keyword',
  defaultSeverity: 'error',
  description: 'The same keyword (or one of its aliases) set twice in one section.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    if (file.parsed.languageId !== 'libreswan') return [];
    const out: FileProblem[] = [];
    for (const section of file.parsed.ast.sections) {
      const seen = new Map<string, Setting>();
      for (const s of section.settings) {
        const m = findKeyword(s.key, section.kind);
        if (!m || m.spec.name === 'also') continue;
        const key = canonicalKey(m.spec, m.side, snapshot.options.libreswanVersion);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, s);
          continue;
        }
        const related = [{ uri: file.uri, range: first.keyRange, message: 'first set here' }];
        out.push(
          section.kind === 'conn'
            ? { range: s.keyRange, severity: 'error', code: 'duplicate-keyword', message: `\`${key}\` is already set on line ${first.line + 1} of conn \`${section.name}\`; Libreswan rejects a conn that sets a keyword twice.`, related }
            : { range: s.keyRange, severity: 'warning', code: 'duplicate-keyword', message: `\`${key}\` is already set on line ${first.line + 1} of \`config setup\`; Libreswan keeps only this last value.`, related },
        );
      }
    }
    return out;
  },
};
