import type { FileCheck } from './types';
import { validateYamaha } from '../languages/yamaha/validate';
import { yamahaFileOf } from '../model/yamaha';

/** A Yamaha command is not in vpnconf's catalog, so it is not checked. Source: shared/reference/yamaha-rtx/commands.json (catalogue facts). */
export const check: FileCheck = {
  code: 'rtx-unknown-command',
  defaultSeverity: 'information',
  description: "A Yamaha command is not in vpnconf's catalog, so it is not checked.",
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const ast = yamahaFileOf(file);
    return ast ? validateYamaha(ast).filter((p) => p.code === 'rtx-unknown-command') : [];
  },
};
