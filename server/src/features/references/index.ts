import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { referencesFrr } from '../definition/frr';

/** Find references: FRR route-map and prefix-list names (their definition and every use on the host). */
export function references(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Location[] {
  return file.languageId === 'frr' ? referencesFrr(file, pos, snapshot) : [];
}
