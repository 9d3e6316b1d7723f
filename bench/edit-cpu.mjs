// CPU time of one re-analysis after an edit, measured in-process (process.cpuUsage), so the figure does
// not depend on how busy the machine is: what the server does between didChange and publishDiagnostics
// (re-parse the file, run every check with the server's caches, collect secrets for redaction).
// Uses the tsc output (out/) of `npm run build`; VPNCONF_BENCH_OUT points at another build's out/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stats } from './lsp-bench.mjs';

const require = createRequire(import.meta.url);
const OUT = process.env.VPNCONF_BENCH_OUT ?? join(new URL('..', import.meta.url).pathname, 'out');

/** An export of a module of the build, or null when the build has no such module. */
function requireOr(path, name) {
  try {
    return require(path)[name] ?? null;
  } catch {
    return null;
  }
}

/**
 * Loads every file under `dir` into a WorkspaceStore, runs the checks once, then makes `edits` edits to
 * `target` (a keyword typo and its revert, alternately) and returns p50/p95/max CPU ms per edit.
 */
export function editCpu(dir, target, edits = 100) {
  const { WorkspaceStore, uriOfPath } = require(join(OUT, 'server/src/workspace/workspace'));
  const run = require(join(OUT, 'server/src/checks/run'));
  const { CheckCache } = run;
  const { walk, readDiskFile } = require(join(OUT, 'server/src/workspace/disk'));
  // What the server calls: `analyze` and `workspaceSecrets` where the build has them (older builds: the
  // same work through runChecks and collectSecrets, so a before/after comparison runs the same loop).
  const runChecks = run.analyze ? (snap, o, c) => run.analyze(snap, o, c).results : run.runChecks;
  const collectSecrets = requireOr(join(OUT, 'server/src/workspace/secrets'), 'workspaceSecrets') ?? require(join(OUT, 'server/src/cli/secrets')).collectSecrets;
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  for (const f of walk(dir).files) {
    const d = readDiskFile(f);
    store.set(uriOfPath(d.path), d.text, 0);
  }
  const cache = new CheckCache();
  const overrides = {}; // one object for the whole run, as the server keeps its settings
  runChecks(store.snapshot(), overrides, cache);
  const uri = uriOfPath(target);
  const original = readFileSync(target, 'utf8');
  const typo = original.replace('ikelifetime=', 'ikelifetimx=');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const times = [];
  for (let i = 0; i < edits; i++) {
    const t0 = cpu();
    store.set(uri, i % 2 ? original : typo, i + 1);
    const snap = store.snapshot();
    const found = runChecks(snap, overrides, cache);
    collectSecrets(snap);
    times.push(cpu() - t0);
    const codes = (found.get(uri) ?? []).map((f) => f.code);
    if (i % 2 === 0 ? !codes.includes('unknown-keyword') : codes.length) throw new Error(`edit ${i}: unexpected findings ${JSON.stringify(codes)}`);
  }
  return stats(times);
}
