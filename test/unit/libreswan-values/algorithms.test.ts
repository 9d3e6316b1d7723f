/**
 * Table-driven tests of validateAlgorithms, algorithmNames and describeAlgorithm, plus a
 * fuzz pass (no throw, ranges in bounds) over random strings for every value type.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { algorithmNames, describeAlgorithm, validateAlgorithms, type ProposalKind } from '../../../server/src/languages/libreswan/algorithms';
import { validateValue, type ValueType } from '../../../server/src/languages/libreswan/values';

type Row = [kind: ProposalKind, text: string, ike: 1 | 2, version: '4' | '5' | '*', expect: 'ok' | 'error' | 'warning', range?: [number, number]];
const ROWS: Row[] = [
  ['ike', 'aes256-sha2_256-dh19', 2, '*', 'ok'], ['ike', 'aes_256-sha2;modp2048', 2, '*', 'ok'], ['ike', 'aes-256-sha2-dh20', 2, '*', 'ok'],
  ['ike', 'aes_gcm_16_256-sha2_512-dh31', 2, '*', 'ok'], ['ike', 'chacha20_poly1305-sha2-dh31', 2, '*', 'ok'], ['ike', 'aes+aes_gcm', 2, '*', 'error', [0, 11]],
  ['ike', 'aes257-sha2', 2, '*', 'error', [0, 6]], ['ike', 'aes-sha2-modp1024', 2, '*', 'error', [9, 17]], ['ike', 'aes-sha2-dh22', 2, '*', 'error', [9, 13]],
  ['ike', 'aes-sha2-none', 2, '*', 'error', [9, 13]], ['ike', 'aes-sha2-none', 1, '*', 'error'], ['ike', 'aes_gcm-sha2-dh19', 1, '*', 'error', [0, 7]],
  ['ike', 'aes-sha1-dh19', 2, '*', 'warning', [4, 8]], ['ike', '3des-sha2-dh19', 2, '*', 'warning', [0, 4]], ['ike', 'aes-sha2-modp1536', 2, '*', 'warning', [9, 17]],
  ['ike', 'aes-sha2-dh19-dh20', 2, '*', 'error', [14, 18]], ['ike', 'aes-shaa2-dh19', 2, '*', 'error', [4, 9]], ['ike', 'aes-sha2,', 2, '*', 'error', [9, 9]],
  ['ike', 'aes-sha2-ml_kem_768', 2, '4', 'error'], ['ike', 'aes-sha2-ml_kem_768', 2, '5', 'ok'], ['ike', '', 2, '*', 'error'],
  ['esp', 'aes_gcm-none', 2, '*', 'ok'], ['esp', 'aes_gcm', 2, '*', 'ok'], ['esp', 'aes-none', 2, '*', 'error', [4, 8]], ['esp', 'aes_gcm-sha1', 2, '*', 'error', [8, 12]],
  ['esp', 'aes_gcm16', 2, '*', 'error', [0, 9]], ['esp', 'aes_gcm_16256', 2, '*', 'error'], ['esp', '3des168', 2, '*', 'error'], ['esp', 'aes-sha2_512;dh19', 2, '*', 'ok'],
  ['esp', 'aes-sha1-dh19', 1, '4', 'error', [9, 13]], ['esp', 'aes-sha1-dh19', 1, '5', 'warning'], ['esp', 'hmac_sha2_256_truncbug', 2, '*', 'error'],
  ['esp', 'aes-hmac_sha2_256_truncbug', 1, '*', 'warning'], ['esp', 'AES_GCM-NONE', 2, '*', 'ok'], ['esp', 'aes-md5', 2, '*', 'warning', [4, 7]],
  ['esp', 'aes-sha2+sha1', 1, '*', 'error'], ['esp', 'aes_ccm_8_128', 2, '*', 'ok'],
  ['ah', 'sha2_256', 2, '*', 'ok'], ['ah', 'none', 2, '*', 'error', [0, 4]], ['ah', 'aes', 2, '*', 'error'], ['ah', 'sha1+sha2', 2, '*', 'warning'],
];

function worst(issues: { severity?: string }[]): 'ok' | 'error' | 'warning' {
  if (issues.length === 0) return 'ok';
  return issues.some((i) => (i.severity ?? 'error') === 'error') ? 'error' : 'warning';
}

for (const [kind, text, ike, ver, expect, range] of ROWS) {
  for (const version of ver === '*' ? (['4', '5'] as const) : [ver]) {
    test(`IKEv${ike} ${kind}=${text} (v${version}) -> ${expect}`, () => {
      const issues = validateAlgorithms(kind, text, { version, ikeVersion: ike });
      assert.equal(worst(issues), expect, JSON.stringify(issues));
      for (const i of issues) assert.equal(i.code, 'invalid-algorithm');
      if (range) {
        const first = issues.find((i) => (i.severity ?? 'error') === expect) ?? issues[0]!;
        assert.deepEqual([first.start, first.end], range, JSON.stringify(issues));
      }
    });
  }
}

test('algorithmNames offers only names usable in the slot', () => {
  const enc = algorithmNames('ike', 'encryption', '4');
  assert.ok(enc.includes('aes') && enc.includes('aes_gcm') && enc.includes('chacha20_poly1305'));
  assert.ok(!enc.includes('aes_ccm') && !enc.includes('null'));
  const dh = algorithmNames('ike', 'dh', '4');
  assert.ok(dh.includes('dh19') && dh.includes('modp2048'));
  assert.ok(!dh.includes('modp1024') && !dh.includes('dh22') && !dh.includes('none'));
  assert.ok(algorithmNames('esp', 'dh', '4').includes('none'));
  assert.deepEqual(algorithmNames('ah', 'encryption', '4'), []);
  assert.deepEqual(algorithmNames('esp', 'prf', '5'), []);
  assert.ok(algorithmNames('ike', 'dh', '5').includes('ml_kem_768'));
  assert.ok(!algorithmNames('ike', 'dh', '4').includes('ml_kem_768'));
});

test('describeAlgorithm gives our own hover text', () => {
  assert.match(describeAlgorithm('aes_gcm')!, /AES_GCM_16.*128, 192, 256/s);
  assert.match(describeAlgorithm('aes256')!, /Here: 256 bits/);
  assert.match(describeAlgorithm('modp1024')!, /Not built by default/);
  assert.match(describeAlgorithm('SHA1')!, /weak/);
  assert.equal(describeAlgorithm('bogus'), null);
  assert.equal(describeAlgorithm(''), null);
});

test('fuzz: validators never throw and keep ranges inside the text', () => {
  const types: ValueType[] = ['string', 'enum', 'list-enum', 'bool', 'number', 'time', 'percent', 'binary', 'byte', 'ip', 'ip-list', 'subnet', 'subnets', 'range', 'mark', 'id', 'loose-enum', 'list', 'algorithms', 'number-or-bool', 'filename'];
  const keywords = ['', 'subnet', 'vti', 'mark', 'ike', 'esp', 'ah', 'authby', 'virtual-private', 'protoport', 'nexthop', 'sourceip', 'keyingtries'];
  const alphabet = 'aes_gcm-sha2;+,/.:%@#{}" 0123456789xfv\u00e9\ud83d\ude00';
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let n = 0; n < 3000; n++) {
    const len = Math.floor(rnd() * 30);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    const type = types[n % types.length]!;
    const keyword = keywords[Math.floor(rnd() * keywords.length)]!;
    for (const version of ['4', '5'] as const) {
      const issues = validateValue({ keyword, type, text: s, version, allowed: n % 2 ? ['yes', 'no'] : null });
      for (const i of issues) assert.ok(i.start >= 0 && i.end <= s.length && i.start <= i.end, `${type} ${JSON.stringify(s)} ${JSON.stringify(i)}`);
      for (const kind of ['ike', 'esp', 'ah'] as const) {
        for (const i of validateAlgorithms(kind, s, { version, ikeVersion: n % 2 ? 1 : 2 })) assert.ok(i.start >= 0 && i.end <= s.length && i.start <= i.end);
      }
    }
  }
  // Long input stays fast (linear).
  const big = 'aes-sha2-dh19,'.repeat(20000);
  const t0 = Date.now();
  validateAlgorithms('ike', big, { version: '5' });
  validateValue({ keyword: 'subnets', type: 'subnets', text: '10.0.0.0/24 '.repeat(20000), version: '5', allowed: null });
  assert.ok(Date.now() - t0 < 2000);
});
