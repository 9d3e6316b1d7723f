import { prng as rng } from '../../support/prng';
/**
 * Proposal strings for the algparse differential test: well-formed proposals built from
 * common algorithm spellings, plus deterministic mutants (misspellings, bad key lengths,
 * DH groups that are not built, integrity `none`, separator slips).
 */

/** One probe: IKE version, proposal keyword and proposal text. */
export interface ProposalCase { ike: 1 | 2; kind: 'ike' | 'esp' | 'ah'; text: string }

const IKE_ENC = ['aes', 'aes128', 'aes_256', 'aes-256', 'aes192', 'aes_gcm', 'aes_gcm256', 'aes_gcm_16_256', 'aes_gcm_8_128', 'aes_gcm_c', 'chacha20_poly1305', '3des', 'camellia', 'camellia256', 'aesctr', 'aes_ctr128', 'AES_CBC', 'aes_cbc_128'];
const PRF = ['sha1', 'sha2', 'sha2_256', 'sha384', 'sha2_512', 'md5', 'aes_xcbc', 'hmac_sha2_256', 'SHA2_256'];
const DH = ['modp2048', 'dh14', 'dh19', 'ecp384', 'ecp_521', 'dh31', 'curve25519', 'modp1536', 'modp4096', 'dh5', 'modp8192'];
const ESP_ENC = ['aes', 'aes128', 'aes_256', 'aes-128', 'aes_gcm', 'aes_gcm_16', 'aes_gcm128', 'aes_gcm_12_192', 'aes_ccm', 'aes_ccm_8_128', 'chacha20_poly1305', '3des', 'null', 'camellia_ctr', 'null_auth_aes_gmac', 'aes_ctr', 'camellia_cbc_192'];
const INTEG = ['sha1', 'sha2_256', 'sha2_512', 'sha384', 'md5', 'aes_xcbc', 'aes_cmac', 'sha1_96', 'hmac_sha2_512_256', 'hmac_sha2_256_truncbug', 'none', 'null'];
const BAD_DH = ['modp1024', 'dh2', 'dh22', 'dh23', 'dh24', 'none', 'dh0', 'modp9999', 'mlkem768'];


function mutate(word: string, r: () => number): string {
  const k = Math.floor(r() * 4);
  const i = Math.floor(r() * word.length);
  if (k === 0) return word.slice(0, i) + word.slice(i + 1);
  if (k === 1) return word.slice(0, i) + 'x' + word.slice(i);
  if (k === 2 && word.length > 1) { const j = Math.min(i + 1, word.length - 1); return word.slice(0, i) + word[j] + word[i] + word.slice(j + 1); }
  return word + 'q';
}

