import type { FileProblem, LanguageId } from '../core/types';
import type { LibreswanFile } from '../languages/libreswan/ast';
import type { SecretsFile } from '../languages/secrets/ast';
import type { FrrFile } from '../languages/frr/ast';
import type { YamahaFile } from '../languages/yamaha/ast';
import type { AnalysisOptions } from '../checks/types';
import type { HostIndex } from './hosts';

/** The parsed form of one file, tagged by language. */
export type ParsedFile =
  | { languageId: 'libreswan'; ast: LibreswanFile }
  | { languageId: 'libreswan-secrets'; ast: SecretsFile }
  | { languageId: 'frr'; ast: FrrFile }
  | { languageId: 'yamaha-rtx'; ast: YamahaFile };

/** One file of the workspace, parsed. Immutable: a change produces a new object. */
export interface AnalyzedFile {
  /** `file:///...` URI. */
  uri: string;
  /** Absolute file-system path (POSIX separators). */
  path: string;
  languageId: LanguageId;
  /** Content version: the editor's version for open documents, a counter for files read from disk. */
  version: number;
  text: string;
  /** `text` split into lines without terminators (0-based index = LSP line). */
  lines: readonly string[];
  parsed: ParsedFile;
  /** Problems the parser found (syntax level). */
  parseProblems: readonly FileProblem[];
  /**
   * Permission bits (`st_mode & 0o7777`) of the file on disk, when the reader knows them (the disk reader
   * on POSIX systems); undefined for unsaved editor text, virtual files and Windows. Read by pure checks
   * (secrets-permissions) without any IO.
   */
  mode?: number;
  /**
   * Why the disk reader could not use the file (binary, too large, cannot read), when it could not: the
   * file is then analyzed as empty text and reported as `unreadable-file` by the CLI. Checks that would
   * report the absence of its content (psk-missing for a secrets file) stay silent on its host.
   */
  readProblem?: string;
  /** True when the file on disk starts with a UTF-8 byte order mark, which the decoder drops (from the disk read: `WorkspaceStore.set`'s `bom`, the CLI's host-by-host reads). */
  bom?: boolean;
}

/**
 * An immutable view of the whole workspace at one moment: every known file (open or not), the hosts the
 * files are grouped into (DESIGN §3), and the analysis options. Checks and features are pure functions of it.
 */
export interface WorkspaceSnapshot {
  files: ReadonlyMap<string, AnalyzedFile>;
  hosts: HostIndex;
  options: AnalysisOptions;
}
