import type { ParseResult } from '../types';
import type { YamahaFile } from './ast';

/** Parses a Yamaha RTX command file (already decoded to text). Never throws. */
export function parseYamaha(_text: string): ParseResult<YamahaFile> {
  return { ast: { kind: 'yamaha-rtx' }, problems: [] };
}
