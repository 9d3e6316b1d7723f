import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** `include PATH` (no wildcard) that matches no file in the workspace (Libreswan: "could not open include filename"). */
export const check: WorkspaceCheck = {
  code: 'include-missing',
  defaultSeverity: 'warning',
  description: '`include` of a file that is not in the workspace (wildcards that match nothing are fine).',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const p of h.includeProblems) {
      if (p.kind !== 'missing') continue;
      out.push(findingAt(p.file, p.range, { severity: 'warning', code: 'include-missing', message: `No file \`${p.path}\` in the workspace; conns it would define are unknown to vpnconf.` }));
    }
    return out;
  }),
};
