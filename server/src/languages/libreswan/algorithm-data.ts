/**
 * Typed access to the generated algorithm facts (`data/algorithms.json`, written by
 * `scripts/gen-libreswan-algorithms.mjs` from Libreswan's lib/libswan/ike_alg_*.c and mk/config.mk
 * at v4.10 and v5.4), plus name lookup, completion lists and hover descriptions.
 */
import data from './data/algorithms.json';
import type { LibreswanVersion } from './value-issue';

/** The four transform slots of a proposal (Libreswan's ike_alg types, `hash` left out). */
export type AlgorithmPart = 'encryption' | 'integrity' | 'prf' | 'dh';
/** Which proposal keyword a string belongs to: `ike=`, `esp=` (also `phase2alg=`) or `ah=`. */
export type ProposalKind = 'ike' | 'esp' | 'ah';

/** One algorithm descriptor as Libreswan registers it for one version. */
export interface AlgorithmFact {
  /** Libreswan's full name, e.g. `AES_GCM_16`. */
  fqn: string;
  kind: AlgorithmPart;
  /** Every accepted spelling, lower case (Libreswan compares names case-insensitively). */
  names: string[];
  /** Compiled in by a default build (false: behind a USE_* option that defaults off). */
  built: boolean;
  /** Usable in IKEv1 ike= / IKEv1 esp=,ah= / IKEv2 proposals. */
  v1Ike: boolean;
  v1EspAh: boolean;
  v2: boolean;
  /** Has an in-process implementation, i.e. may be used for the IKE SA itself. */
  ikeImpl: boolean;
  fips: boolean;
  /** Our own label: MD5, SHA1, 3DES, NULL, MODP1024/1536, DH22-24, SHA2 truncbug. */
  weak: boolean;
  /** Encryption only: valid key sizes in bits, ascending. */
  keyLengths?: number[];
  /** Encryption only: combined-mode cipher (integrity must be `none`). */
  aead?: boolean;
  /** Encryption only: a single fixed key size; an explicit key length is refused. */
  keyLengthFixed?: boolean;
}

const byVersion: Record<LibreswanVersion, AlgorithmFact[]> = {
  '4': data.versions['4'] as AlgorithmFact[],
  '5': data.versions['5'] as AlgorithmFact[],
};

const index = new Map<string, AlgorithmFact>();
for (const v of ['4', '5'] as const) {
  for (const a of byVersion[v]) for (const n of a.names) index.set(`${v}:${a.kind}:${n}`, a);
}

/** Looks up `name` (any case) among the algorithms of one part for one Libreswan version. */
export function findAlgorithm(version: LibreswanVersion, part: AlgorithmPart, name: string): AlgorithmFact | undefined {
  if (name.length > 64) return undefined;
  return index.get(`${version}:${part}:${name.toLowerCase()}`);
}

/** All algorithm facts of one Libreswan version (read-only view). */
export function allAlgorithms(version: LibreswanVersion): readonly AlgorithmFact[] {
  return byVersion[version];
}

/**
 * Whether `alg` may appear in slot `part` of a `kind` proposal for the given IKE version, in a
 * default build. Mirrors lib/libswan/alg_byname.c (version ids, in-process implementation).
 */
export function algorithmUsable(alg: AlgorithmFact, kind: ProposalKind, ikeVersion: 1 | 2): boolean {
  if (!alg.built) return false;
  if (ikeVersion === 1 ? !(kind === 'ike' ? alg.v1Ike : alg.v1EspAh) : !alg.v2) return false;
  if (kind === 'ike' && !alg.ikeImpl) return false;
  return true;
}

/**
 * Names offered for completion in slot `part` of a `kind=` proposal (IKEv2 unless `ikeVersion`
 * is 1), for Libreswan `version`. Only names a default build accepts there; sorted, unique.
 * Source: data/algorithms.json and the slot grammar of lib/libswan/v2_proposals.c.
 */
export function algorithmNames(kind: ProposalKind, part: AlgorithmPart, version: LibreswanVersion, ikeVersion: 1 | 2 = 2): string[] {
  if (kind === 'ah' && part === 'encryption') return [];
  if (kind !== 'ike' && part === 'prf') return [];
  if (kind === 'ike' && ikeVersion === 1 && part === 'integrity') return [];
  const out = new Set<string>();
  for (const a of byVersion[version]) {
    if (a.kind !== part || !algorithmUsable(a, kind, ikeVersion)) continue;
    if (a.fqn === 'NONE' && (kind === 'ah' || (kind === 'ike' && part === 'dh'))) continue;
    for (const n of a.names) out.add(n);
  }
  return [...out].sort();
}

