// The editor-latency part of `npm run bench` alone (no CLI runs, no addconn, no BENCH.md): generates the
// 5,000-line host and the 1,000-host workspace, runs the real-server edit/hover/completion loop and the
// in-process CPU per re-analysis, prints one JSON object per scenario.
// Options: --edits 240   --scenario big|ws|both   --dir DIR (reuse/keep generated workspaces there)
//          --cpu-only (skip the server round trips)
// Example: npm run build && node bench/latency.mjs --scenario big --edits 120
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBigHost, generateWorkspace } from './gen.mjs';
import { latencyScenario } from './lsp-bench.mjs';
import { editCpu } from './edit-cpu.mjs';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
}
const edits = Number(arg('edits', '240'));
const scenario = arg('scenario', 'both');
const cpuOnly = process.argv.includes('--cpu-only');
const given = arg('dir', null);
const tmp = given ?? mkdtempSync(join(tmpdir(), 'vpnconf-latency-'));
const log = (m) => process.stderr.write(`latency: ${m}\n`);
const r1 = (s) => s && Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v * 10) / 10]));

try {
  if (scenario !== 'ws') {
    const big = generateBigHost(join(tmp, 'big'));
    log(`big host (${big.lines} lines), load ${loadavg()[0].toFixed(1)}`);
    const cpu = editCpu(join(tmp, 'big'), big.path, 100);
    const lat = cpuOnly ? {} : await latencyScenario({ folder: join(tmp, 'big'), expectedFiles: 4, files: [big.path], edits, requests: edits });
    console.log(JSON.stringify({ scenario: 'big', load: loadavg()[0], cpu: r1(cpu), edit: r1(lat.edit), hover: r1(lat.hover), completion: r1(lat.completion), indexMs: lat.indexMs, rssMb: lat.serverRssMb }));
  }
  if (scenario !== 'big') {
    const dir = join(tmp, 'ws-1000');
    const g = existsSync(join(dir, 'site-00000')) && given ? null : generateWorkspace(dir, 1000);
    const siteDirs = g ? g.siteDirs : Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 10 !== 9).map((i) => join(dir, `site-${String(i).padStart(5, '0')}`));
    const files = g ? g.files : 4700;
    log(`1,000 hosts, load ${loadavg()[0].toFixed(1)}`);
    const editFiles = siteDirs.filter((_, i) => i % 45 === 0).slice(0, 20).map((d) => join(d, 'ipsec.d', 'aws.conf'));
    const cpu = editCpu(dir, editFiles[0], 100);
    const lat = cpuOnly ? {} : await latencyScenario({ folder: dir, expectedFiles: files, files: editFiles, edits, requests: edits });
    console.log(JSON.stringify({ scenario: 'ws', load: loadavg()[0], cpu: r1(cpu), edit: r1(lat.edit), hover: r1(lat.hover), completion: r1(lat.completion), indexMs: lat.indexMs, rssMb: lat.serverRssMb }));
  }
} finally {
  if (!given) rmSync(tmp, { recursive: true, force: true });
}
