import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CHECKS } from '../checks';
import { applySeverity, runChecks, type SeverityOverrides } from '../checks/run';
import type { AnalysisOptions } from '../checks/types';
import type { Finding, Severity } from '../core/types';
import { readDiskFile, toPosix, walk } from '../workspace/disk';
import { parseVpnconfJson, type HostOverrides } from '../workspace/hosts';
import { detectLanguage, detectNamedFileLanguage } from '../workspace/languages';
import { canonicalUri, pathOfUri, uriOfPath, WorkspaceStore } from '../workspace/workspace';
import { formatText, sortCliFindings, toCliFindings, type CliBase } from './report';
import { toSarif } from './sarif';
import { collectSecrets, redact } from './secrets';
import { runStreamed, type PlannedFile } from './stream';

/** Parsed arguments of `vpnconf check`. */
export interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  paths: string[];
  options: AnalysisOptions;
  overrides: SeverityOverrides;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
/** Codes `--severity` accepts: every check, plus the CLI's own findings about its input. */
export const CLI_CODES = ['unreadable-file', 'vpnconf-json', 'internal-error'] as const;
const KNOWN_CODES: ReadonlySet<string> = new Set([...CHECKS.map((c) => c.code), ...CLI_CODES]);

/** Parses `check` arguments; returns an error message for bad usage. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | string {
  const args: CheckArgs = { format: 'text', paths: [], options: { libreswanVersion: '5' }, overrides: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--format' || a.startsWith('--format=')) {
      const v = take();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format takes text, json or sarif (got ${v ?? 'nothing'})`;
      args.format = v;
    } else if (a === '--libreswan-version' || a.startsWith('--libreswan-version=')) {
      const v = take();
      if (v !== '4' && v !== '5') return `--libreswan-version takes 4 or 5 (got ${v ?? 'nothing'})`;
      args.options.libreswanVersion = v;
    } else if (a === '--severity' || a.startsWith('--severity=')) {
      const v = take() ?? '';
      const [code, sev] = v.split(':');
      if (!code || !SEVERITIES.includes(sev)) return `--severity takes CODE:error|warning|information|hint|off (got ${v})`;
      if (!KNOWN_CODES.has(code)) return `--severity: no check has the code ${code}`;
      (args.overrides as Record<string, Severity | 'off'>)[code] = sev as Severity | 'off';
    } else if (a === '--') {
      // Everything after `--` is a PATH, even when it starts with '-'.
      args.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) return 'no PATH given';
  return args;
}

/** Result of a check run: what to print and the exit code (0 clean, 1 errors found, 2 unreadable input). */
export interface CheckOutcome {
  output: string;
  exitCode: 0 | 1 | 2;
  findings: Finding[];
}

/**
 * Runs `vpnconf check` on files and folders (the same core as the language server): reads every file
 * vpnconf understands, groups hosts, runs all checks, formats the result. PSKs never appear in the output.
 */
export function runCheck(args: CheckArgs, version = '0.0.0'): CheckOutcome {
  return runCheckStreamed(args, version) ?? runCheckWhole(args, version);
}

/**
 * Walks every PATH: its listing, the base its files are shown relative to (DESIGN §4), and the PATHs that
 * name a file (checked whatever their extension). A PATH that does not exist gives the usage outcome (exit 2).
 */
function walkPaths(paths: readonly string[]): { bases: CliBase[]; listings: Array<ReturnType<typeof walk>>; named: Set<string> } | CheckOutcome {
  const bases: CliBase[] = [];
  const named = new Set<string>();
  const listings: Array<ReturnType<typeof walk>> = [];
  for (const p of paths) {
    if (!existsSync(p)) return { output: `vpnconf: no such file or folder: ${p}\n`, exitCode: 2, findings: [] };
    const listing = walk(p);
    const isFile = listing.files.length === 1 && listing.files[0] === p && !listing.vpnconfJson.length && !existsSync(`${p}/`);
    // One PATH: files relative to it (a file PATH: to its folder). Several: a file PATH is its own base, shown
    // as typed; a folder's files are prefixed by the folder as typed (`./x` stays `./x`, trailing `/` dropped).
    const typed = p.replace(/\\/g, '/');
    const label = paths.length > 1 ? typed.replace(/(.)\/+$/, '$1') : '';
    bases.push({ root: toPosix(isFile && !label ? dirname(p) : p), label });
    listings.push(listing);
    if (isFile) named.add(p);
  }
  return { bases, listings, named };
}

