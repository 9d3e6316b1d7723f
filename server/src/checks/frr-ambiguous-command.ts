import type { FileCheck } from './types';

/** Ambiguous command as `vtysh -C` judges it; reported by the parser. */
export const check: FileCheck = {
  code: 'frr-ambiguous-command',
  defaultSeverity: 'error',
  description: 'A line vtysh (FRR 8.4.4) rejects as ambiguous (abbreviated words match several commands equally well).',
  scope: 'file',
  languages: ['frr'],
  run: (file) => file.parseProblems.filter((p) => p.code === 'frr-ambiguous-command'),
};
