import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/** `left=%defaultroute` and `right=%defaultroute` on one conn: only one side can be this host. */
export const check: WorkspaceCheck = {
  code: 'defaultroute-both',
  defaultSeverity: 'error',
  description: 'Both `left` and `right` are %defaultroute; one side must be the peer.',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    for (const defs of h.conns.values()) {
      const r = h.resolve(defs[0]);
      const l = r.settings.get('left');
      const rt = r.settings.get('right');
      if (l?.setting.value?.text !== '%defaultroute' || rt?.setting.value?.text !== '%defaultroute') continue;
      out.push(findingAt(rt.from.file, rt.setting.value.range, { severity: 'error', code: 'defaultroute-both', message: `conn \`${defs[0].name}\`: left and right are both %defaultroute; set the peer side to its public address.` }, [
        { uri: l.from.file.uri, range: l.setting.value.range, message: 'left=%defaultroute here' },
      ]));
    }
    return out;
  }),
};
