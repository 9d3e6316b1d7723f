/**
 * The utf8-bom finding in the editor: the BOM is known from the disk read (the editor's text never holds
 * it), stays while the file is open and edited, and goes when the file is saved without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uriOfPath } from '../../server/src/workspace/workspace';
import { LspProcess, type RpcMessage } from './lsp-process';

const CONF = 'conn t1\n    left=192.0.2.1\n    right=198.51.100.7\n    auto=ondemand\n';

test('utf8-bom: reported from the disk read, kept while open, cleared when saved without a BOM', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-bom-'));
  const path = join(dir, 'ipsec.conf');
  writeFileSync(path, `\uFEFF${CONF}`);
  const lsp = new LspProcess({ checks: {}, libreswan: { version: '4' } });
  t.after(() => { lsp.kill(); rmSync(dir, { recursive: true, force: true }); });
  const uri = uriOfPath(path);
  const codes = (m: RpcMessage): string[] => (m.params as { diagnostics: Array<{ code?: string }> }).diagnostics.map((d) => String(d.code));
  const next = (what: string, want: (c: string[]) => boolean): Promise<RpcMessage> =>
    lsp.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && want(codes(m)), 30_000, what);

  const indexed = next('utf8-bom after indexing', (c) => c.includes('utf8-bom'));
  await lsp.request('initialize', { processId: process.pid, rootUri: uriOfPath(dir), workspaceFolders: [{ uri: uriOfPath(dir), name: 'ws' }], capabilities: {} });
  lsp.notify('initialized', {});
  await indexed;

  // The editor opens and edits the file: its text has no BOM, the file on disk still has it.
  const edited = next('utf8-bom and the typo after an edit', (c) => c.includes('utf8-bom') && c.includes('unknown-keyword'));
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'libreswan', version: 1, text: CONF } });
  lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${CONF}    bogus=1\n` }] });
  await edited;

  // Saved as UTF-8 without a BOM, then closed: the server re-reads the disk and the finding goes.
  writeFileSync(path, CONF);
  const cleared = next('no utf8-bom once the file on disk has none', (c) => !c.includes('utf8-bom'));
  lsp.notify('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(codes(await cleared).filter((c) => c === 'utf8-bom'), []);
});
