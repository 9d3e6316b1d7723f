// CPU per re-analysis for the real server's edit mix, in-process: the same edits as bench/lsp-bench.mjs
// (keyword typo, revert, a mark set to the next conn's mark, revert; round-robin over the files), each
// followed by what the server does before publishing (snapshot, runChecks with a long-lived cache, secrets,
// and the per-file diagnostics comparison of server.ts). Prints p50/p95/max per edit kind and overall.
// Usage: node bench/edit-mix.mjs WS_DIR [--edits 240] [--files 20] [--profile out.cpuprofile]
// Uses out/ (tsc output of `npm run build`); VPNCONF_BENCH_OUT points at another build's out/.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { connSites, pickEdit, stats } from './lsp-bench.mjs';

const require = createRequire(import.meta.url);
const OUT = process.env.VPNCONF_BENCH_OUT ?? join(new URL('..', import.meta.url).pathname, 'out');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
};
const dir = process.argv[2];
const edits = Number(arg('edits', '240'));
const nFiles = Number(arg('files', '20'));
const profile = arg('profile', null);

const { WorkspaceStore, uriOfPath } = require(join(OUT, 'server/src/workspace/workspace'));
const run = require(join(OUT, 'server/src/checks/run'));
const { CheckCache } = run;
const { walk, readDiskFile } = require(join(OUT, 'server/src/workspace/disk'));
const { redact } = require(join(OUT, 'server/src/cli/secrets'));
// What the server calls (older builds: the same work through runChecks and collectSecrets).
const analyze = run.analyze ?? ((snap, o, c) => ({ results: run.runChecks(snap, o, c), changed: null }));
let collectSecrets;
try {
  collectSecrets = require(join(OUT, 'server/src/workspace/secrets')).workspaceSecrets;
} catch {
  collectSecrets = require(join(OUT, 'server/src/cli/secrets')).collectSecrets;
}
const { toDiagnostic } = require(join(OUT, 'server/src/features/diagnostics'));

const store = new WorkspaceStore({ libreswanVersion: '5' });
for (const f of walk(dir).files) {
  const d = readDiskFile(f);
  store.set(uriOfPath(d.path), d.text, 0);
}
const cache = new CheckCache();
const sent = new Map();
// One overrides object for the whole run, as the server keeps its settings (analyze compares it by identity).
const NO_OVERRIDES = {};
/** The server's publishAll without the connection (server.ts). */
function publish() {
  const snap = store.snapshot();
  const { results: byUri, changed } = analyze(snap, NO_OVERRIDES, cache);
  const secrets = collectSecrets(snap);
  let n = 0;
  for (const uri of changed ?? byUri.keys()) {
    const findings = byUri.get(uri);
    if (sent.get(uri) === findings) continue;
    const diagnostics = findings.map((f) => toDiagnostic(f, (t) => redact(t, secrets)));
    JSON.stringify(diagnostics);
    sent.set(uri, findings);
    n++;
  }
  return byUri;
}
publish();

const siteDirs = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 10 !== 9).map((i) => join(dir, `site-${String(i).padStart(5, '0')}`));
const paths = siteDirs.filter((_, i) => i % 45 === 0).slice(0, nFiles).map((d) => join(d, 'ipsec.d', 'aws.conf'));
const docs = paths.map((path) => {
  const text = readFileSync(path, 'utf8');
  return { uri: uriOfPath(path), lines: text.split('\n'), version: 1, sites: connSites(text) };
});
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const session = profile ? new Session() : null;
const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
const byKind = [[], [], [], []];
const all = [];
for (let s = 0; s < edits; s++) {
  const { kind, d, site, other } = pickEdit(docs, s);
  const lines = [...d.lines];
  if (kind === 0) lines[site.ike] = lines[site.ike].replace('ikelifetime=', 'ikelifetimx=');
  if (kind === 2) lines[site.mark] = lines[other.mark];
  const t0 = cpu();
  store.set(d.uri, lines.join('\n'), ++d.version);
  const byUri = publish();
  const t = cpu() - t0;
  byKind[kind].push(t);
  all.push(t);
  const codes = (byUri.get(d.uri) ?? []).map((f) => f.code);
  const expect = kind === 0 ? 'unknown-keyword' : kind === 2 ? 'mark-duplicate' : null;
  if (expect ? !codes.includes(expect) : codes.length) throw new Error(`edit ${s}: expected ${expect}, got ${JSON.stringify(codes)}`);
}
if (session) {
  const { profile: p } = await post('Profiler.stop');
  writeFileSync(profile, JSON.stringify(p));
}
const r1 = (x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Math.round(v * 10) / 10]));
console.log(JSON.stringify({ all: r1(stats(all)), typo: r1(stats(byKind[0])), revert: r1(stats(byKind[1])), mark: r1(stats(byKind[2])), unmark: r1(stats(byKind[3])) }));
