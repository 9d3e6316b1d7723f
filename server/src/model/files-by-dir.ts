import { posix } from 'node:path';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';

/** Libreswan files by folder, as include resolution looks them up (a `Map<string, AnalyzedFile[]>` is one). */
export interface FilesByDir {
  /** The files of one folder (absolute POSIX path); undefined or empty when it holds none. */
  get(dir: string): AnalyzedFile[] | undefined;
  /** Every non-empty folder's files. */
  values(): Iterable<AnalyzedFile[]>;
}

const byDirCache = new WeakMap<WorkspaceSnapshot, FilesByDir>();
/** URIs of the Libreswan files by folder, per host grouping (the grouping is replaced when the file set changes). */
const uriByDirCache = new WeakMap<object, Map<string, string[]>>();

/**
 * Libreswan files of a snapshot grouped by folder (memoized), so include globs need no full scan. The
 * folder listing is kept per host grouping (it changes only with the set of files) and a folder's URIs are
 * mapped to the snapshot's file objects when the folder is first looked up, so an edit costs the folders
 * its includes name, not every file of the workspace.
 */
export function libreswanFilesByDir(snapshot: WorkspaceSnapshot): FilesByDir {
  let m = byDirCache.get(snapshot);
  if (!m) {
    let uris = uriByDirCache.get(snapshot.hosts);
    if (!uris) {
      uris = new Map();
      for (const f of snapshot.files.values()) {
        if (f.languageId !== 'libreswan') continue;
        const d = posix.dirname(f.path);
        const list = uris.get(d) ?? [];
        list.push(f.uri);
        uris.set(d, list);
      }
      uriByDirCache.set(snapshot.hosts, uris);
    }
    m = new LazyFilesByDir(snapshot, uris);
    byDirCache.set(snapshot, m);
  }
  return m;
}

/** `FilesByDir` of one snapshot, each folder's file objects looked up once, on first use. */
class LazyFilesByDir implements FilesByDir {
  private readonly memo = new Map<string, AnalyzedFile[]>();
  constructor(
    private readonly snapshot: WorkspaceSnapshot,
    private readonly uris: ReadonlyMap<string, readonly string[]>,
  ) {}

  get(dir: string): AnalyzedFile[] | undefined {
    let files = this.memo.get(dir);
    if (!files) {
      const list = this.uris.get(dir);
      if (!list) return undefined;
      files = list.map((u) => this.snapshot.files.get(u)).filter((f): f is AnalyzedFile => f?.languageId === 'libreswan');
      this.memo.set(dir, files);
    }
    return files.length ? files : undefined;
  }

  *values(): Iterable<AnalyzedFile[]> {
    for (const dir of this.uris.keys()) {
      const files = this.get(dir);
      if (files) yield files;
    }
  }
}
