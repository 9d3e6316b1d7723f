/**
 * Text helpers: splitting a document into lines while remembering where each line starts, and decoding
 * file bytes (UTF-8 with or without BOM, UTF-16 BOMs, Shift_JIS/CP932 fallback for Yamaha files).
 */

/** One physical line of a document, without its terminator. `line` is 0-based. */
export interface SourceLine {
  line: number;
  text: string;
}

/**
 * Splits text into lines on `\n`, `\r\n` or a lone `\r`. Terminators are dropped, so every character
 * offset inside a returned line is a valid LSP `character` for that line. A BOM at the start is kept as
 * a character of line 0 only if `keepBom`; by default it is removed and line 0 is shifted by nothing,
 * since LSP clients also strip it.
 */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/);
}

/** True when the bytes look like binary data (a NUL byte in the first 8 KiB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
