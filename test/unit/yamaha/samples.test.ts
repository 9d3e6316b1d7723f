import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeYamahaBytes } from '../../../server/src/languages/yamaha/decode';
import { bytes, rtxFindings, snapshotOf, yamahaReferenceDir } from './helpers';

const dir = join(yamahaReferenceDir(), 'samples');
const samples = readdirSync(dir).filter((f) => /\.(txt|rtx)$/.test(f));

test('there are sample configs to check', () => {
  assert.ok(samples.length >= 4, `found ${samples.length}`);
});

for (const name of samples) {
  test(`sample ${name} checks without errors or warnings`, () => {
    const { text } = decodeYamahaBytes(bytes(join(dir, name)));
    const { snapshot } = snapshotOf({ [`/ws/${name.replace(/\.txt$/, '.rtx')}`]: text });
    const bad = rtxFindings(snapshot).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(bad.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), []);
  });
}

test('the AWS Yamaha download sample (clouds reference) checks without errors', () => {
  const p = join(yamahaReferenceDir(), '..', 'clouds', 'samples', 'aws-yamaha.txt');
  const { text } = decodeYamahaBytes(bytes(p));
  const { snapshot } = snapshotOf({ '/ws/aws.rtx': text });
  const bad = rtxFindings(snapshot).filter((f) => f.severity === 'error');
  assert.deepEqual(bad.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), []);
});
