/**
 * Validation of unquoted encoded secrets (`0x` hex, `0s` base64, `0t` text) the way pluto decodes them:
 * Libreswan's ttodata (lib/libswan/ttodata.c), called from lib/libswan/secrets.c for PSK entries. Decoding
 * runs in groups (hex: 2 digits per byte, base64: 4 characters per 3 bytes); a `_` between whole groups is
 * skipped as a separator. Measured with Libreswan 4.10 pluto (../shared/oracles/check-libreswan-secrets.sh),
 * which refuses the entry with "PSK data malformed (...)":
 *   `0xZZ`, `0x1_2`, `0x_1234`  unknown character in input
 *   `0x123`, `0xab_`, `0sQUJDRA` input ends in mid-byte, perhaps truncated
 *   `0x`, `0t`                 no data bytes specified by input
 *   `0x1234_5678`, `0sQUJDRA==`, `0tabc` accepted; a quoted `"0xZZ"` is plain text and accepted.
 */

/** Why pluto refuses an encoded secret: a bad character, a partial last group, or no data at all. */
export type EncodedSecretProblem = 'bad-character' | 'partial' | 'empty';

const HEX = /^[0-9A-Fa-f]$/;
const BASE64 = /^[A-Za-z0-9+/=]$/;

/**
 * Checks an unquoted secret as written (with its `0x`/`0s`/`0t` prefix, any case). Returns null when pluto
 * decodes it, or when it is not an encoded secret. Never looks at more than the token it is given; the value
 * is never part of the result.
 */
export function encodedSecretProblem(secret: string): EncodedSecretProblem | null {
  const prefix = secret.slice(0, 2).toLowerCase();
  const body = secret.slice(2);
  if (prefix === '0t') return body.length ? null : 'empty';
  const group = prefix === '0x' ? 2 : prefix === '0s' ? 4 : 0;
  if (!group) return null;
  const valid = group === 2 ? HEX : BASE64;
  if (!body.length) return 'empty';
  let i = 0;
  let groups = 0;
  while (body.length - i >= group) {
    if (groups > 0 && body[i] === '_') {
      i++;
      continue;
    }
    for (let k = 0; k < group; k++) if (!valid.test(body[i + k])) return 'bad-character';
    i += group;
    groups++;
  }
  return i < body.length ? 'partial' : null;
}

/** A message for a refused encoded secret (our words; the value is never quoted). */
export function encodedSecretMessage(problem: EncodedSecretProblem, secret: string): string {
  const form = /^0[xX]/.test(secret) ? 'hex (0x)' : /^0[sS]/.test(secret) ? 'base64 (0s)' : 'text (0t)';
  const why =
    problem === 'empty'
      ? 'has no data after its prefix'
      : problem === 'partial'
        ? `ends in the middle of a byte (${form === 'hex (0x)' ? 'hex needs two digits per byte' : 'base64 comes in groups of four characters'}; \`_\` only between whole groups)`
        : `holds a character that is not ${form === 'hex (0x)' ? 'a hex digit' : 'base64'} (or a \`_\` not between whole groups)`;
  return `This ${form} secret ${why}: pluto refuses the entry as malformed PSK data. To use it as plain text, put it in double quotes.`;
}
