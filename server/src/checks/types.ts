import type { Finding, FileProblem, LanguageId, Severity } from '../core/types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import type { Host } from '../workspace/hosts';

/**
 * Options that change what a check finds (not how severe it is: severities are applied after checks run,
 * from the `vpnconf.checks` setting, and checks never read settings).
 */
export interface AnalysisOptions {
  /** Libreswan major version the configs target: decides obsolete/unknown keywords. Default "5". */
  libreswanVersion: '4' | '5';
}

/** What every check declares about itself. `code` == file name == settings key == fixture folder. */
export interface CheckMeta {
  code: string;
  defaultSeverity: Severity;
  /** One sentence for the README table and the settings schema. */
  description: string;
}

/** A check that looks at one file at a time (its result is cached per file version). */
export interface FileCheck extends CheckMeta {
  scope: 'file';
  /** Languages whose files this check reads. */
  languages: readonly LanguageId[];
  run(file: AnalyzedFile, snapshot: WorkspaceSnapshot): FileProblem[];
  /**
   * Optional, Libreswan files only: true when the problems of each section depend only on that Section
   * object and the options, and lie on the section's own lines. The runner then re-runs the check only on
   * the sections an edit re-parsed (checks/sections.ts) and keeps the problems of the others.
   */
  sectionLocal?: boolean;
}

/** A check that joins facts across files and hosts (runs on the whole snapshot). */
export interface WorkspaceCheck extends CheckMeta {
  scope: 'workspace';
  run(snapshot: WorkspaceSnapshot): Finding[];
  /**
   * Optional: the findings of one host, for checks whose findings on a host depend only on that host's
   * files. The runner then caches them per host and file versions (see `perHost` in util.ts).
   */
  runHost?(snapshot: WorkspaceSnapshot, host: Host): Finding[];
}

export type Check = FileCheck | WorkspaceCheck;
