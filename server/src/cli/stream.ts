// Streaming whole-workspace check for the CLI: hosts are grouped from paths first, then read, parsed and
// checked one host at a time; only the compact per-host facts the cross-host checks need are kept.
import { posix } from 'node:path';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CHECKS } from '../checks';
import { applySeverity, CheckCache, runChecks, type SeverityOverrides } from '../checks/run';
import type { AnalysisOptions, Check } from '../checks/types';
import type { Finding } from '../core/types';
import { forgetLibreswanHost, includeTries, isGlobDir, resolveInclude } from '../model/libreswan';
import { forgetHostPsks } from '../model/secrets';
import { hostBgp, hostEnds, rebaseHostFacts, type HostBgp } from '../model/tunnels';
import { readDiskFile } from '../workspace/disk';
import { groupHosts, type Host, type HostIndex, type HostOverrides } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { analyzeFile } from '../workspace/workspace';
import { FactInterner } from './compact';
import { secretsOfFile } from './secrets';
import { slimPsks, standIn } from './stand-in';
import { pushAll } from '../core/arrays';

/** One file the CLI will check: where it is on disk, its canonical URI and path, and its language. */
export interface PlannedFile {
  /** The path as walked (OS form), for reading; `runStreamed` sets it to '' once it has read the file. */
  diskPath: string;
  /** Canonical `file:` URI (the store's key). */
  uri: string;
  /** Absolute POSIX path of `uri`. */
  path: string;
  languageId: AnalyzedFile['languageId'];
}

/** What a streamed run produces: per file (in plan order) its findings and secrets, and per file its read problem. */
export interface StreamResult {
  /** Findings by URI, in the order the files were first planned (every file has an entry). */
  byUri: Map<string, Finding[]>;
  /** Secrets of every file, in plan order (not deduplicated, not sorted). */
  secrets: string[];
  /** The read problem of each URI (binary, too large, unreadable), if any. */
  problems: Map<string, string>;
}

/** Checks a host's own files decide: file checks and workspace checks with `runHost`. */
const HOST_CHECKS: readonly Check[] = CHECKS.filter((c) => c.scope === 'file' || c.runHost);
/** Checks that join across hosts (the tunnel model): run once, at the end, on stand-in files. */
const CROSS_CHECKS: readonly Check[] = CHECKS.filter((c) => c.scope === 'workspace' && !c.runHost);

/**
 * Runs every check on the planned files host by host (DESIGN §3 grouping from the paths alone). For each
 * host: read and parse its files, run the file checks and the per-host workspace checks on a snapshot of
 * that host, keep the findings, the secrets, the tunnel ends and BGP facts (`model/tunnels.ts` cache,
 * re-keyed to stand-in files) and the lowered FRR facts; then drop the ASTs and texts. Finally the
 * cross-host checks run once on a snapshot of stand-ins. Peak memory is one host's ASTs plus the compact
 * facts of all hosts, instead of every AST.
 *
 * Returns null when a Libreswan `include` of one host reaches a file of another host: host-by-host
 * snapshots would then disagree with the whole-workspace one, and the caller must check the classic way.
 * Findings are identical to `runChecks` on the whole snapshot (same order once sorted by file). Each
 * planned file's `diskPath` is set to '' once the file is read (the plan is not read again after a run).
 */
