import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeYamahaBytes } from '../../../server/src/languages/yamaha/decode';
import { bytes, rtxFindings, snapshotOf, yamahaReferenceDir } from './helpers';

/** Injected defects: [label, pattern on one line, replacement]. Each must give an error on that line. */
const DEFECTS: [string, RegExp, string][] = [
  ['misspelt IKE encryption', /(ipsec ike encryption \d+ )aes\S*/, '$1aes-cbx'],
  ['misspelt ESP algorithm', /(ipsec sa policy \d+ \d+ esp )\S+/, '$1aes-cbcc'],
  ['misspelt IKE hash', /(ipsec ike hash \d+ )\S+/, '$1sha1'],
  ['bad remote address', /(ipsec ike remote address \d+ )\S+/, '$1198.51.100.311'],
  ['bad local address', /(ipsec ike local address \d+ )\S+/, '$1203.0.113.'],
  ['bad prefix length', /(ip tunnel address \d+\.\d+\.\d+\.\d+)\/\d+/, '$1/33'],
  ['bad route prefix length', /(ip lan1 address \d+\.\d+\.\d+\.\d+)\/\d+/, '$1/40'],
  ['misspelt sub-keyword (keepalive)', /ipsec ike keepalive use/, 'ipsec ike keepalive uze'],
  ['misspelt sub-keyword (df-bit)', /ipsec tunnel outer df-bit/, 'ipsec tunnel outter df-bit'],
  ['misspelt sub-keyword (duration)', /ipsec ike duration (ipsec|child)-sa/, 'ipsec ike duration ipsec-sai'],
  ['unsupported DH group', /(ipsec ike group \d+ )\S+/, '$1modp3072'],
  ['out-of-range AS', /(bgp autonomous-system )\d+/, '$170000'],
  ['out-of-range neighbor AS', /(bgp neighbor \d+ )\d+/, '$199999'],
  ['out-of-range hold-time', /hold-time=\d+/, 'hold-time=1'],
  ['out-of-range MSS', /(ip tunnel tcp mss limit )\S+/, '$11600'],
  ['bad on/off', /(ipsec ike pfs \d+ )\S+/, '$1yes'],
];

const dir = join(yamahaReferenceDir(), 'samples');
const samples = readdirSync(dir).filter((f) => /\.(txt|rtx)$/.test(f));

test('every injected defect gives an error on its line', () => {
  let tried = 0;
  let caught = 0;
  const missed: string[] = [];
  for (const name of samples) {
    const { text } = decodeYamahaBytes(bytes(join(dir, name)));
    const lines = text.split(/\r\n|\n/);
    for (const [label, re, rep] of DEFECTS) {
      const idx = lines.findIndex((l) => re.test(l));
      if (idx < 0) continue;
      tried++;
      const mutated = lines.slice();
      mutated[idx] = mutated[idx].replace(re, rep);
      const { snapshot } = snapshotOf({ [`/ws/${name}.rtx`]: mutated.join('\n') });
      const errs = rtxFindings(snapshot).filter((f) => f.severity === 'error' && f.range.start.line === idx);
      if (errs.length > 0) caught++;
      else missed.push(`${name}:${idx + 1} ${label}`);
    }
  }
  console.log(`defect injection: ${caught}/${tried} injected defects reported as an error on their line (${samples.length} samples x ${DEFECTS.length} defect kinds)`);
  assert.deepEqual(missed, []);
  assert.ok(tried >= 40);
});
