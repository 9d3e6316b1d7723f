import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECKS } from '../../server/src/checks';

const root = resolve(__dirname, '../../..');

test('every check code is unique, kebab-case, and its file is named after it', () => {
  const codes = CHECKS.map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) {
    assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(resolve(root, 'server/src/checks', `${code}.ts`)), `server/src/checks/${code}.ts`);
  }
});

test('every check has a fixture folder with at least one fixture, and every fixture folder is a check', () => {
  const fixtures = resolve(root, 'test/fixtures');
  const folders = readdirSync(fixtures).filter((f) => f !== 'clean');
  for (const c of CHECKS) {
    const dir = resolve(fixtures, c.code);
    assert.ok(existsSync(dir) && readdirSync(dir).some((n) => n.endsWith('.fixture')), `test/fixtures/${c.code}/ has a fixture`);
  }
  const codes = new Set(CHECKS.map((c) => c.code));
  for (const f of folders) assert.ok(codes.has(f), `fixture folder ${f} names a registered check`);
});

test('package.json declares a severity setting for every check (run scripts/sync-check-settings.mjs)', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties['vpnconf.checks'].properties as Record<string, { default: string; description: string }>;
  assert.deepEqual(Object.keys(props).sort(), CHECKS.map((c) => c.code).sort());
  for (const c of CHECKS) {
    assert.equal(props[c.code].default, c.defaultSeverity, c.code);
    assert.equal(props[c.code].description, c.description, c.code);
  }
});

test('README.md lists every check code (run scripts/sync-readme-checks.mjs)', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  for (const c of CHECKS) assert.ok(readme.includes(`| \`${c.code}\` | ${c.defaultSeverity} |`), `README row for ${c.code}`);
});
