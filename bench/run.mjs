// `npm run bench`: generates clean workspaces in a temp dir, times the CLI against addconn and cat, measures
// editor latency through a JSON-RPC client, writes BENCH.md and prints a one-line summary last.
// Options: --sizes 100,1000,10000   --edits 240   --keep (leave the temp dir)   --out BENCH.md
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateBigHost, generateWorkspace } from './gen.mjs';
import { benchAddconn, benchCat, benchCheck, hasAddconn, hasGnuTime, startupMs } from './cli-bench.mjs';
import { latencyScenario } from './lsp-bench.mjs';
import { editCpu } from './edit-cpu.mjs';
import { writeReport } from './report.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
}
const sizes = arg('sizes', '100,1000,10000').split(',').map(Number);
const edits = Number(arg('edits', '240'));
const out = arg('out', join(ROOT, 'BENCH.md'));
const log = (m) => process.stderr.write(`bench: ${m}\n`);

const tmp = mkdtempSync(join(tmpdir(), 'vpnconf-bench-'));
try {
  const env = { node: process.version, cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`, memGb: (totalmem() / 2 ** 30).toFixed(1), gnuTime: hasGnuTime(), load: [loadavg()[0]], date: new Date().toISOString().slice(0, 10) };
  if (!hasAddconn()) throw new Error('Libreswan addconn is not installed (apt-get install libreswan): the comparison needs it');
  log(`temp dir ${tmp}; start-up`);
  const startup = startupMs();
  const rows = [];
  let ws1000 = null;
  for (const n of sizes) {
    const dir = join(tmp, `ws-${n}`);
    log(`generating ${n} hosts`);
    const g = generateWorkspace(dir, n);
    if (n === 1000) ws1000 = { dir, g };
    log(`vpnconf check on ${n} hosts (${g.files} files, ${g.tunnels} tunnels)`);
    const check = benchCheck(dir, n >= 10000 ? 2 : 3);
    log(`addconn loop (${g.siteDirs.length} hosts)`);
    const addconn = benchAddconn(g.siteDirs, 1000);
    const cat = benchCat(dir);
    rows.push({ n, files: g.files, tunnels: g.tunnels, yamaha: g.yamaha, sites: g.siteDirs.length, check, addconn, cat });
    env.load.push(loadavg()[0]);
    log(`${n}: check ${check.wall.toFixed(0)} ms (cpu ${check.cpu.toFixed(0)}), ${check.rssMb.toFixed(0)} MB; addconn ${addconn.wall.toFixed(0)} ms (cpu ${addconn.cpu.toFixed(0)})${addconn.extrapolated ? ' (extrapolated)' : ''}; cat ${cat.wall.toFixed(0)} ms`);
  }
  const latency = [];
  log('latency: 5,000-line ipsec.conf');
  const big = generateBigHost(join(tmp, 'big'));
  latency.push({ name: `edit in a ${big.lines.toLocaleString('en')}-line ipsec.conf (${big.conns} conns, one host)`, ...(await latencyScenario({ folder: join(tmp, 'big'), expectedFiles: 4, files: [big.path], edits, requests: edits })), cpu: editCpu(join(tmp, 'big'), big.path, 100) });
  if (!ws1000) {
    ws1000 = { dir: join(tmp, 'ws-1000'), g: generateWorkspace(join(tmp, 'ws-1000'), 1000) };
  }
  log('latency: 1,000-host workspace');
  const editFiles = ws1000.g.siteDirs.filter((_, i) => i % 45 === 0).slice(0, 20).map((d) => join(d, 'ipsec.d', 'aws.conf'));
  latency.push({ name: `edit in a 1,000-host workspace (${ws1000.g.files.toLocaleString('en')} files; ${editFiles.length} files edited in turn)`, ...(await latencyScenario({ folder: ws1000.dir, expectedFiles: ws1000.g.files, files: editFiles, edits, requests: edits })), cpu: editCpu(ws1000.dir, editFiles[0], 100) });
  env.load.push(loadavg()[0]);
  const summary = writeReport(out, { env, startup, rows, latency });
  console.log(summary);
} finally {
  if (!process.argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}
