import { randomBytes } from '../../core/random';
import { AWS_PSK, OCI_PSK, PSK_ALPHABET } from '../../model/clouds';
import type { PeerKind } from './types';

/** A source of random bytes; `crypto.randomBytes` unless a test injects another. */
export type RandomSource = (n: number) => Uint8Array;

/** Length of generated keys: AWS takes 8–64, OCI up to 255; 32 is AWS's own default. */
export const PSK_LENGTH = 32;

/**
 * A fresh pre-shared key from a CSPRNG in the alphabet every peer accepts: letters and digits (AWS also
 * allows `.` and `_`, OCI spaces; neither is common to both), never starting with `0` (AWS rule).
 * Rejection sampling keeps every character equally likely.
 */
export function generatePsk(random: RandomSource = randomBytes, length = PSK_LENGTH): string {
  const n = PSK_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const b of random(length * 2)) {
      if (b >= limit) continue;
      const c = PSK_ALPHABET[b % n];
      if (out.length === 0 && c === '0') continue;
      out += c;
      if (out.length === length) break;
    }
  }
  return out;
}

/** Why `psk` is not acceptable to `peer`, or null when it is (Libreswan peers: no quote, no newline). */
export function pskProblem(psk: string, peer: PeerKind): string | null {
  if (peer === 'aws' && !AWS_PSK.test(psk)) return 'AWS keys are 8–64 letters, digits, "." or "_", not starting with 0';
  if (peer === 'oci' && !OCI_PSK.test(psk)) return 'OCI keys are letters, digits and spaces';
  if (/["\r\n]/.test(psk) || psk.length < 8) return 'keys need 8 or more characters and no double quote';
  return null;
}
