// Rewrites the "## Checks" table of README.md from the compiled check registry (run after `tsc`):
//   node scripts/sync-readme-checks.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { CHECKS } = createRequire(import.meta.url)(resolve(root, 'out/server/src/checks/index.js'));
const rows = CHECKS.map((c) => `| \`${c.code}\` | ${c.defaultSeverity} | ${c.description.replace(/\|/g, '\\|')} |`);
const table = ['| code | default | what it finds |', '|---|---|---|', ...rows].join('\n');
const path = resolve(root, 'README.md');
const text = readFileSync(path, 'utf8');
const start = text.indexOf('| code | default | what it finds |');
const end = text.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('README.md has no checks table');
writeFileSync(path, text.slice(0, start) + table + text.slice(end));
console.log(`README.md: ${rows.length} checks`);
