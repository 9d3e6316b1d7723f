import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';

/** Minimum PSK length we accept without a warning (characters). Short keys fall to offline guessing of IKE exchanges. */
export const MIN_PSK_LENGTH = 8;

/** A PSK shorter than 8 characters. The message never shows the key. */
export const check: FileCheck = {
  code: 'weak-psk',
  defaultSeverity: 'warning',
  description: 'A pre-shared key shorter than 8 characters (the key itself is never shown).',
  scope: 'file',
  languages: ['libreswan-secrets'],
  run(file) {
    if (file.parsed.languageId !== 'libreswan-secrets') return [];
    const out: FileProblem[] = [];
    for (const e of file.parsed.ast.entries) {
      if (e.kind !== 'PSK' || e.secret === null || !e.secretRange || e.malformed) continue;
      if (/^0[xXsS]/.test(e.secret)) continue;
      const len = [...(/^0[tT]/.test(e.secret) ? e.secret.slice(2) : e.secret)].length;
      if (len >= MIN_PSK_LENGTH) continue;
      out.push({ range: e.secretRange, severity: 'warning', code: 'weak-psk', message: `This PSK has only ${len} characters; use at least ${MIN_PSK_LENGTH} (AWS accepts 8 to 64).` });
    }
    return out;
  },
};
