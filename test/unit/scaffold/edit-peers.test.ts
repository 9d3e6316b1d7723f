/**
 * The scaffold's workspace edit (the VS Code command's path) on a folder whose vpnconf.json already names
 * cloud peers: the edit must merge the new peers into it (and keep its other keys), not create the file
 * again with only the new peers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { defaultRequest, generate } from '../../../server/src/features/scaffold';
import { toWorkspaceEdit } from '../../../server/src/features/scaffold/edit';
import { WorkspaceStore } from '../../../server/src/workspace/workspace';

test('scaffold edit merges the new peers into an existing vpnconf.json', () => {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const request = { ...defaultRequest('yamaha-rtx', 'oci', '/ws/rt'), peersFile: '/ws/rt/vpnconf.json' };
  const snapshot = store.snapshot();
  const result = generate(request, snapshot);
  const existing = JSON.stringify({ hosts: { rt: ['rt/**'] }, peers: { '203.0.113.11': 'aws' } }, null, 2) + '\n';
  const edit = toWorkspaceEdit(result.files, snapshot, (p) => (p === '/ws/rt/vpnconf.json' ? existing : undefined));
  const changes = edit.documentChanges ?? [];
  assert.ok(!changes.some((c) => 'kind' in c && c.kind === 'create' && c.uri.endsWith('/vpnconf.json')), 'no CreateFile over the existing file');
  const text = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri.endsWith('/vpnconf.json'));
  assert.equal(text.length, 1);
  const [only] = text[0].edits;
  assert.deepEqual(only.range, { start: { line: 0, character: 0 }, end: { line: existing.split('\n').length - 1, character: 0 } }, 'replaces the whole file');
  const merged = JSON.parse('newText' in only ? only.newText : '') as { hosts: unknown; peers: Record<string, string> };
  assert.deepEqual(merged.hosts, { rt: ['rt/**'] });
  assert.deepEqual(merged.peers, { '203.0.113.11': 'aws', '203.0.113.21': 'oci', '203.0.113.22': 'oci' });
});
