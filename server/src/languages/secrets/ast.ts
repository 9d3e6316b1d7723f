import type { Range } from '../../core/types';

/**
 * Syntax tree of a Libreswan secrets file (ipsec.secrets, *.secrets), as pluto's secrets reader
 * (lib/libswan/secrets.c) reads it. Ranges are 0-based, UTF-16.
 */
export interface SecretsFile {
  kind: 'libreswan-secrets';
  entries: SecretEntry[];
  includes: SecretsInclude[];
}

/** The kinds of secret Libreswan knows. */
export type SecretKind = 'PSK' | 'XAUTH' | 'PPKS' | 'RSA' | 'ECDSA' | 'PIN' | 'NULL';

/** One index selector before `:` (an ID, an address, `%any`, ...). */
export interface SecretSelector {
  text: string;
  range: Range;
}

/** `SELECTOR... : KIND "secret"`. `secret` is held for matching only and never printed. */
export interface SecretEntry {
  selectors: SecretSelector[];
  kind: SecretKind;
  kindRange: Range;
  /** The decoded secret (quotes removed; `0x`/`0s` forms kept as written). Never show it to the user. */
  secret: string | null;
  /** Range of the secret as written (quotes included). */
  secretRange: Range | null;
  /** True when pluto refuses the (unquoted 0x/0s/0t) secret as malformed data (`encoded.ts`); reported as secrets-syntax. */
  malformed?: boolean;
  /** For PPKS: the PPK id. */
  ppkId?: string;
  /** Whole entry, which may span continuation lines. */
  range: Range;
}

/** `include PATH` in a secrets file. */
export interface SecretsInclude {
  path: string;
  pathRange: Range;
  range: Range;
  line: number;
}
