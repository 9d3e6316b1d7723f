import { definitionFrr } from './frr';
import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { findKeyword } from '../../languages/libreswan/keywords';
import { libreswanTargetAt } from '../../languages/libreswan/position';
import { libreswanFilesByDir, libreswanHost, resolveInclude } from '../../model/libreswan';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';

/** Go to definition: `also=NAME` → the conn NAME on the host; `include PATH` → the files it matches. */
export function definition(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Location[] {
  if (file.parsed.languageId === 'frr') return definitionFrr(file, pos, snapshot);
  if (file.parsed.languageId !== 'libreswan') return [];
  const t = libreswanTargetAt(file.parsed.ast, pos);
  if (t.kind === 'include') {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return resolveInclude(file.path, t.path, libreswanFilesByDir(snapshot)).map((f) => ({ uri: f.uri, range: zero }));
  }
  if (t.kind === 'value' && t.setting.value && findKeyword(t.setting.key, 'conn')?.spec.name === 'also') {
    const host = snapshot.hosts.hostOfUri.get(file.uri);
    if (!host) return [];
    return (libreswanHost(snapshot, host).conns.get(t.setting.value.text) ?? []).map((d) => ({ uri: d.file.uri, range: d.section.nameRange }));
  }
  return [];
}
