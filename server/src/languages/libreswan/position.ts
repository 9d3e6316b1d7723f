import { rangeContains, type Position } from '../../core/types';
import type { LibreswanFile, Section, Setting } from './ast';

/** What the cursor is on in a Libreswan file. */
export type LibreswanTarget =
  | { kind: 'key'; section: Section; setting: Setting }
  | { kind: 'value'; section: Section; setting: Setting }
  | { kind: 'section'; section: Section }
  | { kind: 'include'; path: string }
  | { kind: 'none'; section: Section | null };

/** Finds the syntax element under a 0-based position. Linear in the number of sections. */
export function libreswanTargetAt(ast: LibreswanFile, pos: Position): LibreswanTarget {
  for (const inc of ast.includes) if (rangeContains(inc.pathRange, pos)) return { kind: 'include', path: inc.path };
  let enclosing: Section | null = null;
  for (const section of ast.sections) {
    if (rangeContains(section.nameRange, pos)) return { kind: 'section', section };
    if (section.range.start.line <= pos.line) enclosing = section;
    for (const s of section.settings) {
      if (s.line !== pos.line) continue;
      if (rangeContains(s.keyRange, pos)) return { kind: 'key', section, setting: s };
      if (s.value && rangeContains(s.value.range, pos)) return { kind: 'value', section, setting: s };
    }
  }
  return { kind: 'none', section: enclosing };
}
