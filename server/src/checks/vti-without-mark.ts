import type { Finding } from '../core/types';
import type { WorkspaceCheck } from './types';
import { findingAt, perLibreswanHost } from './util';

/**
 * A route-based conn (`vti-interface=`) with no `mark=` (or `mark-in`/`mark-out`) after `%default` and
 * `also=` are merged: the VTI device needs a mark as its key so the kernel can steer traffic into the SA.
 */
export const check: WorkspaceCheck = {
  code: 'vti-without-mark',
  defaultSeverity: 'error',
  description: '`vti-interface` set on a conn that has no `mark` (route-based tunnels need one).',
  scope: 'workspace',
  ...perLibreswanHost((h) => {
    const out: Finding[] = [];
    // Conns used only as also= templates are never loaded on their own.
    const templates = new Set<string>();
    for (const defs of h.conns.values()) for (const s of defs[0].section.settings) if (s.key.toLowerCase() === 'also' && s.value) templates.add(s.value.text);
    for (const [name, defs] of h.conns) {
      if (templates.has(name)) continue;
      const def = defs[0];
      const r = h.resolve(def);
      const vti = r.settings.get('vti-interface');
      if (!vti || r.settings.has('mark') || r.settings.has('mark-in') || r.settings.has('mark-out')) continue;
      const auto = r.settings.get('auto')?.setting.value?.text;
      if (auto === 'ignore') continue;
      out.push(findingAt(def.file, def.section.nameRange, { severity: 'error', code: 'vti-without-mark', message: `conn \`${def.name}\` uses vti-interface=${vti.setting.value?.text ?? ''} but sets no mark=; add a mark unique on this host (e.g. mark=5/0xffffffff).` }, [
        { uri: vti.from.file.uri, range: vti.setting.keyRange, message: 'vti-interface set here' },
      ]));
    }
    return out;
  }),
};
