import { hoverFrr } from './frr';
import type { Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { hoverYamaha } from './yamaha';
import { hoverLibreswan } from './libreswan';
import { hoverSecrets } from './secrets';
import { hoverInside, hoverPsk } from './tunnel';
import { hoverStaticRoute } from './route';

/** Hover for any vpnconf file: dispatches by language. Returns null when there is nothing to say. */
export function hover(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  switch (file.languageId) {
    case 'libreswan':
      return hoverLibreswan(file, pos, snapshot);
    case 'yamaha-rtx':
      // Cross-file facts first (the PSK's twin, the inside /30's other end), else the command's own hover.
      return hoverPsk(snapshot, file.uri, pos) ?? hoverInside(snapshot, file.uri, pos) ?? withRoute(hoverStaticRoute(snapshot, file.uri, pos), hoverYamaha(file, pos, snapshot));
    case 'libreswan-secrets':
      return hoverSecrets(file, pos, snapshot);
    case 'frr':
      return withRoute(hoverStaticRoute(snapshot, file.uri, pos), hoverFrr(file, pos, snapshot));
    default:
      return null;
  }
}

/** The static-route hover (which tunnel the route enters) above the command's own hover, when both exist. */
function withRoute(route: Hover | null, own: Hover | null): Hover | null {
  if (!route || !own) return route ?? own;
  const text = (h: Hover): string => (typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  return { contents: { kind: 'markdown', value: `${text(route)}\n\n${text(own)}` }, range: route.range };
}
