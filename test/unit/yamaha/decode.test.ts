import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeYamahaBytes } from '../../../server/src/languages/yamaha/decode';
import { parseYamaha } from '../../../server/src/languages/yamaha/parser';
import { lowerYamaha } from '../../../server/src/languages/yamaha/lower';
import { bytes, rtxFindings, snapshotOf, yamahaReferenceDir } from './helpers';

const SJIS_TEXT = [
  '# 本社ルーター（テスト用）',
  'tunnel select 1',
  ' description tunnel "東京-大阪"',
  ' ipsec tunnel 101',
  '  ipsec sa policy 101 1 esp aes-cbc sha-hmac',
  '  ipsec ike remote address 1 198.51.100.7',
  '  ipsec ike pre-shared-key 1 text Xy7kPq2mNv8wRt4z',
  '  ipsec ike group 1 modp9999',
  ' tunnel enable 1',
].join('\r\n') + '\r\n';

test('Shift_JIS + CRLF bytes decode as shift_jis and keep positions', () => {
  const raw = iconv.encode(SJIS_TEXT, 'cp932');
  const { text, encoding } = decodeYamahaBytes(new Uint8Array(raw));
  assert.equal(encoding, 'shift_jis');
  assert.equal(text, SJIS_TEXT);
  const { snapshot } = snapshotOf({ '/ws/sjis.rtx': text });
  const f = rtxFindings(snapshot);
  assert.equal(f.length, 1);
  assert.equal(f[0].code, 'rtx-invalid-value');
  assert.deepEqual(f[0].range, { start: { line: 7, character: 20 }, end: { line: 7, character: 28 } });
  const facts = lowerYamaha(parseYamaha(text).ast);
  assert.equal(facts.tunnels[0].description?.value, '東京-大阪');
});

test('UTF-8 with BOM decodes as utf-8 without the BOM', () => {
  const b = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('# テスト\ntunnel select 1\n', 'utf8')]);
  const r = decodeYamahaBytes(b);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.text, '# テスト\ntunnel select 1\n');
});

test('the shared Shift_JIS CRLF sample decodes with Japanese comments intact', () => {
  const r = decodeYamahaBytes(bytes(join(yamahaReferenceDir(), 'samples', 'rtx830-oci-bgp-sjis-crlf.rtx')));
  assert.equal(r.encoding, 'shift_jis');
  assert.match(r.text, /トンネル/);
  assert.match(r.text, /\r\n/);
  const ast = parseYamaha(r.text).ast;
  assert.equal(ast.blocks.filter((b) => b.kind === 'tunnel').length, 2);
});

test('decoding and parsing arbitrary bytes never throws and stays fast', () => {
  let seed = 42;
  const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  const start = Date.now();
  for (let k = 0; k < 200; k++) {
    const b = new Uint8Array(2000);
    for (let i = 0; i < b.length; i++) b[i] = rnd() & 0xff;
    const { text } = decodeYamahaBytes(b);
    const r = parseYamaha(text);
    lowerYamaha(r.ast);
  }
  const long = 'ipsec ike pre-shared-key 1 text "' + 'a'.repeat(200000);
  parseYamaha(long);
  assert.ok(Date.now() - start < 10000);
});
