/**
 * The built language server (`dist/server.js --stdio`) under abuse, over raw JSON-RPC: requests before
 * initialize, garbage JSON, unknown methods, unknown URIs, files deleted and renamed while open, a 10 MB
 * file, binary files in the workspace, $/cancelRequest. After each, the server must answer or error
 * cleanly and keep serving (a final hover still answers); it never touches the network and never shows a
 * secret in a diagnostic, a log message or stderr.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uriOfPath } from '../../server/src/workspace/workspace';
import { LspProcess, ROOT } from './lsp-process';

const PSK = 'RobustnessPsk_0123456789';
const RTX_KEY = 'RobustRtxKey_98765';
const FRR_PW = 'RobustFrrPw_4242';
const CONF = 'conn t1\n    left=192.0.2.1\n    right=198.51.100.7\n    leftid=@west\n    rightid=@east\n    authby=secret\n    bogus=1\n    auto=start\n';

/** A temp workspace: a host with ipsec.conf/secrets/frr, a Yamaha file, binary files. */
function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-robust-'));
  mkdirSync(join(dir, 'gw', 'ipsec.d'), { recursive: true });
  mkdirSync(join(dir, 'gw', 'frr'), { recursive: true });
  writeFileSync(join(dir, 'gw', 'ipsec.conf'), CONF);
  writeFileSync(join(dir, 'gw', 'ipsec.secrets'), `@west @east : PSK "${PSK}"\n@x : PSK ${PSK}x\n`);
  chmodSync(join(dir, 'gw', 'ipsec.secrets'), 0o644);
  writeFileSync(join(dir, 'gw', 'frr', 'bgpd.conf'), `router bgp 65000\n neighbor 169.254.10.1 password ${FRR_PW}\n neighbor 169.254.10.1 remote-as 31898\n`);
  writeFileSync(join(dir, 'branch.rtx'), `tunnel select 1\n ipsec ike pre-shared-key 1 ${RTX_KEY}\n ipsec ike pre-shared-key 2 text ${RTX_KEY}\n`);
  writeFileSync(join(dir, 'gw', 'ipsec.d', 'binary.conf'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256)));
  writeFileSync(join(dir, 'gw', 'frr', 'zebra.conf'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x41]));
  return dir;
}

const pos = (line: number, character: number): { line: number; character: number } => ({ line, character });

