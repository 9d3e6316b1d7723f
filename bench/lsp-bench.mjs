// Editor latency through a real JSON-RPC client (vscode-jsonrpc over stdio) against the built server
// `dist/server.js --stdio`: didChange -> publishDiagnostics, hover and completion round trips.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = join(process.env.VPNCONF_BENCH_DIST ?? join(ROOT, 'dist'), 'server.js');
const TIMEOUT_MS = 20000;

/** p50/p95/max of a list of milliseconds. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.max(0, Math.ceil(p * s.length) - 1)];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const uriOf = (path) => pathToFileURL(path).toString();
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A started server and a JSON-RPC connection to it, with a publishDiagnostics waiter. */
async function startServer(folder, expectedFiles) {
  // VPNCONF_BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles the server under load.
  const nodeArgs = (process.env.VPNCONF_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  let waiter = null;
  let published = 0;
  let lastPublish = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published++;
    lastPublish = now();
    if (waiter && waiter.uri === p.uri) waiter.resolve(p);
  });
  conn.onNotification(() => {});
  conn.onRequest(() => null);
  conn.listen();
  const t0 = now();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(folder),
    workspaceFolders: [{ uri: uriOf(folder), name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: {}, hover: {}, completion: {}, synchronization: {} }, workspace: {} },
  });
  await conn.sendNotification('initialized', {});
  // Indexing is done when every file has had its first (empty) publish and nothing more comes for 300 ms.
  while (published < expectedFiles || now() - lastPublish < 300) {
    if (now() - t0 > 600000) throw new Error(`server indexed only ${published}/${expectedFiles} files`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const indexMs = lastPublish - t0;
  /** Resolves with the next publishDiagnostics for `uri`. */
  const nextPublish = (uri) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      waiter = { uri, resolve: (p) => (clearTimeout(timer), (waiter = null), resolve(p)) };
    });
  const peakRssMb = () => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024;
    } catch {
      return NaN;
    }
  };
  const stop = async () => {
    await conn.sendRequest('shutdown').catch(() => {});
    const exited = new Promise((r) => proc.once('exit', r));
    await conn.sendNotification('exit').catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    conn.dispose();
    if (proc.exitCode === null) proc.kill();
  };
  return { conn, nextPublish, indexMs, peakRssMb, stop };
}

/** Positions in an ipsec.conf text: per conn, the `ikelifetime=` line and the `mark=` line with its digits. */
export function connSites(text) {
  const lines = text.split('\n');
  const sites = [];
  let cur = null;
  lines.forEach((l, i) => {
    if (l.startsWith('conn ')) sites.push((cur = { header: i }));
    else if (cur && l.startsWith('    ikelifetime=')) cur.ike = i;
    else if (cur && l.startsWith('    auto=')) cur.auto = i;
    else if (cur && l.startsWith('    type=')) cur.type = i;
    else if (cur && l.startsWith('    leftvti=')) cur.leftvti = i;
    else if (cur && /^ {4}mark=\d+\//.test(l)) {
      cur.mark = i;
      cur.markDigits = /^ {4}mark=(\d+)/.exec(l)[1];
    }
  });
  return sites.filter((s) => s.ike !== undefined && s.mark !== undefined);
}

/**
 * Edit number `s` of the loop over `docs` (each with its `connSites`): its kind (0 keyword typo, 1 its
 * revert, 2 mark set to the neighbouring conn's, 3 its revert), the document, the conn and the neighbour.
 */
export function pickEdit(docs, s) {
  const kind = s % 4;
  const d = docs[Math.floor(s / 4) % docs.length];
  const c = Math.floor(s / (4 * docs.length)) % d.sites.length;
  return { kind, d, site: d.sites[c], other: d.sites[c + 1 < d.sites.length ? c + 1 : c - 1] };
}

/**
 * Runs `edits` edits round-robin over `files` (absolute paths of ipsec.conf-language files, opened first):
 * a keyword typo (`ikelifetime` -> `ikelifetimx`: unknown-keyword), its revert, a mark set to the next
 * conn's mark (mark-duplicate, a workspace check), its revert. Each edit waits for the file's
 * publishDiagnostics and asserts its content, so only correct answers are timed.
 */
async function editLoop(server, files, edits) {
  const docs = files.map((path) => {
    const text = readFileSync(path, 'utf8');
    return { uri: uriOf(path), version: 1, sites: connSites(text), text };
  });
  for (const d of docs) {
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'libreswan', version: 1, text: d.text } });
  }
  await new Promise((r) => setTimeout(r, 500));
  const times = [];
  for (let s = 0; s < edits; s++) {
    const { kind, d, site, other } = pickEdit(docs, s);
    let range;
    let text;
    let expect;
    if (kind < 2) {
      range = { start: { line: site.ike, character: 14 }, end: { line: site.ike, character: 15 } };
      text = kind === 0 ? 'x' : 'e';
      expect = kind === 0 ? 'unknown-keyword' : null;
    } else {
      const from = kind === 2 ? site.markDigits : other.markDigits;
      range = { start: { line: site.mark, character: 9 }, end: { line: site.mark, character: 9 + from.length } };
      text = kind === 2 ? other.markDigits : site.markDigits;
      expect = kind === 2 ? 'mark-duplicate' : null;
    }
    const got = server.nextPublish(d.uri);
    const t0 = now();
    await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: ++d.version }, contentChanges: [{ range, text }] });
    const p = await got;
    times.push(now() - t0);
    const codes = p.diagnostics.map((x) => x.code);
    if (expect ? !codes.includes(expect) : codes.length) throw new Error(`edit ${s} on ${d.uri}: expected ${expect ?? 'no diagnostics'}, got ${JSON.stringify(codes)}`);
  }
  return { docs, times };
}

/** Hover (keyword and `leftvti` value) and completion (value after `auto=`, keyword prefix `ty`) round trips. */
async function requestLoop(server, docs, n) {
  const hover = [];
  const completion = [];
  for (let i = 0; i < n; i++) {
    const d = docs[i % docs.length];
    const site = d.sites[Math.floor(i / docs.length) % d.sites.length];
    const hpos = i % 2 ? { line: site.ike, character: 6 } : { line: site.leftvti, character: 14 };
    let t0 = now();
    const h = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: d.uri }, position: hpos });
    hover.push(now() - t0);
    if (!h) throw new Error(`no hover at ${d.uri}:${hpos.line}:${hpos.character}`);
    const cpos = i % 2 ? { line: site.auto, character: 9 } : { line: site.type, character: 6 };
    t0 = now();
    const c = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri: d.uri }, position: cpos });
    completion.push(now() - t0);
    const items = Array.isArray(c) ? c : c?.items;
    if (!items?.length) throw new Error(`no completion at ${d.uri}:${cpos.line}:${cpos.character}`);
  }
  return { hover: stats(hover), completion: stats(completion) };
}

/**
 * One latency scenario: start the server on `folder` (holding `expectedFiles` vpnconf files), edit
 * `files`, then time hover and completion. Returns p50/p95/max of each and the server's peak RSS.
 */
export async function latencyScenario({ folder, expectedFiles, files, edits = 240, requests = 240 }) {
  const server = await startServer(folder, expectedFiles);
  try {
    const { docs, times } = await editLoop(server, files, edits);
    const req = await requestLoop(server, docs, requests);
    return { indexMs: server.indexMs, edit: stats(times), ...req, serverRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}
