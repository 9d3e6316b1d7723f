import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFixture } from '../harness/fixture';
import { applyFixAtCursor, compareFixture, runFixture, withoutAnnotations } from '../harness/run-fixture';

/** Every test/fixtures/<code>/*.fixture: the reported diagnostics must equal the annotations. */
const root = resolve(__dirname, '../../../test/fixtures');
const folders = existsSync(root) ? readdirSync(root).sort() : [];
for (const folder of folders) {
  for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.fixture')).sort()) {
    test(`fixture ${folder}/${name}`, () => {
      const fx = loadFixture(join(root, folder, name));
      const diffs = compareFixture(fx, runFixture(fx));
      assert.deepEqual(diffs, [], `fixture ${folder}/${name} differs:\n${diffs.join('\n')}`);
      if (!fx.after.length) return;
      // Quick-fix fixture: the preferred fix at $0 yields the #- after texts and the code is gone.
      const { fixed, code, title } = applyFixAtCursor(fx);
      for (const a of fx.after) {
        const got = fixed.files.find((f) => f.path === a.path);
        assert.equal(withoutAnnotations(got?.text ?? ''), withoutAnnotations(a.text), `${folder}/${name}: ${a.path} after "${title}"`);
      }
      const left = runFixture(fixed).filter((f) => f.code === code);
      assert.deepEqual(left.map((f) => `${f.file}:${f.range.start.line + 1} ${f.message}`), [], `${folder}/${name}: ${code} remains after "${title}"`);
    });
  }
}
