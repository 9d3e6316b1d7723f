import type { FileCheck } from './types';
import { validateYamaha } from '../languages/yamaha/validate';
import { yamahaFileOf } from '../model/yamaha';

/** A Yamaha tunnel (or pp) command is written where no tunnel (or pp) is selected. Source: shared/reference/yamaha-rtx/commands.json (catalogue facts). */
export const check: FileCheck = {
  code: 'rtx-wrong-context',
  defaultSeverity: 'error',
  description: "A Yamaha tunnel (or pp) command is written where no tunnel (or pp) is selected.",
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const ast = yamahaFileOf(file);
    return ast ? validateYamaha(ast).filter((p) => p.code === 'rtx-wrong-context') : [];
  },
};
