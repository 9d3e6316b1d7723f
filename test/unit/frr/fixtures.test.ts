/** Runs the FRR fixture folders (test/fixtures/frr-*) with the registry plus frrChecks (until the lead wires them). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixture } from '../../harness/fixture';
import { compareFixture, fixtureSnapshot, FIXTURE_ROOT } from '../../harness/run-fixture';
import { runChecks } from '../../../server/src/checks/run';
import { CHECKS } from '../../../server/src/checks';
import { frrChecks } from '../../../server/src/checks/frr-index';
import type { Finding } from '../../../server/src/core/types';
import { pathOfUri } from '../../../server/src/workspace/workspace';
import { repoRoot } from './shared-path';

const root = join(repoRoot(), 'test', 'fixtures');
const all = [...CHECKS.filter((c) => !frrChecks.some((f) => f.code === c.code)), ...frrChecks];
for (const folder of existsSync(root) ? readdirSync(root).filter((f) => f.startsWith('frr-')).sort() : []) {
  for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.fixture')).sort()) {
    test(`frr fixture ${folder}/${name}`, () => {
      const fx = loadFixture(join(root, folder, name));
      const { snapshot } = fixtureSnapshot(fx);
      const found: Array<Finding & { file: string }> = [];
      for (const list of runChecks(snapshot, fx.overrides, undefined, all).values())
        for (const f of list) found.push({ ...f, file: pathOfUri(f.uri).slice(FIXTURE_ROOT.length + 1) });
      const diffs = compareFixture(fx, found);
      assert.deepEqual(diffs, [], diffs.join('\n'));
    });
  }
}
