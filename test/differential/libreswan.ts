import { spawnSync } from 'node:child_process';
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
 * Runs `check-libreswan.sh FILE` (addconn --checkconfig) from the file's folder, as the oracle README asks
 * (relative includes resolve against the working directory). Never throws; a failed spawn is a rejection
 * without a line.
 */
export function runAddconn(script: string, dir: string, name: string): OracleVerdict {
  const r = spawnSync('/bin/bash', [script, name], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  if (r.error) return { ok: false, lines: [{ line: null, message: String(r.error) }] };
  const lines: OracleLine[] = [];
  for (const l of (r.stdout ?? '').split('\n')) {
    if (!l) continue;
    const tab = l.indexOf('\t');
    const head = tab < 0 ? '-' : l.slice(0, tab);
    lines.push({ line: /^[0-9]+$/.test(head) ? Number(head) : null, message: tab < 0 ? l : l.slice(tab + 1) });
  }
  return { ok: r.status === 0, lines };
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
