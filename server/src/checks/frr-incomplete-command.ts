import type { FileCheck } from './types';

/** Incomplete command as `vtysh -C` judges it; reported by the parser. */
export const check: FileCheck = {
  code: 'frr-incomplete-command',
  defaultSeverity: 'error',
  description: 'A line vtysh (FRR 8.4.4) rejects as an incomplete command (more words are required).',
  scope: 'file',
  languages: ['frr'],
  run: (file) => file.parseProblems.filter((p) => p.code === 'frr-incomplete-command'),
};
