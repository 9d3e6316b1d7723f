// Regenerates server/src/languages/libreswan/data/keywords.json from the checked reference table
// ../shared/reference/libreswan/keywords.json (facts extracted from Libreswan v4.10 and v5.4 sources and
// verified against addconn 4.10). Run: node scripts/gen-libreswan-keywords.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = JSON.parse(readFileSync(resolve(root, '../shared/reference/libreswan/keywords.json'), 'utf8'));
const status = (s) => s; // ok | deprecated | obsolete | absent
const out = src.map((k) => {
  const byVersion = (field) => ({ '4': k[`${field}_by_version`]?.['4.10'] ?? null, '5': k[`${field}_by_version`]?.['5'] ?? null });
  const types = byVersion('type');
  const values = byVersion('values');
  return {
    name: k.name,
    section: k.section,
    leftright: k.leftright,
    type: { '4': types['4'] ?? k.type ?? 'string', '5': types['5'] ?? k.type ?? 'string' },
    values: { '4': values['4'] ?? k.values ?? null, '5': values['5'] ?? k.values ?? null },
    aliases: k.aliases ?? [],
    status: { '4': status(k.versions['4.10']), '5': status(k.versions['5']) },
    replacement: { '4': k.alias_of?.['4.10'] ?? (k.versions['4.10'] === 'deprecated' ? k.replacement : null), '5': k.alias_of?.['5'] ?? (k.versions['5'] === 'deprecated' ? k.replacement : null) },
    buildCondition: k.build_condition ?? null,
  };
});
mkdirSync(resolve(root, 'server/src/languages/libreswan/data'), { recursive: true });
writeFileSync(resolve(root, 'server/src/languages/libreswan/data/keywords.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${out.length} keywords`);
