import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFixture } from '../../harness/fixture';
import { runFixture } from '../../harness/run-fixture';

/**
 * Messages name a tunnel end in the terms of its language (model/tunnel-types.ts `endLabel`): a Libreswan
 * conn is "conn `name`", a Yamaha tunnel is "tunnel N" — never "conn `tunnel N`". Swept over every fixture,
 * messages and related places alike.
 */
const root = resolve(__dirname, '../../../../test/fixtures');

test('no finding calls a Yamaha tunnel a conn (messages and related places of every fixture)', () => {
  const bad: string[] = [];
  let yamahaFindings = 0;
  for (const folder of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.fixture'))) {
      const fx = loadFixture(join(root, folder, name));
      for (const f of runFixture(fx)) {
        const texts = [f.message, ...(f.related ?? []).map((r) => r.message)];
        if (texts.some((t) => /tunnel \d/.test(t))) yamahaFindings++;
        for (const t of texts) if (/conn `?tunnel \d/.test(t)) bad.push(`${folder}/${name}: ${t}`);
      }
    }
  }
  assert.ok(yamahaFindings > 5, `the sweep sees Yamaha ends (${yamahaFindings})`);
  assert.deepEqual(bad, []);
});
