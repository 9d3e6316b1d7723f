#!/usr/bin/env node
// Generates server/src/languages/libreswan/data/algorithms.json from the shared reference
// ../shared/reference/libreswan/algorithms.json (facts extracted from Libreswan's
// lib/libswan/ike_alg*.c and mk/config.mk at v4.10 and v5.4). Only facts are kept.
// Usage: node scripts/gen-libreswan-algorithms.mjs [SOURCE.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The repo is a sibling of shared/; a git worktree under wt/ sits one level deeper.
const REL = 'shared/reference/libreswan/algorithms.json';
const src = process.argv[2] ?? [resolve(root, '..', REL), resolve(root, '../..', REL)].find((p) => existsSync(p));
if (!src) { console.error(`cannot find ../${REL}`); process.exit(2); }
const out = resolve(root, 'server/src/languages/libreswan/data/algorithms.json');
const ref = JSON.parse(readFileSync(src, 'utf8'));

const KINDS = new Set(['encryption', 'integrity', 'prf', 'dh']);
// Facts measured with `ipsec algparse` 4.10 (the reference JSON has no field for them):
// these descriptors have no in-process (IKE SA) implementation, so ike= rejects them.
const NO_IKE_IMPL = new Set(['AES_CCM_8', 'AES_CCM_12', 'AES_CCM_16', 'NULL', 'NULL_AUTH_AES_GMAC',
  'CAMELLIA_CTR', 'AES_CMAC_96', 'HMAC_SHA2_256_TRUNCBUG']);
// Combined-mode ciphers (their descriptors carry an AEAD tag size in ike_alg_encrypt_*.c).
const isAead = (fqn) => /GCM|CCM|POLY1305|GMAC/.test(fqn);

const result = { source: 'libreswan v4.10 (b681175c) and v5.4 (5eb03b77) via ../shared/reference/libreswan/algorithms.json', versions: {} };
for (const [ver, key] of [['4', '4.10'], ['5', '5']]) {
  const list = [];
  for (const a of ref.algorithms) {
    if (!KINDS.has(a.kind)) continue;
    const status = a.versions[key];
    const b = a.by_version[key];
    if (status === 'absent' || !b) continue;
    const e = {
      fqn: a.fqn,
      kind: a.kind,
      names: b.names.map((n) => n.toLowerCase()),
      built: status === 'ok' && b.built_by_default !== false,
      v1Ike: !!b.ikev1_ike,
      v1EspAh: !!b.ikev1_esp_ah,
      v2: !!b.ikev2,
      ikeImpl: !NO_IKE_IMPL.has(a.fqn),
      fips: !!b.fips_approved,
      weak: !!a.weak,
    };
    if (a.kind === 'encryption') {
      e.keyLengths = (b.key_bit_lengths ?? []).filter((n) => n > 0).sort((x, y) => x - y);
      e.aead = isAead(a.fqn);
      // Libreswan refuses an explicit key length for ciphers with a single fixed key size.
      e.keyLengthFixed = (b.key_bit_lengths ?? []).length <= 1;
    }
    list.push(e);
  }
  list.sort((x, y) => x.kind.localeCompare(y.kind) || x.fqn.localeCompare(y.fqn));
  result.versions[ver] = list;
}
writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
console.log(`wrote ${out}: ${result.versions['4'].length} (4.x) / ${result.versions['5'].length} (5.x) algorithms`);