/** Our own one-line descriptions by Libreswan fqn. */
const DESCRIPTIONS: Record<string, string> = {
  AES_CBC: 'AES in CBC mode, a block cipher that needs a separate integrity algorithm',
  AES_CTR: 'AES in counter mode; needs a separate integrity algorithm',
  AES_GCM_8: 'AES-GCM with an 8-byte ICV, authenticated encryption (integrity must be none)',
  AES_GCM_12: 'AES-GCM with a 12-byte ICV, authenticated encryption (integrity must be none)',
  AES_GCM_16: 'AES-GCM with a 16-byte ICV, the usual AES-GCM; authenticated encryption (integrity must be none)',
  AES_CCM_8: 'AES-CCM with an 8-byte ICV, authenticated encryption for ESP only',
  AES_CCM_12: 'AES-CCM with a 12-byte ICV, authenticated encryption for ESP only',
  AES_CCM_16: 'AES-CCM with a 16-byte ICV, authenticated encryption for ESP only',
  CAMELLIA_CBC: 'Camellia in CBC mode; needs a separate integrity algorithm',
  CAMELLIA_CTR: 'Camellia in counter mode, ESP only',
  CHACHA20_POLY1305: 'ChaCha20 stream cipher with Poly1305 authentication (IKEv2 only; integrity must be none)',
  '3DES_CBC': 'Triple DES in CBC mode: 64-bit blocks, slow, obsolete',
  NULL: 'no encryption at all (ESP integrity only)',
  NULL_AUTH_AES_GMAC: 'AES-GMAC: authentication only, no encryption (ESP only)',
  NONE: 'no algorithm: `none` integrity goes with AEAD ciphers; a `none` DH group means no PFS for ESP',
  HMAC_MD5_96: 'HMAC-MD5 truncated to 96 bits, obsolete',
  HMAC_SHA1_96: 'HMAC-SHA1 truncated to 96 bits, legacy',
  HMAC_SHA2_256_128: 'HMAC-SHA2-256 truncated to 128 bits',
  HMAC_SHA2_256_TRUNCBUG: 'HMAC-SHA2-256 truncated to 96 bits, only for peers with the old Linux truncation bug (IKEv1)',
  HMAC_SHA2_384_192: 'HMAC-SHA2-384 truncated to 192 bits',
  HMAC_SHA2_512_256: 'HMAC-SHA2-512 truncated to 256 bits',
  AES_XCBC_96: 'AES-XCBC-MAC truncated to 96 bits',
  AES_CMAC_96: 'AES-CMAC truncated to 96 bits (ESP/AH only)',
  AES_XCBC: 'AES-XCBC pseudo-random function (IKEv2 only)',
  HMAC_MD5: 'HMAC-MD5 pseudo-random function, obsolete',
  HMAC_SHA1: 'HMAC-SHA1 pseudo-random function, legacy',
  HMAC_SHA2_256: 'HMAC-SHA2-256 pseudo-random function',
  HMAC_SHA2_384: 'HMAC-SHA2-384 pseudo-random function',
  HMAC_SHA2_512: 'HMAC-SHA2-512 pseudo-random function',
  MODP1024: 'finite-field DH group 2 (1024-bit), broken; compiled out of default builds',
  MODP1536: 'finite-field DH group 5 (1536-bit), too small today',
  MODP2048: 'finite-field DH group 14 (2048-bit)',
  MODP3072: 'finite-field DH group 15 (3072-bit)',
  MODP4096: 'finite-field DH group 16 (4096-bit)',
  MODP6144: 'finite-field DH group 17 (6144-bit)',
  MODP8192: 'finite-field DH group 18 (8192-bit)',
  DH19: 'elliptic-curve DH on NIST P-256',
  DH20: 'elliptic-curve DH on NIST P-384',
  DH21: 'elliptic-curve DH on NIST P-521',
  DH22: 'DH group 22 (1024-bit MODP with a 160-bit subgroup), compiled out of default builds',
  DH23: 'DH group 23 (2048-bit MODP with a 224-bit subgroup), compiled out of default builds',
  DH24: 'DH group 24 (2048-bit MODP with a 256-bit subgroup), compiled out of default builds',
  DH31: 'elliptic-curve DH on Curve25519',
  ML_KEM_512: 'ML-KEM-512 post-quantum key encapsulation (IKEv2 additional key exchange)',
  ML_KEM_768: 'ML-KEM-768 post-quantum key encapsulation (IKEv2 additional key exchange)',
  ML_KEM_1024: 'ML-KEM-1024 post-quantum key encapsulation (IKEv2 additional key exchange)',
};

const PART_LABEL: Record<AlgorithmPart, string> = { encryption: 'encryption', integrity: 'integrity', prf: 'PRF', dh: 'key exchange (DH)' };

/**
 * Hover text for an algorithm name (any case, optionally with a key length such as `aes256`):
 * one paragraph per slot the name can fill, in our own words; `null` when unknown.
 * Facts come from data/algorithms.json (5.x first, then 4.x-only names).
 */
export function describeAlgorithm(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return null;
  let base = name.toLowerCase();
  let keyLen: number | undefined;
  const parts: AlgorithmPart[] = ['encryption', 'integrity', 'prf', 'dh'];
  const seen = (n: string) => parts.some((p) => findAlgorithm('5', p, n) || findAlgorithm('4', p, n));
  if (!seen(base)) {
    const m = /^(.*?)_?(\d+)$/.exec(base);
    if (m && m[1] && findAlgorithm('5', 'encryption', m[1])) { base = m[1]; keyLen = Number(m[2]); }
  }
  const lines: string[] = [];
  for (const part of parts) {
    const a = findAlgorithm('5', part, base) ?? findAlgorithm('4', part, base);
    if (!a) continue;
    let s = `**${a.fqn}** (${PART_LABEL[part]}): ${DESCRIPTIONS[a.fqn] ?? a.fqn}.`;
    if (a.keyLengths && a.keyLengths.length > 0) {
      s += a.keyLengthFixed ? ` Fixed ${a.keyLengths[0]}-bit key.` : ` Key sizes: ${a.keyLengths.join(', ')} bits.`;
      if (keyLen !== undefined) s += a.keyLengths.includes(keyLen) ? ` Here: ${keyLen} bits.` : ` ${keyLen} is not a valid key size.`;
    }
    if (!a.built) s += ' Not built by default.';
    if (a.weak) s += ' Considered weak: avoid for new tunnels.';
    if (!a.fips) s += ' Not FIPS-approved.';
    const only4 = !findAlgorithm('5', part, base);
    const only5 = !findAlgorithm('4', part, base);
    if (only4) s += ' Libreswan 4.x only.';
    if (only5) s += ' New in Libreswan 5.';
    lines.push(s);
  }
  return lines.length ? lines.join('\n\n') : null;
}
