import type { FileProblem, LanguageId } from '../core/types';
import type { ParsedFile } from '../workspace/types';
import { parseLibreswan } from './libreswan/parser';
import { parseLibreswanReusing } from './libreswan/incremental';
import { parseSecrets } from './secrets/parser';
import { parseFrr } from './frr/parser';
import { parseYamaha } from './yamaha/parser';

/**
 * Parses a text in the given language. Never throws: a parser bug is turned into one error problem at the
 * start of the file, so the server keeps serving. `previous` is the parse of an earlier version of the
 * same file (an editor change): Libreswan files then re-parse only the sections whose lines changed
 * (libreswan/incremental.ts); the result is the same as without it.
 */
export function parseAny(languageId: LanguageId, text: string, previous?: ParsedFile): { parsed: ParsedFile; problems: FileProblem[] } {
  try {
    switch (languageId) {
      case 'libreswan': {
        const r = previous?.languageId === 'libreswan' ? parseLibreswanReusing(text, previous.ast) : parseLibreswan(text);
        return { parsed: { languageId, ast: r.ast }, problems: r.problems };
      }
      case 'libreswan-secrets': {
        const r = parseSecrets(text);
        return { parsed: { languageId, ast: r.ast }, problems: r.problems };
      }
      case 'frr': {
        const r = parseFrr(text);
        return { parsed: { languageId, ast: r.ast }, problems: r.problems };
      }
      case 'yamaha-rtx': {
        const r = parseYamaha(text);
        return { parsed: { languageId, ast: r.ast }, problems: r.problems };
      }
    }
  } catch (e) {
    const empty = parseAny(languageId, '');
    return {
      parsed: empty.parsed,
      problems: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'internal-error', message: `vpnconf could not parse this file (internal error: ${(e as Error).message}).` }],
    };
  }
}