export function runStreamed(plan: readonly PlannedFile[], overrides: readonly HostOverrides[], options: AnalysisOptions, severities: SeverityOverrides): StreamResult | null {
  const order = new Map<string, number>();
  const unique: PlannedFile[] = [];
  for (const p of plan) {
    if (order.has(p.uri)) continue;
    order.set(p.uri, unique.length);
    unique.push(p);
  }
  const index: HostIndex = groupHosts(unique, overrides);
  const libreswanByDir = new Map<string, AnalyzedFile[]>();
  for (const p of unique) {
    if (p.languageId !== 'libreswan') continue;
    const d = posix.dirname(p.path);
    const list = libreswanByDir.get(d) ?? [];
    list.push({ uri: p.uri, path: p.path } as AnalyzedFile);
    libreswanByDir.set(d, list);
  }
  const stubs = new Map<string, AnalyzedFile>();
  // Per planned file (by index), created when the file has any: most files have no finding and no secret.
  const found: Array<Finding[] | undefined> = new Array(unique.length);
  const secrets: Array<string[] | undefined> = new Array(unique.length);
  const problems = new Map<string, string>();
  const interner = new FactInterner();
  let done = 0;
  for (const [key, host] of index.hosts) {
    const mine = [...host.fileUris].sort((a, b) => order.get(a)! - order.get(b)!);
    const files = new Map<string, AnalyzedFile>();
    for (const uri of mine) {
      const p = unique[order.get(uri)!];
      const d = readDiskFile(p.diskPath);
      p.diskPath = ''; // read once: the walked path string need not live to the end of the run
      const file = analyzeFile(uri, p.path, p.languageId, d.text, 0, d.mode);
      if (d.problem) {
        problems.set(uri, d.problem);
        file.readProblem = d.problem;
      }
      if (d.bom) file.bom = true;
      files.set(uri, file);
    }
    if (includesOtherHost(files, libreswanByDir)) return null;
    const snapshot = hostSnapshot(files, key, host, index, options);
    for (const [uri, list] of runChecks(snapshot, severities, new CheckCache(), HOST_CHECKS)) if (list.length) pushAll((found[order.get(uri)!] ??= []), interner.compact(list));
    for (const f of files.values()) {
      const own = secretsOfFile(f);
      // Flat copies: a secret sliced out of the file's text would keep the whole text alive.
      if (own.length) pushAll((secrets[order.get(f.uri)!] ??= []), own.map((s) => interner.string(s)));
      stubs.set(f.uri, standIn(f, interner));
    }
    const ends = hostEnds(snapshot, host);
    const bgp = hostBgp(snapshot, host);
    firstMentionsOnly(bgp);
    host.fileUris = host.fileUris.slice(); // exact length: an array grown by push keeps slack
    rebaseHostFacts(host, host.fileUris.map((u) => stubs.get(u)));
    slimPsks(ends);
    interner.compact([ends, bgp]); // one pass: the ends and the host's BGP facts share neighbor objects
    forgetLibreswanHost(host);
    forgetHostPsks(host);
    if (++done % GC_EVERY_HOSTS === 0) collectGarbage();
  }
  libreswanByDir.clear(); // the include check is done: its `{uri, path}` entries can go
  // Stand-ins in plan order, as the whole-workspace snapshot holds the files.
  const all: WorkspaceSnapshot = { files: new Map(unique.map((p) => [p.uri, stubs.get(p.uri)!])), hosts: index, options };
  for (const [uri, list] of runChecks(all, severities, new CheckCache(), CROSS_CHECKS)) if (list.length) pushAll((found[order.get(uri)!] ??= []), list);
  // Each list holds the host part then the cross-host part, each sorted; one stable sort gives the order
  // runChecks gives on the whole snapshot (ties are findings of one check, kept in its order).
  const byUri = new Map(unique.map((p, i) => [p.uri, applySeverity(found[i] ?? [], {})]));
  const allSecrets: string[] = [];
  for (const list of secrets) if (list) pushAll(allSecrets, list);
  return { byUri, secrets: allSecrets, problems };
}

/**
 * Hosts between two explicit full collections (see `collectGarbage`); VPNCONF_GC_EVERY overrides it (a
 * tuning knob for benchmarks: 500 gave 353 MB and 1,000 gave 388 MB peak RSS on 10,000 hosts).
 */
const GC_EVERY_HOSTS = Math.max(1, Number(process.env.VPNCONF_GC_EVERY) || 1000);
let gc: (() => void) | null | undefined;

/**
 * A full garbage collection. V8 grows the old generation well past the live data of a long streaming run
 * (10,000 hosts: ~180 MB live, ~580 MB resident); collecting every GC_EVERY_HOSTS hosts keeps the heap near
 * what the kept facts need (388 MB resident), for ~10 collections of ~100 ms on 10,000 hosts; runs with
 * fewer hosts never collect. `gc` is reached through a
 * fresh context after `--expose-gc` is set at run time (Node has no other API for it).
 */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/**
 * Cuts each BGP neighbor's `mentions` to the first (`address.range`, kept for any reader that takes it):
 * the others are read only by quick fixes (renaming the neighbor), which the CLI never computes. Changes
 * `bgp`'s neighbors in place; the host's tunnel ends share those neighbor objects.
 */
function firstMentionsOnly(bgp: HostBgp): void {
  for (const n of bgp.neighbors) if (n.mentions.length > 1) n.mentions = [n.mentions[0]];
}

/** A snapshot of one host: its files, a host index with that host only (and the workspace's cloud peers). */
function hostSnapshot(files: Map<string, AnalyzedFile>, key: string, host: Host, index: HostIndex, options: AnalysisOptions): WorkspaceSnapshot {
  const hostOfUri = new Map([...files.keys()].map((u) => [u, host]));
  return { files, hosts: { hosts: new Map([[key, host]]), hostOfUri, peers: index.peers }, options };
}

/**
 * True when an `include` of one of the host's Libreswan files matches a file of another host. The exact
 * resolution (minimatch) runs only for includes that could reach another host's folder.
 */
function includesOtherHost(files: Map<string, AnalyzedFile>, byDir: Map<string, AnalyzedFile[]>): boolean {
  const foreign = (t: string): boolean => isGlobDir(t) || (byDir.get(posix.dirname(t)) ?? []).some((c) => !files.has(c.uri));
  for (const f of files.values()) {
    if (f.parsed.languageId !== 'libreswan') continue;
    for (const inc of f.parsed.ast.includes) {
      if (!includeTries(f.path, inc.path).some(foreign)) continue;
      if (resolveInclude(f.path, inc.path, byDir).some((m) => !files.has(m.uri))) return true;
    }
  }
  return false;
}
