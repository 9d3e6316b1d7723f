import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFixture } from '../harness/fixture';
import { compareFixture, runFixture } from '../harness/run-fixture';

/** Every test/fixtures/<code>/*.fixture: the reported diagnostics must equal the annotations. */
const root = resolve(__dirname, '../../../test/fixtures');
const folders = existsSync(root) ? readdirSync(root).sort() : [];
for (const folder of folders) {
  for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.fixture')).sort()) {
    test(`fixture ${folder}/${name}`, () => {
      const fx = loadFixture(join(root, folder, name));
      const diffs = compareFixture(fx, runFixture(fx));
      assert.deepEqual(diffs, [], `fixture ${folder}/${name} differs:\n${diffs.join('\n')}`);
    });
  }
}
