// In-process micro-benchmark: parses every FRR file of a workspace (frr/*.conf, *frr*.conf) with the
// compiled parser in <outDir> (default out/) and prints CPU ms per full pass (median of `reps`).
// Usage: node bench/frr-parse.mjs <workspace> [outDir] [reps]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const [ws, outDir = 'out', reps = '7'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { parseFrr } = require(resolve(outDir, 'server/src/languages/frr/parser.js'));
const texts = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/(^|[/\\])frr[/\\][^/\\]+\.conf$|frr[^/\\]*\.conf$/.test(p)) texts.push(readFileSync(p, 'utf8'));
  }
};
walk(ws);
const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
const pass = () => {
  const t0 = process.cpuUsage();
  for (const t of texts) parseFrr(t);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};
pass(); // warm-up: compiles the command table
const ms = Array.from({ length: Number(reps) }, pass).sort((a, b) => a - b);
console.log(`${texts.length} files, ${lines} lines: median ${ms[ms.length >> 1].toFixed(1)} ms CPU per pass (min ${ms[0].toFixed(1)}, max ${ms[ms.length - 1].toFixed(1)})`);
