import { hoverFrr } from './frr';
import type { Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { hoverYamaha } from './yamaha';
import { hoverLibreswan } from './libreswan';
import { hoverSecrets } from './secrets';
import { hoverInside, hoverPsk } from './tunnel';

/** Hover for any vpnconf file: dispatches by language. Returns null when there is nothing to say. */
export function hover(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  switch (file.languageId) {
    case 'libreswan':
      return hoverLibreswan(file, pos, snapshot);
    case 'yamaha-rtx':
      // Cross-file facts first (the PSK's twin, the inside /30's other end), else the command's own hover.
      return hoverPsk(snapshot, file.uri, pos) ?? hoverInside(snapshot, file.uri, pos) ?? hoverYamaha(file, pos, snapshot);
    case 'libreswan-secrets':
      return hoverSecrets(file, pos, snapshot);
    case 'frr':
      return hoverFrr(file, pos, snapshot);
    default:
      return null;
  }
}
