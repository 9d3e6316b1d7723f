import { firstLineRange } from './util';
import type { FileCheck } from './types';

/** Permission bits that let the file's group or other users read it. */
const GROUP_OR_WORLD_READ = 0o044;

/**
 * A secrets file that its group or every user of the machine can read. Pure: it reads the permission bits
 * the disk reader stored in `AnalyzedFile.mode` (absent for unsaved editor text and on Windows: no finding).
 */
export const check: FileCheck = {
  code: 'secrets-permissions',
  defaultSeverity: 'information',
  description: 'A secrets file is readable by its group or by all users (keep it 0600, owned by root).',
  scope: 'file',
  languages: ['libreswan-secrets'],
  run(file) {
    if (file.mode === undefined || (file.mode & GROUP_OR_WORLD_READ) === 0) return [];
    const who = file.mode & 0o004 ? 'every user of the machine' : 'the file\'s group';
    const octal = (file.mode & 0o777).toString(8).padStart(4, '0');
    return [{
      range: firstLineRange(file),
      severity: 'information',
      code: 'secrets-permissions',
      message: `This secrets file is readable by ${who} (mode ${octal}); restrict it to its owner: chmod 600.`,
    }];
  },
};
