import type { Finding, Range } from '../core/types';
import type { WorkspaceSnapshot } from '../workspace/types';

/** One text edit of a quick fix: replace `range` (0-based, UTF-16) of the file `uri` with `newText`. */
export interface TextEditLike {
  uri: string;
  range: Range;
  newText: string;
}

/** A quick fix as a pure value: a title and the edits (possibly in several files). Never applied here. */
export interface CodeActionLike {
  title: string;
  edits: TextEditLike[];
  /** The fix to offer first. */
  isPreferred?: boolean;
}

/** The part of a finding a quick fix needs (an LSP Diagnostic converted back, or a Finding). */
export type FixableFinding = Pick<Finding, 'uri' | 'range' | 'code' | 'data'>;

/** A quick-fix provider beside its check: pure function of the finding and the snapshot. */
export type FixProvider = (finding: FixableFinding, snapshot: WorkspaceSnapshot) => CodeActionLike[];