/** `runCheck` on one WorkspaceStore holding every file (the classic path; the fallback of the streamed one). */
export function runCheckWhole(args: CheckArgs, version = '0.0.0'): CheckOutcome {
  const walked = walkPaths(args.paths);
  if ('exitCode' in walked) return walked;
  const store = new WorkspaceStore(args.options);
  const unreadable: Finding[] = [];
  // Distinct files: overlapping PATHs (`d d/gw`, `x ./x/`) list some files twice.
  const counted = new Set<string>();
  for (const listing of walked.listings) {
    for (const u of listing.unreadableDirs) unreadable.push(folderProblem(u.path, u.problem));
    for (const j of listing.vpnconfJson) {
      const err = store.setVpnconfJson(toPosix(j), readFileSync(j, 'utf8'));
      if (err) unreadable.push({ uri: uriOfPath(toPosix(j)), range: zero, severity: 'error', code: 'vpnconf-json', message: err });
    }
    for (const f of listing.files) {
      const d = readDiskFile(f);
      const named = walked.named.has(f);
      const lang = !named ? null : d.problem ? detectLanguage(d.path) : detectNamedFileLanguage(d.path, d.text);
      // A file named on the command line is never skipped in silence: unreadable, or of no language vpnconf knows.
      if (named && !lang) {
        counted.add(uriOfPath(d.path));
        unreadable.push(d.problem ? problemOf(uriOfPath(d.path), d.problem) : unknownLanguage(uriOfPath(d.path)));
        continue;
      }
      const file = store.set(uriOfPath(d.path), d.text, 0, lang, d.mode, !!d.bom);
      if (!file) continue;
      // Before any snapshot: part of its construction (the store only knows the decoded text).
      if (d.problem) file.readProblem = d.problem;
      counted.add(file.uri);
      if (d.problem) unreadable.push(problemOf(file.uri, d.problem));
    }
  }
  const snapshot = store.snapshot();
  const byUri = runChecks(snapshot, args.overrides);
  return report(args, version, walked.bases, unreadable, byUri, counted.size, collectSecrets(snapshot));
}

/** Formats the findings of a run, redacts every secret, and decides the exit code. */
function report(args: CheckArgs, version: string, bases: CliBase[], unreadable: Finding[], byUri: Map<string, Finding[]>, fileCount: number, secrets: readonly string[]): CheckOutcome {
  const inputProblems = applySeverity(unreadable, args.overrides);
  const findings = [...inputProblems, ...[...byUri.values()].flat()];
  // Each message redacted before it is cut to length (a cut must not leave half a secret); the whole output again below.
  const list = sortCliFindings(toCliFindings(findings, bases, (m) => redact(m, secrets)));
  let output: string;
  if (args.format === 'json') output = JSON.stringify(list, null, 2) + '\n';
  else if (args.format === 'sarif') output = JSON.stringify(toSarif(list, CHECKS, version), null, 2) + '\n';
  else output = formatText(list, fileCount);
  output = redact(output, secrets);
  // Unreadable input (binary, too large, unreadable, malformed vpnconf.json) is exit 2, as the contract says.
  const exitCode = inputProblems.length ? 2 : list.some((f) => f.severity === 'error') ? 1 : 0;
  return { output, exitCode, findings };
}

/**
 * `runCheck` host by host (cli/stream.ts): plans the files from their paths (reading only files whose
 * language depends on their content), then streams. Returns null when the streamed run cannot give the
 * whole-workspace answer (an include across hosts): the caller then runs `runCheckWhole`.
 */
