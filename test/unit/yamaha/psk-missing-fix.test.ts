/**
 * psk-missing on a Yamaha tunnel with no other end in the workspace: the quick fix inserts a fresh key in
 * the tunnel block, keeping the file's CRLF line ends, and the file then checks without psk-missing. (A
 * random key cannot be written in a fixture's `#- after` section, hence this test.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../../../server/src/checks/run';
import { FIXES } from '../../../server/src/checks/fixes';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';

const PATH = '/ws/branch/router.rtx';
const TEXT = [
  'tunnel select 1',
  ' ipsec tunnel 201',
  '  ipsec sa policy 201 1 esp aes-cbc sha256-hmac',
  '  ipsec ike local address 1 198.51.100.5',
  '  ipsec ike remote address 1 203.0.113.21',
  ' tunnel enable 1',
  'tunnel select none',
  '',
].join('\r\n');

function pskMissing(text: string) {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  store.set(uriOfPath(PATH), text, 0);
  const snapshot = store.snapshot();
  const found = [...runChecks(snapshot, {}).values()].flat().filter((f) => f.code === 'psk-missing');
  return { snapshot, found };
}

test('psk-missing Yamaha quick fix: a fresh key after the gateway lines, CRLF kept, then clean', () => {
  const { snapshot, found } = pskMissing(TEXT);
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 0);
  const actions = FIXES['psk-missing'](found[0], snapshot);
  assert.equal(actions.length, 1);
  const [edit] = actions[0].edits;
  assert.deepEqual(edit.range.start, { line: 5, character: 0 });
  assert.match(edit.newText, /^ {2}ipsec ike pre-shared-key 1 text [A-Za-z1-9][A-Za-z0-9]{39}\r\n$/);
  const key = / text (\S+)/.exec(edit.newText)![1];
  assert.ok(!actions[0].title.includes(key) && !found[0].message.includes(key));
  const lines = TEXT.split('\r\n');
  lines.splice(5, 0, edit.newText.replace(/\r\n$/, ''));
  assert.deepEqual(pskMissing(lines.join('\r\n')).found, []);
});

test('psk-missing Yamaha: a certificate gateway needs no key', () => {
  const text = TEXT.replace('  ipsec ike local address 1', '  ipsec ike auth method 1 certificate\r\n  ipsec ike pki file 1 certificate=1\r\n  ipsec ike local address 1');
  assert.deepEqual(pskMissing(text).found, []);
});
