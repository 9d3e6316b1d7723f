import type { Finding, FileProblem, Range, RelatedPlace } from '../core/types';
import type { Section, Setting } from '../languages/libreswan/ast';
import type { AnalyzedFile } from '../workspace/types';

/** Every (section, setting) pair of a Libreswan file, in file order. Empty for other languages. */
export function* libreswanSettings(file: AnalyzedFile): Generator<{ section: Section; setting: Setting }> {
  if (file.parsed.languageId !== 'libreswan') return;
  for (const section of file.parsed.ast.sections) for (const setting of section.settings) yield { section, setting };
}

/** Builds a workspace finding in a file. */
export function findingAt(file: AnalyzedFile, range: Range, p: Omit<FileProblem, 'range'>, related?: RelatedPlace[]): Finding {
  return { uri: file.uri, range, ...p, ...(related && related.length ? { related } : {}) };
}
