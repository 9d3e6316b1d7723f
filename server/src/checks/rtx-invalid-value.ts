import type { FileCheck } from './types';
import { validateYamaha } from '../languages/yamaha/validate';
import { yamahaFileOf } from '../model/yamaha';

/** A Yamaha command argument has the wrong type, is out of range, or is not one of the allowed values. Source: shared/reference/yamaha-rtx/commands.json (catalogue facts). */
export const check: FileCheck = {
  code: 'rtx-invalid-value',
  defaultSeverity: 'error',
  description: "A Yamaha command argument has the wrong type, is out of range, or is not one of the allowed values.",
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const ast = yamahaFileOf(file);
    return ast ? validateYamaha(ast).filter((p) => p.code === 'rtx-invalid-value') : [];
  },
};