function runCheckStreamed(args: CheckArgs, version: string): CheckOutcome | null {
  const walked = walkPaths(args.paths);
  if ('exitCode' in walked) return walked;
  const overrides = new Map<string, HostOverrides>();
  const jsonErrors: Array<{ at: number; finding: Finding }> = [];
  // Input problems the plan does not hold (folders that cannot be listed, named files of no language), by plan position.
  const namedProblems: Array<{ at: number; finding: Finding }> = [];
  const unplanned = new Set<string>();
  const plan: PlannedFile[] = [];
  for (const listing of walked.listings) {
    for (const u of listing.unreadableDirs) namedProblems.push({ at: plan.length, finding: folderProblem(u.path, u.problem) });
    for (const j of listing.vpnconfJson) {
      const path = toPosix(j);
      const parsed = parseVpnconfJson(path.replace(/\/[^/]*$/, '') || '/', readFileSync(j, 'utf8'));
      overrides.delete(path);
      if ('error' in parsed) jsonErrors.push({ at: plan.length, finding: { uri: uriOfPath(path), range: zero, severity: 'error', code: 'vpnconf-json', message: parsed.error } });
      else overrides.set(path, parsed);
    }
    for (const f of listing.files) {
      const uri = canonicalUri(uriOfPath(toPosix(f)));
      const path = pathOfUri(uri);
      let languageId = detectLanguage(path);
      if (!languageId) {
        const d = readDiskFile(f);
        languageId = walked.named.has(f) && !d.problem ? detectNamedFileLanguage(path, d.text) : detectLanguage(path, d.text);
        // A file named on the command line is never skipped in silence: unreadable, or of no language vpnconf knows.
        if (!languageId && walked.named.has(f)) {
          namedProblems.push({ at: plan.length, finding: d.problem ? problemOf(uri, d.problem) : unknownLanguage(uri) });
          unplanned.add(uri);
        }
      }
      if (languageId) plan.push({ diskPath: f, uri, path, languageId });
    }
  }
  const ov = [...overrides.values()].sort((a, b) => b.base.length - a.base.length);
  const run = runStreamed(plan, ov, args.options, args.overrides);
  if (!run) return null;
  // Input problems in the order the classic run meets them: each vpnconf.json before the files after it.
  const unreadable: Finding[] = [];
  let j = 0;
  let k = 0;
  for (let i = 0; i <= plan.length; i++) {
    while (j < jsonErrors.length && jsonErrors[j].at === i) unreadable.push(jsonErrors[j++].finding);
    while (k < namedProblems.length && namedProblems[k].at === i) unreadable.push(namedProblems[k++].finding);
    const problem = i < plan.length ? run.problems.get(plan[i].uri) : undefined;
    if (problem) unreadable.push(problemOf(plan[i].uri, problem));
  }
  const secrets = [...new Set(run.secrets)].sort((a, b) => b.length - a.length);
  return report(args, version, walked.bases, unreadable, run.byUri, new Set([...plan.map((p) => p.uri), ...unplanned]).size, secrets);
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The `unreadable-file` finding of a file (or folder) vpnconf could not read; `problem` says why. */
function problemOf(uri: string, problem: string): Finding {
  return { uri, range: zero, severity: 'error', code: 'unreadable-file', message: `vpnconf could not check this file: ${problem}.` };
}

/** The `unreadable-file` finding of a folder the walk could not list (its files may be ones vpnconf should check). */
function folderProblem(dir: string, problem: string): Finding {
  return { uri: uriOfPath(toPosix(dir)), range: zero, severity: 'error', code: 'unreadable-file', message: `vpnconf could not check the files of this folder: ${problem}.` };
}

/** The `unreadable-file` finding of a file named on the command line whose language neither its name nor its content tells. */
function unknownLanguage(uri: string): Finding {
  return {
    uri,
    range: zero,
    severity: 'error',
    code: 'unreadable-file',
    message: 'vpnconf could not tell the language of this file from its name or content (Libreswan ipsec.conf or secrets, FRR, Yamaha RTX), so it was not checked. Rename it (e.g. *.conf in ipsec.d/, *.secrets, frr.conf, *.rtx) or check the folder that holds it.',
  };
}
