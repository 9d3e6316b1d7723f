/**
 * Runs the rtx-* fixtures through the shared fixture harness (test/harness/) with only the Yamaha checks, so
 * they pass on this branch before `rtxChecks` is added to the registry (after that, test/unit/fixtures.test.ts
 * runs them with every check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixture } from '../../harness/fixture';
import { compareFixture, fixtureSnapshot, FIXTURE_ROOT } from '../../harness/run-fixture';
import { CheckCache, runChecks } from '../../../server/src/checks/run';
import { rtxChecks } from '../../../server/src/checks/rtx-index';
import type { Finding } from '../../../server/src/core/types';
import { pathOfUri } from '../../../server/src/workspace/workspace';
import { repoRoot } from './helpers';

const root = join(repoRoot(), 'test', 'fixtures');
const folders = existsSync(root) ? readdirSync(root).filter((d) => d.startsWith('rtx-')).sort() : [];

for (const folder of folders) {
  for (const name of readdirSync(join(root, folder)).filter((f) => f.endsWith('.fixture')).sort()) {
    test(`rtx fixture ${folder}/${name}`, () => {
      const fx = loadFixture(join(root, folder, name));
      const { snapshot } = fixtureSnapshot(fx);
      const found: Array<Finding & { file: string }> = [];
      for (const list of runChecks(snapshot, fx.overrides, new CheckCache(), rtxChecks).values()) {
        for (const f of list) found.push({ ...f, file: pathOfUri(f.uri).slice(FIXTURE_ROOT.length + 1) });
      }
      // Only the Yamaha checks run here, so only their expectations apply (fixtures.test.ts checks all).
      const codes = new Set(rtxChecks.map((c) => c.code));
      const diffs = compareFixture({ ...fx, expectations: fx.expectations.filter((e) => codes.has(e.code)) }, found);
      assert.deepEqual(diffs, [], diffs.join('\n'));
    });
  }
}
