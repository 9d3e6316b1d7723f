import { Location } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { rangeContains } from '../../core/types';
import { frrFacts, frrFilesOfHost } from '../../checks/frr-util';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';

type Named = { kind: 'route-map' | 'prefix-list'; name: string };

function nameAt(file: AnalyzedFile, pos: Position): Named | null {
  const f = frrFacts(file);
  if (!f) return null;
  for (const r of f.refs) if (rangeContains(r.range, pos)) return { kind: r.kind, name: r.name };
  for (const m of f.routeMaps) if (rangeContains(m.name.range, pos)) return { kind: 'route-map', name: m.name.value };
  for (const p of f.prefixLists) if (rangeContains(p.name.range, pos)) return { kind: 'prefix-list', name: p.name.value };
  return null;
}

/** Definitions (every entry line) of the route-map / prefix-list named at `pos`, across the host's FRR files. */
export function definitionFrr(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Location[] {
  const n = nameAt(file, pos);
  if (!n) return [];
  const out: Location[] = [];
  for (const f of frrFilesOfHost(file, snapshot)) {
    const facts = frrFacts(f);
    const defs = n.kind === 'route-map' ? facts?.routeMaps ?? [] : facts?.prefixLists ?? [];
    for (const d of defs) if (d.name.value === n.name) out.push(Location.create(f.uri, d.name.range));
  }
  return out;
}

/** References of the route-map / prefix-list named at `pos` (not including definitions), across the host. */
export function referencesFrr(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Location[] {
  const n = nameAt(file, pos);
  if (!n) return [];
  const out: Location[] = [];
  for (const f of frrFilesOfHost(file, snapshot))
    for (const r of frrFacts(f)?.refs ?? []) if (r.kind === n.kind && r.name === n.name) out.push(Location.create(f.uri, r.range));
  return out;
}
