import { URI } from 'vscode-uri';
import type { LanguageId } from '../core/types';
import { splitLines } from '../core/text';
import { parseAny } from '../languages';
import type { AnalysisOptions } from '../checks/types';
import { groupHosts, parseVpnconfJson, type Host, type HostIndex, type HostOverrides } from './hosts';
import { detectLanguage } from './languages';
import type { AnalyzedFile, WorkspaceSnapshot } from './types';
import { PatchedMap } from './file-map';

/** A snapshot's link to the store's snapshot just before it: same host grouping and options, and what changed. */
interface ChangeLink {
  previous: WorkspaceSnapshot;
  /** URIs set in between (a superset of the changed files; every one a key of both snapshots). */
  uris: ReadonlySet<string>;
}

/** Per snapshot, its link to the one before; only the last LINKS links are kept, so no long chain builds up. */
const linkOf = new WeakMap<WorkspaceSnapshot, ChangeLink>();
const LINKS = 8;
/** Per store snapshot, a number unique in the process (counting up), so a cache can remember one without holding it. */
const serialOf = new WeakMap<WorkspaceSnapshot, number>();
let nextSerial = 1;

/** The snapshot's serial number (unique in the process, increasing), or 0 for a snapshot no store made. */
export function snapshotSerial(snapshot: WorkspaceSnapshot): number {
  return serialOf.get(snapshot) ?? 0;
}

/**
 * The URIs whose files may differ between `earlier` (a snapshot or its `snapshotSerial`) and `snapshot`
 * (a superset: compare the file objects to be sure), when the store knows them: both snapshots came from
 * one store, `earlier` at most 8 snapshots back, with no file added or removed and the same vpnconf.json
 * and options in between (an added or removed file regroups the hosts, which breaks the chain).
 * Undefined otherwise (the caller then compares everything). Lets the runner, the tunnel model and the
 * secrets collection do O(changed files) of work per edit instead of O(files), even when hover or
 * completion took snapshots in between.
 */
export function changedSince(snapshot: WorkspaceSnapshot, earlier: WorkspaceSnapshot | number): ReadonlySet<string> | undefined {
  const target = typeof earlier === 'number' ? earlier : serialOf.get(earlier);
  if (!target) return undefined;
  if (serialOf.get(snapshot) === target) return new Set();
  let out: Set<string> | null = null;
  let s = snapshot;
  for (let n = 0; n < LINKS; n++) {
    const link = linkOf.get(s);
    if (!link) return undefined;
    if (out) for (const u of link.uris) out.add(u);
    if (serialOf.get(link.previous) === target) return out ?? link.uris;
    out ??= new Set(link.uris);
    s = link.previous;
  }
  return undefined;
}

/**
 * True when the store knows that no file of `host` changed between `earlier` (a snapshot or its serial)
 * and `snapshot` (see `changedSince`); false when one may have or when that is not known. O(changed
 * files): lets a per-host cache validated at `earlier` stay valid without comparing every host's files.
 */
export function hostUnchangedSince(snapshot: WorkspaceSnapshot, earlier: WorkspaceSnapshot | number, host: Host): boolean {
  const uris = changedSince(snapshot, earlier);
  if (!uris) return false;
  for (const u of uris) if (snapshot.hosts.hostOfUri.get(u) === host) return false;
  return true;
}

/**
 * True when `host`'s files in `snapshot` are the very objects of `files` (a per-host cache's record, found
 * valid at the snapshot with serial `seen`, 0 for none): O(changed files) through `hostUnchangedSince` when
 * the store knows what changed since `seen`, else a comparison of the host's file objects one by one.
 */
export function hostFilesSame(snapshot: WorkspaceSnapshot, host: Host, seen: number, files: readonly (AnalyzedFile | undefined)[]): boolean {
  if (seen && hostUnchangedSince(snapshot, seen, host)) return true;
  const uris = host.fileUris;
  return files.length === uris.length && uris.every((u, i) => snapshot.files.get(u) === files[i]);
}

/** Largest patch on top of the frozen file map before the snapshot copies the map again (amortizes the copy). */
const PATCH_LIMIT = 64;

/** Canonical URI of an absolute path (VS Code's own encoding, so open and indexed files share one key). */
export function uriOfPath(path: string): string {
  return URI.file(path).toString();
}

/** Absolute POSIX path of a `file:` URI (any encoding). */
export function pathOfUri(uri: string): string {
  return URI.parse(uri).path;
}

/** Canonical form of a client URI. */
export function canonicalUri(uri: string): string {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? URI.file(u.path).toString() : u.toString();
}

/**
 * Parses one file into its immutable analyzed form (`mode`: permission bits from disk, if known). Never
 * throws. `previous`: the same file's earlier analyzed form, whose unchanged parts the parser may reuse.
 */
export function analyzeFile(uri: string, path: string, languageId: LanguageId, text: string, version: number, mode?: number, previous?: AnalyzedFile): AnalyzedFile {
  const { parsed, problems } = parseAny(languageId, text, previous?.languageId === languageId ? previous.parsed : undefined);
  const file: AnalyzedFile = { uri, path, languageId, version, text, lines: splitLines(text), parsed, parseProblems: problems };
  if (mode !== undefined) file.mode = mode;
  return file;
}

