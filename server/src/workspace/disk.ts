import { closeSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import { looksBinary } from '../core/text';
import { detectLanguage } from './languages';
import { decodeYamahaBytes } from '../languages/yamaha/decode';

/** Largest file read from disk (bytes); larger files are reported, not parsed. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/** A file found on disk that vpnconf reads. */
export interface DiskFile {
  /** Absolute POSIX path. */
  path: string;
  text: string;
  /** Set when the file could not be used as text (binary, too large, unreadable). */
  problem?: string;
  /** Permission bits (`mode & 0o7777`) on POSIX systems; undefined on Windows, where they mean nothing. */
  mode?: number;
  /** True when the bytes start with a UTF-8 byte order mark (EF BB BF), which `text` no longer holds. */
  bom?: boolean;
}

/** Permission bits of a file, or undefined (Windows, or the file cannot be stat'ed). Never throws. */
export function readMode(path: string): number | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** True when `bytes` start with a UTF-8 byte order mark (EF BB BF). */
function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * True when the file on disk starts with a UTF-8 byte order mark (EF BB BF); false when it does not or
 * cannot be read. Reads 3 bytes; never throws. For files opened in the editor, whose text has no BOM.
 */
export function readBom(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const b = Buffer.alloc(3);
    return readSync(fd, b, 0, 3, 0) === 3 && startsWithUtf8Bom(b);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Decodes file bytes to text: UTF-8 (a BOM is dropped), UTF-16 with a BOM, and, when the bytes are not
 * valid UTF-8, a pluggable fallback (Shift_JIS for Yamaha files once that decoder is registered).
 */
export let decodeBytes = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-8 when valid, else CP932 (Shift_JIS), the encoding of Japanese Yamaha RTX command files.
  return decodeYamahaBytes(bytes).text.replace(/^\uFEFF/, '');
};

/** Replaces the byte decoder (used by the Yamaha language to add CP932). */
export function setDecoder(d: (bytes: Uint8Array) => string): void {
  decodeBytes = d;
}

/** Reads one file; never throws (problems are returned in `problem`). */
export function readDiskFile(path: string): DiskFile {
  const p = toPosix(path);
  try {
    const st = statSync(path);
    const mode = process.platform === 'win32' ? undefined : st.mode & 0o7777;
    if (st.size > MAX_FILE_BYTES) return { path: p, text: '', problem: `file is larger than ${MAX_FILE_BYTES} bytes; not checked`, mode };
    const bytes = readFileSync(path);
    if (looksBinary(bytes)) return { path: p, text: '', problem: 'binary file (NUL bytes); not checked', mode };
    return { path: p, text: decodeBytes(bytes), mode, ...(startsWithUtf8Bom(bytes) ? { bom: true } : {}) };
  } catch (e) {
    return { path: p, text: '', problem: `cannot read: ${(e as Error).message}` };
  }
}

/** Converts an OS path to an absolute POSIX path. */
export function toPosix(path: string): string {
  return resolve(path).split(sep).join(posix.sep);
}

/** What `walk` found: candidate files and vpnconf.json files (sorted), and the folders it could not list. */
export interface WalkListing {
  files: string[];
  vpnconfJson: string[];
  /** Folders under the root (or the root) whose listing failed (EACCES, ENAMETOOLONG ...), with the reason, sorted by path. */
  unreadableDirs: Array<{ path: string; problem: string }>;
}

/**
 * Lists the files under `root` (a folder or a single file) that vpnconf reads, plus every vpnconf.json.
 * Follows no symlinked folders; skips VCS and build folders. Explicitly named files are always returned.
 * Never throws for a folder it cannot list (returned in `unreadableDirs`); `readdir` is a test seam. Throws
 * when `root` itself cannot be stat'ed (callers check it exists).
 */
export function walk(root: string, readdir: typeof readdirSync = readdirSync): WalkListing {
  const files: string[] = [];
  const vpnconfJson: string[] = [];
  const unreadableDirs: Array<{ path: string; problem: string }> = [];
  const st = statSync(root);
  if (st.isFile()) return { files: [root], vpnconfJson, unreadableDirs };
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdir(dir, { withFileTypes: true });
    } catch (e) {
      // Its files may be ones vpnconf should check: the caller reports the folder (never skipped in silence).
      unreadableDirs.push({ path: dir, problem: `cannot list this folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    for (const e of entries) {
      const full = `${dir}${dir.endsWith('/') ? '' : '/'}${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(full);
      } else if (e.isFile()) {
        if (e.name === 'vpnconf.json') vpnconfJson.push(full);
        else if (isCandidate(full)) files.push(full);
      }
    }
  }
  return { files: files.sort(), vpnconfJson, unreadableDirs: unreadableDirs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** True for a file name vpnconf may read: a known name or extension, or a `.conf`/`.txt`/`.cfg` whose content decides. */
export function isCandidate(path: string): boolean {
  return detectLanguage(toPosix(path)) !== null || /\.(conf|txt|cfg)$/.test(path);
}

/** True when `path` is an existing folder (false on any error). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
