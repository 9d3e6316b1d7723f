import type { Finding } from '../core/types';
import { closest } from '../core/suggest';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** `also=NAME` naming no conn of the host (addconn: "cannot find conn ... needed by conn ..."). */
export const check: WorkspaceCheck = {
  code: 'also-missing',
  defaultSeverity: 'error',
  description: '`also=` names a conn that is not defined on the host.',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const m of h.alsoMissing) {
      const hint = closest(m.target, h.conns.keys(), 1);
      out.push(findingAt(m.def.file, m.setting.value!.range, { severity: 'error', code: 'also-missing', message: `conn \`${m.def.name}\` includes \`${m.target}\` with also=, but no conn of that name is defined on this host.${hint.length ? ` Did you mean \`${hint[0]}\`?` : ''}` }));
    }
    return out;
  }),
};