/** Returns ~500 probes (deterministic). */
export function proposalCorpus(): ProposalCase[] {
  const r = rng(20240611);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: ProposalCase[] = [];
  const add = (ike: 1 | 2, kind: ProposalCase['kind'], text: string) => out.push({ ike, kind, text });
  // Well-formed IKE proposals.
  for (let n = 0; n < 90; n++) {
    const sep = r() < 0.3 ? ';' : '-';
    const shape = Math.floor(r() * 4);
    const e = pick(IKE_ENC), p = pick(PRF), d = pick(DH);
    const text = shape === 0 ? e : shape === 1 ? `${e}-${p}` : shape === 2 ? `${e}-${p}${sep}${d}` : `${e}-${p}${sep}${d},${pick(IKE_ENC)}-${pick(PRF)}`;
    add(r() < 0.75 ? 2 : 1, 'ike', text);
  }
  // IKEv2 lists with '+', and explicit integrity.
  for (let n = 0; n < 25; n++) add(2, 'ike', `${pick(IKE_ENC)}+${pick(IKE_ENC)}-${pick(PRF)}+${pick(PRF)}-${pick(DH)}+${pick(DH)}`);
  for (let n = 0; n < 15; n++) add(2, 'ike', `${pick(IKE_ENC)}-${pick(INTEG)}-${pick(PRF)}-${pick(DH)}`);
  // Well-formed ESP / AH proposals.
  for (let n = 0; n < 90; n++) {
    const e = pick(ESP_ENC), i = pick(INTEG);
    const shape = Math.floor(r() * 4);
    const text = shape === 0 ? e : shape === 1 ? `${e}-${i}` : shape === 2 ? `${e}-${i}-${pick(DH)}` : `${e}-${i},${pick(ESP_ENC)}`;
    add(r() < 0.7 ? 2 : 1, 'esp', text);
  }
  for (let n = 0; n < 25; n++) add(r() < 0.7 ? 2 : 1, 'ah', r() < 0.5 ? pick(INTEG) : `${pick(INTEG)}-${pick(DH)}`);
  // Mutants: misspelt names in each slot.
  for (let n = 0; n < 60; n++) {
    const slot = Math.floor(r() * 3);
    const e = pick(IKE_ENC), p = pick(PRF), d = pick(DH);
    const parts = [e, p, d];
    parts[slot] = mutate(parts[slot]!, r);
    add(r() < 0.75 ? 2 : 1, 'ike', parts.join('-'));
  }
  for (let n = 0; n < 40; n++) add(r() < 0.7 ? 2 : 1, 'esp', `${mutate(pick(ESP_ENC), r)}-${pick(INTEG)}`);
  // Bad key lengths.
  for (const k of ['aes257', 'aes_512', 'aes-64', 'aes0', 'aes_0', 'aes-0', 'aes00128', 'aes_gcm_16256', 'aes_gcm_16_25', 'aes_gcm16', 'aes_gcm8', 'aes_gcm_a128', 'aes_ccm_12192', '3des168', '3des_192', 'chacha20_poly1305_256', 'chacha20_poly1305256', 'null_0', 'null8', 'camellia_512', 'aes_ctr_100', 'aes99999999999', 'aes-12x']) {
    add(2, 'esp', k); add(2, 'ike', `${k}-sha2-dh19`);
  }
  // DH groups, including ones that are not built by default.
  for (const d of [...BAD_DH, ...DH]) { add(2, 'ike', `aes-sha2_256-${d}`); add(1, 'ike', `aes-sha2_256-${d}`); add(2, 'esp', `aes-sha2_256-${d}`); add(1, 'esp', `aes-sha1;${d}`); }
  // integrity none and AEAD rules.
  for (const s of ['aes-none', 'aes-null', 'aes_gcm-none', 'aes_gcm-sha1', 'aes_gcm-null', 'aes-sha1+none', 'aes_gcm-none+sha1', 'null-none', 'chacha20_poly1305-none', 'aes+aes_gcm', 'aes_gcm+aes_ccm', 'aes+3des-sha1+sha2']) {
    add(2, 'esp', s); add(1, 'esp', s);
  }
  for (const s of ['none', 'null', 'sha1+none', 'aes', 'sha2_256-none']) { add(2, 'ah', s); add(1, 'ah', s); }
  for (const s of ['aes-none-sha2', 'aes_gcm-none-sha2-dh19', 'aes_gcm-sha2_256_128-sha2', 'aes-sha2-none', 'aes-sha2-dh19+none', 'aes-aes_cmac-sha2', 'aes_ccm-sha2', 'null_auth_aes_gmac', 'camellia_ctr-sha2']) {
    add(2, 'ike', s); add(1, 'ike', s);
  }
  // Separator slips.
  for (const s of ['', ',', 'aes,', ',aes', 'aes--sha1', 'aes-', 'aes-sha2-', 'aes-sha2;', 'aes;dh19', 'aes-;dh19', '-sha2', 'aes++aes', 'aes+', 'aes-sha2+', 'aes-sha2;dh19;dh20', 'aes-sha2-dh19-dh20', 'aes-sha2-sha1-dh19', 'aes sha2', 'aes-sha2 ', ' aes', 'aes-sha2,,aes', 'aes-sha2-dh19,aes_gcm']) {
    add(2, 'ike', s); add(1, 'ike', s); add(2, 'esp', s);
  }
  return out;
}
