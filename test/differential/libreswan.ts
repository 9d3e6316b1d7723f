import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../server/src/checks/run';
import type { Finding } from '../../server/src/core/types';
import { uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';

/** Where the real `addconn` of the Libreswan package lives (Debian layout). */
export const ADDCONN = '/usr/libexec/ipsec/addconn';

/** One line of the oracle's output: 1-based `line` (null when addconn gives none) and the message. */
export interface OracleLine {
  line: number | null;
  message: string;
}

/** Verdict of the real Libreswan 4.10 parser on one file. */
export interface OracleVerdict {
  ok: boolean;
  lines: OracleLine[];
}

/**
 * Runs the real addconn on `dir/name` from `dir` (relative includes resolve against the working directory),
 * exactly as `../shared/oracles/check-libreswan.sh` does (`addconn --checkconfig --config FILE`, stderr
 * kept) and reads its messages the same way, in-process: one process per file instead of five, which keeps
 * ~500 runs well under the test's time budget. Never rejects; a failed spawn is a rejection without a line.
 */
export function runAddconnAsync(dir: string, name: string): Promise<OracleVerdict> {
  return new Promise((resolveVerdict) => {
    const child = spawn(ADDCONN, ['--checkconfig', '--config', name], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    child.on('error', (e) => resolveVerdict({ ok: false, lines: [{ line: null, message: String(e) }] }));
    child.on('close', (code) => resolveVerdict({ ok: code === 0 && err === '', lines: parseOracle(err) }));
  });
}

/** Splits addconn's stderr like the oracle script: `[<newline>]` becomes `[\n]`; a line number when given. */
export function parseOracle(stderr: string): OracleLine[] {
  const lines: OracleLine[] = [];
  for (const l of stderr.replace(/\[\n\]/g, '[\\n]').split('\n')) {
    if (!l.trim()) continue;
    const m = /:([0-9]+): syntax error/.exec(l) ?? /^ERROR: [^:]*: ([0-9]+): /.exec(l);
    lines.push({ line: m ? Number(m[1]) : null, message: l });
  }
  return lines;
}

/**
 * The 0-based line an addconn message points at. addconn prints its line counter, which has already moved
 * past a newline it just read: when the offending token is that newline (`syntax error [\n]`, e.g. a
 * missing `=` or a bool value with no boolean in it) the problem is on the line the newline ends, one
 * before the printed number. Returns both readings.
 */
export function oracleLine(l: OracleLine): { printed: number; meant: number } | null {
  if (l.line === null) return null;
  const printed = l.line - 1;
  return { printed, meant: /\[\\n\]$/.test(l.message) ? Math.max(0, printed - 1) : printed };
}

/** Our findings on one Libreswan file checked alone (the CLI's WorkspaceStore + runChecks path), for 4.10. */
export function checkAlone(path: string, text: string): Finding[] {
  const store = new WorkspaceStore({ libreswanVersion: '4' });
  store.set(uriOfPath(path), text, 1, 'libreswan');
  return [...runChecks(store.snapshot()).values()].flat();
}

/** A row of the corpus verdicts file: path relative to the corpus folder, verdict, 1-based line or null. */
export interface CorpusVerdict {
  file: string;
  verdict: 'ok' | 'reject';
  line: number | null;
  message: string;
}

/** Reads `libreswan-4.10.conf-verdicts.tsv` (header skipped). */
export function readVerdicts(shared: string): CorpusVerdict[] {
  const tsv = join(shared, 'corpus', 'libreswan-4.10.conf-verdicts.tsv');
  if (!existsSync(tsv)) return [];
  const out: CorpusVerdict[] = [];
  for (const row of readFileSync(tsv, 'utf8').split('\n').slice(1)) {
    if (!row) continue;
    const [file, verdict, line, message] = row.split('\t');
    out.push({ file, verdict: verdict === 'ok' ? 'ok' : 'reject', line: /^[0-9]+$/.test(line ?? '') ? Number(line) : null, message: message ?? '' });
  }
  return out;
}

/** True when a finding of severity error starts on the 0-based line. */
export function errorOnLine(findings: readonly Finding[], line: number): boolean {
  return findings.some((f) => f.severity === 'error' && f.range.start.line === line);
}

/** Short text of a finding for disagreement lists: `L12 code: message`. */
export function showFinding(f: Finding): string {
  return `L${f.range.start.line + 1} ${f.code}: ${f.message}`;
}