/**
 * The mutable store behind the server and the CLI: every known file (open in an editor or read from
 * disk), the vpnconf.json overrides and the options. `snapshot()` returns an immutable view; a change
 * re-parses only the changed file, and host grouping is recomputed only when the set of files changes.
 */
export class WorkspaceStore {
  private readonly files = new Map<string, AnalyzedFile>();
  private readonly overrides = new Map<string, HostOverrides>();
  private hostIndex: HostIndex | null = null;
  private current: WorkspaceSnapshot | null = null;
  /** The last snapshots made, oldest first (kept after a change, unlike `current`, to record what changed since). */
  private recent: WorkspaceSnapshot[] = [];
  /** URIs set since `last` was made. */
  private changed = new Set<string>();
  /**
   * A copy of `files` shared with snapshots (never modified), and the files replaced since it was made (only
   * URIs it holds): a snapshot is `frozen` plus a copy of `patch`. Null after a file was added or removed.
   */
  private frozen: Map<string, AnalyzedFile> | null = null;
  private patch = new Map<string, AnalyzedFile>();

  constructor(private options: AnalysisOptions) {}

  /**
   * Adds or replaces a file. `languageId` may come from the editor; otherwise it is detected from the
   * path and content. `mode` is the file's permission bits on disk when the caller knows them (undefined:
   * keep the mode already known for this URI, e.g. while the file is open in an editor); `bom` likewise
   * whether the file on disk starts with a UTF-8 byte order mark (editor text never holds it). Returns the
   * analyzed file, or null when vpnconf does not read this file.
   */
  set(uri: string, text: string, version: number, languageId?: LanguageId | null, mode?: number, bom?: boolean): AnalyzedFile | null {
    uri = canonicalUri(uri);
    const path = pathOfUri(uri);
    const lang = languageId ?? detectLanguage(path, text);
    if (!lang) {
      this.delete(uri);
      return null;
    }
    const old = this.files.get(uri);
    mode ??= old?.mode;
    // A client that does not strip the BOM hands it over in the text (the parsers skip it).
    const hasBom = text.charCodeAt(0) === 0xfeff || (bom ?? old?.bom ?? false);
    if (old && old.version === version && old.text === text && old.languageId === lang && old.mode === mode && !!old.bom === hasBom) return old;
    const file = analyzeFile(uri, path, lang, text, version, mode, old);
    if (hasBom) file.bom = true;
    if (!old || old.languageId !== lang) this.hostIndex = null;
    this.files.set(uri, file);
    if (!old) this.frozen = null;
    else if (this.frozen) this.patch.set(uri, file);
    this.changed.add(uri);
    this.current = null;
    return file;
  }

  /** Forgets a file (deleted on disk, or no longer a vpnconf language). Returns true if it was known. */
  delete(uri: string): boolean {
    uri = canonicalUri(uri);
    if (!this.files.delete(uri)) return false;
    this.hostIndex = null;
    this.frozen = null;
    this.current = null;
    return true;
  }

  /** Forgets every file below a folder (the folder was deleted or renamed). Returns how many. */
  deleteUnder(folder: string): number {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    let n = 0;
    for (const [uri, f] of this.files) if (f.path.startsWith(prefix) && this.delete(uri)) n++;
    return n;
  }

  /** The file at a URI, if known. */
  get(uri: string): AnalyzedFile | undefined {
    return this.files.get(canonicalUri(uri));
  }

  /** Sets or clears (text null) the vpnconf.json at an absolute path; returns an error message if malformed. */
  setVpnconfJson(path: string, text: string | null): string | null {
    const base = path.replace(/\/[^/]*$/, '') || '/';
    this.hostIndex = null;
    this.current = null;
    if (text === null) {
      this.overrides.delete(path);
      return null;
    }
    const parsed = parseVpnconfJson(base, text);
    if ('error' in parsed) {
      this.overrides.delete(path);
      return parsed.error;
    }
    this.overrides.set(path, parsed);
    return null;
  }

  /** Replaces the analysis options (e.g. the Libreswan version setting changed). */
  setOptions(options: AnalysisOptions): void {
    if (JSON.stringify(options) === JSON.stringify(this.options)) return;
    this.options = options;
    this.current = null;
  }

  /**
   * The immutable view of the workspace now (cached until the next change). Costs O(changed files) when
   * no file was added or removed since the last snapshot (the file map is shared, see `PatchedMap`), and
   * records the changed URIs for `changedSince`.
   */
  snapshot(): WorkspaceSnapshot {
    if (this.current) return this.current;
    if (!this.hostIndex) {
      const ov = [...this.overrides.values()].sort((a, b) => b.base.length - a.base.length);
      this.hostIndex = groupHosts(this.files.values(), ov);
    }
    if (!this.frozen || this.patch.size > PATCH_LIMIT) {
      this.frozen = new Map(this.files);
      this.patch = new Map();
    }
    const files = this.patch.size ? new PatchedMap(this.frozen, new Map(this.patch)) : this.frozen;
    const snap: WorkspaceSnapshot = { files, hosts: this.hostIndex, options: this.options };
    const prev = this.recent[this.recent.length - 1];
    if (prev && prev.hosts === snap.hosts && prev.options === snap.options) linkOf.set(snap, { previous: prev, uris: this.changed });
    serialOf.set(snap, nextSerial++);
    this.changed = new Set();
    this.recent.push(snap);
    if (this.recent.length > LINKS) linkOf.delete(this.recent.shift()!);
    this.current = snap;
    return snap;
  }
}
