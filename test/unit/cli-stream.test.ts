import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCheck, runCheckWhole, type CheckArgs } from '../../server/src/cli/check';
import { parseFixture, type Fixture } from '../harness/fixture';

/**
 * The CLI checks host by host (cli/stream.ts) and keeps only compact facts between hosts; its output must
 * be byte-identical to checking the whole workspace at once (`runCheckWhole`, the server's way). Every
 * fixture is written to disk and checked both ways, in every output format.
 */
const root = resolve(__dirname, '../../../test/fixtures');

function materialize(fx: Fixture): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-stream-'));
  for (const f of fx.files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text, { mode: f.mode ?? 0o600 });
  }
  return dir;
}

function bothWays(dir: string | string[], fx?: Fixture): void {
  for (const format of ['json', 'text', 'sarif'] as const) {
    const args = (): CheckArgs => ({ format, paths: Array.isArray(dir) ? dir : [dir], options: { ...(fx?.options ?? { libreswanVersion: '5' }) }, overrides: { ...(fx?.overrides ?? {}) } });
    const streamed = runCheck(args(), '1.0.0');
    const whole = runCheckWhole(args(), '1.0.0');
    assert.equal(streamed.output, whole.output, `${fx?.name ?? dir} (${format})`);
    assert.equal(streamed.exitCode, whole.exitCode);
  }
}

test('streamed check == whole-workspace check on every fixture', () => {
  let n = 0;
  for (const folder of existsSync(root) ? readdirSync(root).sort() : []) {
    for (const name of readdirSync(join(root, folder)).filter((x) => x.endsWith('.fixture')).sort()) {
      const fx = parseFixture(`${folder}/${name}`, readFileSync(join(root, folder, name), 'utf8'));
      const dir = materialize(fx);
      try {
        bothWays(dir, fx);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      n++;
    }
  }
  assert.ok(n > 50, `${n} fixtures compared`);
});

test('an include that reaches another host falls back to the whole-workspace check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-stream-'));
  try {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'ipsec.conf'), 'config setup\n    plutodebug=none\ninclude ../b/ipsec.conf\n');
    writeFileSync(join(dir, 'b', 'ipsec.conf'), 'conn t\n    left=192.0.2.1\n    right=198.51.100.1\n    authby=secret\n    auto=start\ninclude ../a/ipsec.conf\n');
    writeFileSync(join(dir, 'b', 'odd.conf'), 'conn u\n    left=192.0.2.9\n    right=%any\n', { mode: 0o644 });
    bothWays(dir);
    bothWays([join(dir, 'a'), join(dir, 'b'), join(dir, 'b')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
