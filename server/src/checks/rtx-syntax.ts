import type { FileCheck } from './types';
import { validateYamaha } from '../languages/yamaha/validate';
import { yamahaFileOf } from '../model/yamaha';

/** Lexical problems from the parser (unterminated quote, full-width space) plus: a Yamaha command line is malformed: misspelt sub-keyword, missing or extra argument, unknown option key. Source: shared/reference/yamaha-rtx/commands.json (catalogue facts). */
export const check: FileCheck = {
  code: 'rtx-syntax',
  defaultSeverity: 'error',
  description: "A Yamaha command line is malformed: misspelt sub-keyword, missing or extra argument, unknown option key.",
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const ast = yamahaFileOf(file);
    return ast ? [...file.parseProblems.filter((p) => p.code === 'rtx-syntax'), ...validateYamaha(ast).filter((p) => p.code === 'rtx-syntax')] : [];
  },
};
