import type { FileCheck } from './types';
import { SECRETS_SYNTAX_CODE } from '../languages/secrets/parser';

/** Syntax errors in secrets files (lib/libswan/secrets.c grammar). */
export const check: FileCheck = {
  code: SECRETS_SYNTAX_CODE,
  defaultSeverity: 'error',
  description: 'Syntax error in a secrets file (missing `:`, unknown kind, unquoted or missing secret, malformed 0x/0s/0t data pluto refuses).',
  scope: 'file',
  languages: ['libreswan-secrets'],
  run: (file) => file.parseProblems.filter((p) => p.code === SECRETS_SYNTAX_CODE),
};
