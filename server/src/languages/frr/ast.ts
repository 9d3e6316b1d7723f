/**
 * FRR configuration AST: one entry per physical line that holds a command, with its words (0-based UTF-16
 * offsets inside the line), the CLI node vtysh would be in, and the grammar command it matched; plus the
 * blocks (`router bgp`, `address-family`, `route-map`, `interface`, ...) for folding and symbols.
 */

/** One whitespace-separated word of a line. `start`/`end` are 0-based UTF-16 offsets, end exclusive. */
export interface FrrWord {
  text: string;
  start: number;
  end: number;
}

/**
 * How vtysh (8.4.4, `-C`) judges a line: `ok`; `unknown` / `incomplete` / `ambiguous` (its three errors);
 * `not-config` (a top-level `exit` left configuration mode, so vtysh rejects it); `ignored` (after a second
 * top-level `exit` vtysh stops reading); `end` (skipped, as vtysh does).
 */
export type FrrLineStatus = 'ok' | 'unknown' | 'incomplete' | 'ambiguous' | 'not-config' | 'ignored' | 'end';

/** One command line. */
export interface FrrLine {
  /** 0-based line number. */
  line: number;
  words: FrrWord[];
  /** Node active before this line (FRR node name, e.g. `BGP_NODE`). */
  context: string;
  /** Node the command matched in (== context, or an ancestor vtysh climbed to). Set when status is ok. */
  node?: string;
  /** Node active after this line. */
  after: string;
  status: FrrLineStatus;
  /** The matched grammar string (without `$var`), when ok. */
  cmd?: string;
  /** FRR source directory of the matched command (`bgpd`, `zebra`, `staticd`, `lib`, `vtysh`, ...). */
  daemon?: string;
  /** Per word: the grammar token it matched (full keyword, `WORD`, `A.B.C.D/M`, `(1-4294967295)`, ...). */
  leaves?: string[];
  /** Per word: keywords written out in full (abbreviations expanded), other words as typed. */
  norm?: string[];
  /** For unknown: index of the first word no command accepts. */
  badWord?: number;
}

/** A block of lines that belong to a node entered by a header command. Lines are 0-based, inclusive. */
export interface FrrBlock {
  /** Node the header entered, e.g. `BGP_NODE`, `BGP_IPV4_NODE`, `RMAP_NODE`. */
  node: string;
  /** Index into FrrFile.lines of the header command. */
  header: number;
  startLine: number;
  endLine: number;
  children: FrrBlock[];
}

/** A parsed FRR configuration file (bgpd.conf, frr.conf, staticd.conf, zebra.conf). */
export interface FrrFile {
  kind: 'frr';
  /** Command lines in file order (blank and comment lines are left out). */
  lines: FrrLine[];
  /** Top-level blocks, nested. */
  blocks: FrrBlock[];
  /** Number of physical lines of the text. */
  lineCount: number;
}