test('language server survives malformed, out-of-order and hostile traffic and keeps serving', { timeout: 240_000 }, async (t) => {
  const dir = makeWorkspace();
  const lsp = new LspProcess({ checks: {}, libreswan: { version: '5' } });
  t.after(() => { lsp.kill(); rmSync(dir, { recursive: true, force: true }); });
  const confUri = uriOfPath(join(dir, 'gw', 'ipsec.conf'));
  const t0 = Date.now();
  const step = (n: string): void => { if (process.env.VPNCONF_TRACE_STEPS) console.log(`step ${n} at ${Date.now() - t0} ms`); };

  step('1');
  // 1. A request before initialize: an error (ServerNotInitialized) or an empty answer, never a crash.
  const early = await lsp.request('textDocument/hover', { textDocument: { uri: confUri }, position: pos(0, 0) });
  assert.ok(early.error || early.result === null, `early hover: ${JSON.stringify(early)}`);

  step('2');
  // 2. Initialize with capabilities that make the server ask for configuration and register watchers.
  const init = await lsp.request('initialize', {
    processId: process.pid, rootUri: uriOfPath(dir), workspaceFolders: [{ uri: uriOfPath(dir), name: 'ws' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
  });
  assert.ok((init.result as { capabilities: { hoverProvider: boolean } }).capabilities.hoverProvider);
  lsp.notify('initialized', {});
  await lsp.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === confUri, 30_000, 'diagnostics of the indexed ipsec.conf');

  step('3');
  // 3. Garbage: invalid JSON in a valid frame, a frame of binary junk, a message that is not JSON-RPC.
  lsp.sendRaw('Content-Length: 11\r\n\r\n{not json!}');
  lsp.sendRaw(Buffer.concat([Buffer.from('Content-Length: 8\r\n\r\n'), Buffer.from([0xff, 0xfe, 0, 1, 2, 3, 4, 5])]));
  lsp.send({ hello: 'world' });
  lsp.send({ jsonrpc: '2.0', id: 'x1', method: 'textDocument/hover', params: 'not an object' });
  step('4');
  // 4. Unknown methods: a request gets MethodNotFound, a notification is ignored.
  const unknown = await lsp.request('vpnconf/doesNotExist', {});
  assert.equal(unknown.error?.code, -32601);
  lsp.notify('vpnconf/unknownNotification', { x: 1 });
  lsp.notify('$/unknownProtocolNotification', {});
  step('5');
  // 5. Unknown URIs and odd positions: empty answers.
  for (const uri of ['file:///nowhere/ipsec.conf', 'untitled:Untitled-1', 'http://example.invalid/x', 'not a uri']) {
    const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 0) });
    assert.ok(!h.error || h.error.code !== -32603, `hover on ${uri}: ${JSON.stringify(h)}`);
  }
  const far = await lsp.request('textDocument/hover', { textDocument: { uri: confUri }, position: pos(10_000, 10_000) });
  assert.ok(!far.error, JSON.stringify(far));
  const neg = await lsp.request('textDocument/completion', { textDocument: { uri: confUri }, position: pos(-1, -5) });
  assert.ok(!neg.error || neg.error.code !== -32603, JSON.stringify(neg));

  step('6');
  // 6. Cancellation: cancel a request right after sending it; the answer is a result or RequestCancelled.
  const id = 777_001;
  const cancelled = lsp.request('textDocument/completion', { textDocument: { uri: confUri }, position: pos(6, 4) }, 30_000, id);
  lsp.notify('$/cancelRequest', { id });
  lsp.notify('$/cancelRequest', { id: 123_456_789 }); // an id that was never used
  const c = await cancelled;
  assert.ok(!c.error || c.error.code === -32800, JSON.stringify(c.error));

  step('7');
  // 7. A file deleted while open, then closed: diagnostics cleared, no error.
  const delPath = join(dir, 'gw', 'ipsec.d', 'gone.conf');
  writeFileSync(delPath, 'conn gone\n    also=missing\n');
  const delUri = uriOfPath(delPath);
  lsp.notify('textDocument/didOpen', { textDocument: { uri: delUri, languageId: 'libreswan', version: 1, text: 'conn gone\n    also=missing\n' } });
  await lsp.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === delUri, 30_000, 'diagnostics of the opened file');
  unlinkSync(delPath);
  lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: delUri, type: 3 }] });
  lsp.notify('textDocument/didClose', { textDocument: { uri: delUri } });
  const hoverGone = await lsp.request('textDocument/hover', { textDocument: { uri: delUri }, position: pos(0, 1) });
  assert.ok(!hoverGone.error, JSON.stringify(hoverGone));
  await waitUntil(() => lsp.diagnostics(delUri)?.length === 0, 'diagnostics of the deleted file cleared');

  step('8');
  // 8. A file renamed while open: the old URI is edited after the rename, the new one appears on disk.
  const oldPath = join(dir, 'gw', 'ipsec.d', 'old.conf');
  const newPath = join(dir, 'gw', 'ipsec.d', 'new.conf');
  writeFileSync(oldPath, 'conn renamed\n    auto=add\n');
  lsp.notify('textDocument/didOpen', { textDocument: { uri: uriOfPath(oldPath), languageId: 'libreswan', version: 1, text: 'conn renamed\n    auto=add\n' } });
  renameSync(oldPath, newPath);
  lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOfPath(oldPath), type: 3 }, { uri: uriOfPath(newPath), type: 1 }] });
  lsp.notify('textDocument/didChange', { textDocument: { uri: uriOfPath(oldPath), version: 2 }, contentChanges: [{ range: { start: pos(1, 4), end: pos(1, 8) }, text: 'autox' }] });
  lsp.notify('textDocument/didClose', { textDocument: { uri: uriOfPath(oldPath) } });
  // An edit for a document that is not open, and a change past the end of a document.
  lsp.notify('textDocument/didChange', { textDocument: { uri: uriOfPath(oldPath), version: 3 }, contentChanges: [{ text: 'x' }] });
  await waitUntil(() => lsp.diagnostics(uriOfPath(newPath)) !== undefined, 'the renamed file is analyzed');

  step('9');
  // 9. A 10 MB document opened in the editor: analyzed, and requests still answer.
  const big = join(dir, 'big', 'ipsec.conf');
  mkdirSync(join(dir, 'big'));
  const conn = 'conn t%d\n    left=%defaultroute\n    right=192.0.2.1\n    leftsubnet=10.0.0.0/24\n    auto=add\n';
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) { const s = conn.replace('%d', String(i)); parts.push(s); size += s.length; }
  const bigText = parts.join('') + '    bogus=1\n';
  writeFileSync(big, bigText);
  lsp.notify('textDocument/didOpen', { textDocument: { uri: uriOfPath(big), languageId: 'libreswan', version: 1, text: bigText } });
  const bigHover = await lsp.request('textDocument/hover', { textDocument: { uri: uriOfPath(big) }, position: pos(1, 5) }, 110_000);
  assert.ok(!bigHover.error && bigHover.result, JSON.stringify(bigHover));
  await waitUntil(() => (lsp.diagnostics(uriOfPath(big)) ?? []).some((d) => d.code === 'unknown-keyword'), 'the 10 MB file analyzed');

  step('10');
  // 10. Binary files in the workspace were skipped without a crash; the secrets file got its permission note.
  const secretsUri = uriOfPath(join(dir, 'gw', 'ipsec.secrets'));
  await waitUntil(() => (lsp.diagnostics(secretsUri) ?? []).some((d) => d.code === 'secrets-permissions'), 'secrets-permissions on the 0644 secrets file');

  step('11');
  // 11. The final hover still answers, with content.
  const final = await lsp.request('textDocument/hover', { textDocument: { uri: confUri }, position: pos(1, 5) });
  assert.ok(final.result && JSON.stringify(final.result).length > 20, `final hover: ${JSON.stringify(final)}`);

  step('12');
  // 12. Nothing the server showed holds a secret; no network attempt; the process is alive.
  const visible = lsp.visibleText();
  for (const s of [PSK, RTX_KEY, FRR_PW]) assert.ok(!visible.includes(s), `server output holds the secret ${s}`);
  assert.ok(!lsp.stderr.includes('VPNCONF-NETWORK-ATTEMPT'), lsp.stderr);
  assert.equal(lsp.exitCode, null, `server exited early: ${lsp.stderr}`);

  step('13');
  // 13. Orderly shutdown: requests after shutdown get an error, exit ends the process with 0.
  const shut = await lsp.request('shutdown');
  assert.ok(!shut.error, JSON.stringify(shut));
  const after = await lsp.request('textDocument/hover', { textDocument: { uri: confUri }, position: pos(1, 5) });
  assert.ok(after.error || after.result === null, JSON.stringify(after));
  lsp.notify('exit');
  assert.equal(await lsp.exited, 0);
  assert.ok(existsSync(join(ROOT, 'dist', 'server.js')));

  /** Polls `cond` every 50 ms until it holds (or fails after 60 s). */
  async function waitUntil(cond: () => boolean, what: string): Promise<void> {
    const t0 = Date.now();
    while (!cond()) {
      if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting until ${what}; stderr: ${lsp.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
