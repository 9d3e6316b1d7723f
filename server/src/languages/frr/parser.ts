import type { ParseResult } from '../types';
import type { FrrFile } from './ast';

/** Parses an FRR configuration (bgpd.conf, frr.conf, staticd.conf). Never throws. */
export function parseFrr(_text: string): ParseResult<FrrFile> {
  return { ast: { kind: 'frr' }, problems: [] };
}
