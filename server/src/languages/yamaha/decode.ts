import type * as Iconv from 'iconv-lite';

/** The encodings a Yamaha command file is read in. */
export type YamahaEncoding = 'utf-8' | 'shift_jis';

/**
 * Decodes the bytes of a Yamaha RTX command file. UTF-8 (with or without a BOM; the BOM is dropped) is used
 * when the bytes are valid UTF-8; otherwise the bytes are decoded as Shift_JIS in its Windows form (CP932),
 * which is what RTX routers and Japanese Windows editors write (`console character ja.sjis`).
 * Line terminators (CRLF, LF) are kept as they are, so 0-based line/character positions computed on the
 * returned text are the positions an editor shows for the decoded document. Never throws.
 */
export function decodeYamahaBytes(bytes: Uint8Array): { text: string; encoding: YamahaEncoding } {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = start ? bytes.subarray(start) : bytes;
  if (isValidUtf8(body)) {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: 'utf-8' };
  }
  return { text: iconvLite().decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932'), encoding: 'shift_jis' };
}

let iconv: typeof Iconv | undefined;

/**
 * iconv-lite, required on the first file that is not UTF-8: loading it (its codec modules and the
 * Shift_JIS table) costs every `vpnconf check` run start-up time, and most files are UTF-8.
 */
function iconvLite(): typeof Iconv {
  return (iconv ??= require('iconv-lite') as typeof Iconv);
}

/** Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, max U+10FFFF). Linear time. */
export function isValidUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return false;
    if (i + need > n - 1) return false;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
