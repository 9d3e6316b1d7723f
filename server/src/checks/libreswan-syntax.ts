import type { FileCheck } from './types';
import { SYNTAX_CODE } from '../languages/libreswan/parser';

/** Syntax errors in ipsec.conf-format files, as Libreswan's parser (parser.y/parser.lex) would reject them; every one is reported. */
export const check: FileCheck = {
  code: SYNTAX_CODE,
  defaultSeverity: 'error',
  description: 'Syntax error in an ipsec.conf file (lost indentation, missing `=`, unquoted blanks, stray text).',
  scope: 'file',
  languages: ['libreswan'],
  run: (file) => file.parseProblems.filter((p) => p.code === SYNTAX_CODE),
};
