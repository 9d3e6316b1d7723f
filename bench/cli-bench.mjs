// Whole-workspace timings: `vpnconf check` (wall time and peak RSS), Libreswan's own
// `addconn --checkconfig` looped over the same ipsec files, and `cat` of every file (the floor).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
// VPNCONF_BENCH_DIST: benchmark another build (e.g. a copy of dist/ from before a change).
const CLI = join(process.env.VPNCONF_BENCH_DIST ?? join(ROOT, 'dist'), 'cli.js');
const GNU_TIME = '/usr/bin/time';
const ADDCONN = '/usr/libexec/ipsec/addconn';
const HOOK = join(ROOT, 'bench', 'maxrss-hook.cjs');

/** True when GNU time (Debian `time` package) can report peak RSS. */
let gnuTime;
export const hasGnuTime = () => (gnuTime ??= existsSync(GNU_TIME) && /Maximum resident/.test(spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr ?? ''));
/** True when Libreswan's addconn is installed (Debian `libreswan`). */
export const hasAddconn = () => existsSync(ADDCONN);

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
/** User + system CPU ms from GNU time -v output (NaN when absent): robust when the machine is shared. */
const cpuOf = (text) => 1000 * (Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1]));
/** `cmd args` under GNU time when installed, so CPU time of the whole process tree is known. */
const timed = (cmd, args) => (hasGnuTime() ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, args]);
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Runs `node dist/cli.js check --format json dir` once. Peak RSS comes from GNU time when present, else
 * from a preloaded hook that writes `process.resourceUsage().maxRSS` at exit. Returns wall ms, RSS in MB,
 * the exit code and the parsed findings.
 */
export function runCheckOnce(dir, extraNodeArgs = []) {
  const useTime = hasGnuTime();
  const rssFile = join(mkdtempSync(join(tmpdir(), 'vpnconf-rss-')), 'rss');
  const nodeArgs = [...extraNodeArgs, ...(useTime ? [] : ['--require', HOOK]), CLI, 'check', '--format', 'json', dir];
  const [cmd, args] = useTime ? [GNU_TIME, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, VPNCONF_RSS_FILE: rssFile } });
  const wall = ms(t0);
  let rssKb;
  let cpu = NaN;
  if (useTime) {
    rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    cpu = cpuOf(r.stderr);
  } else rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(join(rssFile, '..'), { recursive: true, force: true });
  let findings = null;
  try {
    findings = JSON.parse(r.stdout);
  } catch {
    findings = null;
  }
  return { wall, cpu, rssMb: rssKb / 1024, status: r.status, findings, stderr: useTime ? '' : r.stderr };
}

/**
 * Process start-up of the CLI: `vpnconf check` on an empty folder (loads the bundle, the keyword and
 * command tables, finds nothing). Median of `runs`.
 */
export function startupMs(runs = 7) {
  const empty = mkdtempSync(join(tmpdir(), 'vpnconf-empty-'));
  const walls = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const r = runCheckOnce(empty);
    walls.push(r.wall);
    cpus.push(r.cpu);
  }
  rmSync(empty, { recursive: true, force: true });
  return { wall: median(walls), cpu: median(cpus) };
}

/**
 * Times `vpnconf check` on a workspace `runs` times and asserts it is clean: exit 0 and no finding at all
 * (a benchmark of a checker that reports errors on a clean workspace is meaningless).
 */
export function benchCheck(dir, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = runCheckOnce(dir);
    const errors = Array.isArray(r.findings) ? r.findings.filter((f) => f.severity === 'error') : [];
    if (errors.length) throw new Error(`clean workspace ${dir} gave ${errors.length} error(s), first: ${JSON.stringify(errors[0])}`);
    if (r.status !== 0 || !Array.isArray(r.findings)) throw new Error(`vpnconf check ${dir} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    results.push(r);
  }
  return {
    wall: median(results.map((r) => r.wall)),
    cpu: median(results.map((r) => r.cpu)),
    walls: results.map((r) => r.wall),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    findings: results[0].findings.length,
  };
}

/**
 * Runs `addconn --checkconfig --config ipsec.conf` in each host folder (so `include ipsec.d/*.conf`
 * resolves the way the file says) from one bash loop, i.e. one fork+exec of addconn per host. When there
 * are more than `maxHosts` hosts, every k-th is run and the time is scaled up (reported as extrapolated).
 * Asserts that addconn accepts every file (rc 0, nothing on stderr).
 */
export function benchAddconn(siteDirs, maxHosts = 1000) {
  const step = Math.max(1, Math.ceil(siteDirs.length / maxHosts));
  const sample = siteDirs.filter((_, i) => i % step === 0);
  const work = mkdtempSync(join(tmpdir(), 'vpnconf-addconn-'));
  writeFileSync(join(work, 'list'), sample.join('\n') + '\n');
  // No command substitution (it would fork a subshell per host): stderr goes to one file, checked after.
  const script = `bad=0; while IFS= read -r d; do cd "$d" || exit 9; ${ADDCONN} --checkconfig --config ipsec.conf >/dev/null 2>>"$2" || bad=$((bad+1)); done < "$1"; [ -s "$2" ] && bad=$((bad+1)); echo $bad`;
  const t0 = process.hrtime.bigint();
  const [cmd, args] = timed('bash', ['-c', script, 'bench', join(work, 'list'), join(work, 'stderr')]);
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = ms(t0);
  const stderr = existsSync(join(work, 'stderr')) ? readFileSync(join(work, 'stderr'), 'utf8') : '';
  rmSync(work, { recursive: true, force: true });
  const bad = Number(r.stdout.trim());
  if (r.status !== 0 || bad !== 0) throw new Error(`addconn rejected ${bad} generated host(s): ${stderr.slice(0, 500)}`);
  const scale = siteDirs.length / sample.length;
  return { wall: wall * scale, cpu: cpuOf(r.stderr) * scale, sampled: sample.length, total: siteDirs.length, extrapolated: sample.length < siteDirs.length };
}

/** `cat` of every file of the workspace to /dev/null (read floor, page cache warm). Median of `runs`. */
export function benchCat(dir, runs = 3) {
  const walls = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const [cmd, args] = timed('sh', ['-c', 'find "$1" -type f -exec cat {} + > /dev/null', 'cat', dir]);
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error('cat failed');
    walls.push(ms(t0));
    cpus.push(cpuOf(r.stderr));
  }
  return { wall: median(walls), cpu: median(cpus) };
}
