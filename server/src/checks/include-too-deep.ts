import type { Finding } from '../core/types';
import { INCLUDE_DEPTH_LIMIT } from '../model/libreswan';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/**
 * An `include` in a file that is already the INCLUDE_DEPTH_LIMIT-th file down its chain (ipsec.conf counted):
 * Libreswan does not open it, so its conns are silently missing (measured with `addconn --listall`, 4.10).
 */
export const check: WorkspaceCheck = {
  code: 'include-too-deep',
  defaultSeverity: 'warning',
  description: `An \`include\` nested deeper than Libreswan reads (${INCLUDE_DEPTH_LIMIT} files down one chain); the files it names are never loaded.`,
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const p of h.includeProblems) {
      if (p.kind !== 'too-deep') continue;
      out.push(findingAt(p.file, p.range, { severity: 'warning', code: 'include-too-deep', message: `\`${p.path}\` is never read: this file is number ${INCLUDE_DEPTH_LIMIT} down its include chain, the deepest Libreswan reads (it skips the include with only a warning).` }));
    }
    return out;
  }),
};
