import type { FileProblem } from '../core/types';
import { closest } from '../core/suggest';
import { isCommentKey } from '../languages/libreswan/parser';
import { findInOtherSection, findKeyword, findLeftRightOnly, spellings, type LibreswanVersion } from '../languages/libreswan/keywords';
import type { FileCheck } from './types';
import { libreswanSettings } from './util';

const other = (v: LibreswanVersion): LibreswanVersion => (v === '4' ? '5' : '4');
const label = (v: LibreswanVersion): string => (v === '4' ? 'Libreswan 4' : 'Libreswan 5');

/**
 * A keyword that Libreswan's table (keywords.c in 4.10, setup.c/conn.c in 5.x) does not know, or knows
 * only in the other major version. `addconn` stops with "syntax error" on such a line.
 */
export const check: FileCheck = {
  code: 'unknown-keyword',
  defaultSeverity: 'error',
  description: 'Keyword unknown to the configured Libreswan version, with a "did you mean" suggestion.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run(file, snapshot) {
    const version = snapshot.options.libreswanVersion;
    const out: FileProblem[] = [];
    for (const { section, setting } of libreswanSettings(file)) {
      if (isCommentKey(setting.key)) continue;
      const m = findKeyword(setting.key, section.kind);
      if (m) {
        if (m.spec.status[version] === 'absent') {
          const since = m.spec.status[other(version)] !== 'absent' ? ` (it exists in ${label(other(version))})` : '';
          out.push({ range: setting.keyRange, severity: 'error', code: 'unknown-keyword', message: `\`${setting.key}\` is not a ${label(version)} keyword${since}. Set vpnconf.libreswan.version if you target the other version.` });
        }
        continue;
      }
      if (findInOtherSection(setting.key, section.kind) || findLeftRightOnly(setting.key)) continue; // other checks report these
      const hints = closest(setting.key, spellings(section.kind, version));
      const where = section.kind === 'config' ? '`config setup`' : 'a conn';
      out.push({
        range: setting.keyRange,
        severity: 'error',
        code: 'unknown-keyword',
        message: `Unknown keyword \`${setting.key}\` in ${where}.${hints.length ? ` Did you mean ${hints.map((h) => `\`${h}\``).join(', ')}?` : ''}`,
        data: { suggestions: hints },
      });
    }
    return out;
  },
};
