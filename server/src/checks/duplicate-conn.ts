import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** Two `conn` sections with the same name loaded on one host (across ipsec.conf and ipsec.d/*.conf). */
export const check: WorkspaceCheck = {
  code: 'duplicate-conn',
  defaultSeverity: 'error',
  description: 'Two conns with the same name on one host (in one file or across its included files).',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const [name, defs] of h.conns) {
      if (defs.length < 2) continue;
      for (const d of defs.slice(1)) {
        out.push(findingAt(d.file, d.section.nameRange, { severity: 'error', code: 'duplicate-conn', message: `conn \`${name}\` is defined more than once on this host; Libreswan keeps only one of them.` }, [
          { uri: defs[0].file.uri, range: defs[0].section.nameRange, message: `first definition of conn ${name}` },
        ]));
      }
    }
    return out;
  }),
};
