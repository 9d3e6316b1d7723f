import type { SeverityOverrides } from './checks/run';
import type { AnalysisOptions } from './checks/types';

/** The server's view of the `vpnconf.*` settings. */
export interface Settings {
  options: AnalysisOptions;
  overrides: SeverityOverrides;
}

/** Defaults: Libreswan 5, every check at its own default severity. */
export const DEFAULT_SETTINGS: Settings = { options: { libreswanVersion: '5' }, overrides: {} };

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Reads the `vpnconf` configuration section as the client sends it (`{ libreswan: { version }, checks: {code: level} }`).
 * Unknown or malformed entries are ignored, never fatal.
 */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as { libreswan?: { version?: unknown }; checks?: unknown };
  const version = r.libreswan?.version === '4' ? '4' : '5';
  const overrides: Record<string, string> = {};
  if (r.checks && typeof r.checks === 'object') {
    for (const [code, level] of Object.entries(r.checks as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) overrides[code] = level;
    }
  }
  return { options: { libreswanVersion: version }, overrides: overrides as SeverityOverrides };
}
