import { posix } from 'node:path';
import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** An `include` that leads back to the including file (Libreswan recurses until its depth limit of 10). */
export const check: WorkspaceCheck = {
  code: 'include-cycle',
  defaultSeverity: 'error',
  description: 'An `include` chain that comes back to the file that started it.',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const p of h.includeProblems) {
      if (p.kind !== 'cycle') continue;
      const chain = (p.chain ?? []).map((x) => posix.basename(x)).join(' → ');
      out.push(findingAt(p.file, p.range, { severity: 'error', code: 'include-cycle', message: `include loop: ${chain}. Libreswan stops at 10 nested includes and the load fails.` }));
    }
    return out;
  }),
};
