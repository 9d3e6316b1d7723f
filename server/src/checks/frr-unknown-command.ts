import type { FileCheck } from './types';

/** Unknown command as `vtysh -C` judges it (FRR 8.4.4 grammar, lib/command_match.c); reported by the parser. */
export const check: FileCheck = {
  code: 'frr-unknown-command',
  defaultSeverity: 'error',
  description: 'A line vtysh (FRR 8.4.4) rejects as an unknown command; the range is the first word no command accepts.',
  scope: 'file',
  languages: ['frr'],
  run: (file) => file.parseProblems.filter((p) => p.code === 'frr-unknown-command'),
};
