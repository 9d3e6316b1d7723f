import type { Range } from '../../core/types';

/**
 * Syntax tree of one Libreswan ipsec.conf-format file, as `addconn` reads it (lib/libipsecconf/parser.y
 * and parser.lex in Libreswan 4.10; lib/libswan/ipsecconf in 5.x). Ranges are 0-based, UTF-16.
 */
export interface LibreswanFile {
  kind: 'libreswan';
  /** The optional `version 2` (or `version 2.0`) line. */
  version: { value: string; range: Range } | null;
  sections: Section[];
  includes: IncludeDirective[];
}

/** A value after `=`: `text` is what Libreswan stores (quotes or braces removed). */
export interface Value {
  text: string;
  /** Range of the value as written, quotes or braces included. */
  range: Range;
  /** Range of `text` alone (inside the quotes or braces). */
  innerRange: Range;
  quoted: boolean;
}

/** One `keyword=value` line inside a section. */
export interface Setting {
  /** The keyword exactly as written (e.g. `leftsubnet`, `x-comment`). */
  key: string;
  keyRange: Range;
  /** `null` when nothing follows `=`. */
  value: Value | null;
  /** The whole statement, keyword to end of value. */
  range: Range;
  /** 0-based line. */
  line: number;
}

/** `config setup` or `conn NAME` with its indented settings. */
export interface Section {
  kind: 'config' | 'conn';
  /** Conn name (`%default` included); `setup` for `config setup`. */
  name: string;
  nameRange: Range;
  /** The header line (`conn NAME`). */
  headerRange: Range;
  /** From the header to the end of the last setting line of the section. */
  range: Range;
  settings: Setting[];
}

/** A top-level `include PATH` line (PATH may be a glob, relative to the including file). */
export interface IncludeDirective {
  path: string;
  pathRange: Range;
  range: Range;
  line: number;
}
