import type { FileCheck } from './types';
import { yamahaFactsOf } from '../model/yamaha';

/** A tunnel is selected and configured but no `tunnel enable N` (or `all`) turns it on, nor is it disabled on purpose. */
export const check: FileCheck = {
  code: 'rtx-tunnel-not-enabled',
  defaultSeverity: 'warning',
  description: 'A configured tunnel is never enabled with tunnel enable.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    return facts.tunnels.filter((t) => !t.enabled && !t.disabled && (t.endLine > t.selectLine || t.ipsecTunnel)).map((t) => ({
      range: t.idRange, severity: 'warning' as const, code: 'rtx-tunnel-not-enabled',
      message: `Tunnel ${t.id} is configured but never enabled: add 'tunnel enable ${t.id}'.`,
    }));
  },
};
