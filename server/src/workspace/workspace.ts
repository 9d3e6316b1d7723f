import { URI } from 'vscode-uri';
import type { LanguageId } from '../core/types';
import { splitLines } from '../core/text';
import { parseAny } from '../languages';
import type { AnalysisOptions } from '../checks/types';
import { groupHosts, parseVpnconfJson, type HostIndex, type HostOverrides } from './hosts';
import { detectLanguage } from './languages';
import type { AnalyzedFile, WorkspaceSnapshot } from './types';

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

  constructor(private options: AnalysisOptions) {}

  /**
   * Adds or replaces a file. `languageId` may come from the editor; otherwise it is detected from the
   * path and content. `mode` is the file's permission bits on disk when the caller knows them (undefined:
   * keep the mode already known for this URI, e.g. while the file is open in an editor). Returns the
   * analyzed file, or null when vpnconf does not read this file.
   */
  set(uri: string, text: string, version: number, languageId?: LanguageId | null, mode?: number): AnalyzedFile | null {
    uri = canonicalUri(uri);
    const path = pathOfUri(uri);
    const lang = languageId ?? detectLanguage(path, text);
    if (!lang) {
      this.delete(uri);
      return null;
    }
    const old = this.files.get(uri);
    mode ??= old?.mode;
    if (old && old.version === version && old.text === text && old.languageId === lang && old.mode === mode) return old;
    const file = analyzeFile(uri, path, lang, text, version, mode, old);
    if (!old || old.languageId !== lang) this.hostIndex = null;
    this.files.set(uri, file);
    this.current = null;
    return file;
  }

  /** Forgets a file (deleted on disk, or no longer a vpnconf language). Returns true if it was known. */
  delete(uri: string): boolean {
    uri = canonicalUri(uri);
    if (!this.files.delete(uri)) return false;
    this.hostIndex = null;
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

  /** The immutable view of the workspace now (cached until the next change). */
  snapshot(): WorkspaceSnapshot {
    if (this.current) return this.current;
    if (!this.hostIndex) {
      const ov = [...this.overrides.values()].sort((a, b) => b.base.length - a.base.length);
      this.hostIndex = groupHosts(this.files.values(), ov);
    }
    this.current = { files: new Map(this.files), hosts: this.hostIndex, options: this.options };
    return this.current;
  }
}
