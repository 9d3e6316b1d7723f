import { completeFrr } from './frr';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { completeYamaha } from './yamaha';
import { completeLibreswan } from './libreswan';

export { resolveCompletion, type CompletionData } from './resolve';

/** Completion for any vpnconf file: dispatches by language. */
export function completion(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): CompletionItem[] {
  switch (file.languageId) {
    case 'libreswan':
      return completeLibreswan(file, pos, snapshot);
    case 'yamaha-rtx':
      return completeYamaha(file, pos, snapshot);
    case 'frr':
      return completeFrr(file, pos, snapshot);
    default:
      return [];
  }
}
