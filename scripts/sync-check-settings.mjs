// Writes every check's code, default severity and description into package.json's settings schema
// (contributes.configuration.properties["vpnconf.checks"].properties). Run after `tsc`:
//   node scripts/sync-check-settings.mjs
// The meta-test test/unit/registry.test.ts fails when package.json is out of step.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { CHECKS } = require(resolve(root, 'out/server/src/checks/index.js'));
const pkgPath = resolve(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const props = {};
for (const c of [...CHECKS].sort((a, b) => a.code.localeCompare(b.code))) {
  props[c.code] = { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'], default: c.defaultSeverity, description: c.description };
}
pkg.contributes.configuration.properties['vpnconf.checks'].properties = props;
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${Object.keys(props).length} check settings`);
