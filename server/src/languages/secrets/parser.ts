import { encodedSecretMessage, encodedSecretProblem } from './encoded';
import { lineRange, type FileProblem, type Range } from '../../core/types';
import { splitLines } from '../../core/text';
import type { ParseResult } from '../types';
import type { SecretEntry, SecretKind, SecretSelector, SecretsFile } from './ast';

/** Diagnostic code of every problem this parser reports. */
export const SECRETS_SYNTAX_CODE = 'secrets-syntax';

const KINDS: ReadonlySet<string> = new Set(['PSK', 'XAUTH', 'EAP', 'PPKS', 'RSA', 'ECDSA', 'PIN', 'NULL']);

interface Token {
  text: string;
  /** Raw token as written (quotes kept). */
  raw: string;
  range: Range;
  quoted: boolean;
}

/**
 * Splits the logical entry (first line plus its indented continuation lines) into tokens: `"..."` and
 * `'...'` strings and blank-separated words (a trailing `:` split off). A `#` where a token would start
 * begins a comment.
 */
function tokenize(lines: readonly string[], first: number, last: number, problems: FileProblem[]): Token[] {
  const out: Token[] = [];
  for (let line = first; line <= last; line++) {
    const t = lines[line];
    let i = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === ' ' || c === '\t') { i++; continue; }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        const close = t.indexOf(c, i + 1);
        if (close < 0) {
          problems.push({ range: lineRange(line, i, t.length), severity: 'error', code: SECRETS_SYNTAX_CODE, message: `Unterminated ${c === '"' ? 'double' : 'single'}-quoted secret: close it on the same line.` });
          out.push({ text: t.slice(i + 1), raw: t.slice(i), range: lineRange(line, i, t.length), quoted: true });
          i = t.length;
          continue;
        }
        out.push({ text: t.slice(i + 1, close), raw: t.slice(i, close + 1), range: lineRange(line, i, close + 1), quoted: true });
        i = close + 1;
        continue;
      }
      // An ordinary word runs up to a blank, as in pluto's lexer (lib/libswan/lex.c): `::1` and
      // `fe80::1` are one word; a `0t` word runs to the end of the line; a trailing `:` of a longer
      // word is a token of its own (`@east: PSK ...`).
      let j = i;
      if (c === '0' && t[i + 1] === 't') j = t.length;
      else while (j < t.length && t[j] !== ' ' && t[j] !== '\t') j++;
      if (j - 1 > i && t[j - 1] === ':') j--;
      out.push({ text: t.slice(i, j), raw: t.slice(i, j), range: lineRange(line, i, j), quoted: false });
      i = j;
    }
  }
  return out;
}

/**
 * Parses a Libreswan secrets file (ipsec.secrets, *.secrets) as pluto reads it (lib/libswan/secrets.c):
 * entries start at column 0 with zero or more ID/address selectors, `:`, a kind (PSK, XAUTH, PPKS, RSA,
 * ECDSA, PIN, NULL; PSK when omitted) and the secret; lines that start with a blank continue the entry;
 * `include PATH` pulls in more files. Secrets are kept for matching only. Never throws.
 */
export function parseSecrets(text: string): ParseResult<SecretsFile> {
  const lines = splitLines(text);
  const problems: FileProblem[] = [];
  const file: SecretsFile = { kind: 'libreswan-secrets', entries: [], includes: [] };
  let line = 0;
  while (line < lines.length) {
    const t = lines[line];
    if (/^[\t ]*(#|$)/.test(t)) { line++; continue; }
    if (/^[\t ]/.test(t)) {
      problems.push({ range: lineRange(line, 0, t.length), severity: 'error', code: SECRETS_SYNTAX_CODE, message: 'Indented line with no entry to continue: entries start at column 0.' });
      line++;
      continue;
    }
    let last = line;
    while (last + 1 < lines.length && /^[\t ]+[^\t #]/.test(lines[last + 1])) last++;
    const m = /^include[\t ]+(\S+)/.exec(t);
    if (m) {
      const start = t.indexOf(m[1], 7);
      file.includes.push({ path: m[1], pathRange: lineRange(line, start, start + m[1].length), range: lineRange(line, 0, start + m[1].length), line });
    } else {
      const entry = parseEntry(tokenize(lines, line, last, problems), problems, line, lines[line]);
      if (entry) file.entries.push(entry);
    }
    line = last + 1;
  }
  return { ast: file, problems };
}

function parseEntry(tokens: Token[], problems: FileProblem[], line: number, text: string): SecretEntry | null {
  const colon = tokens.findIndex((tk) => tk.text === ':' && !tk.quoted);
  const whole = tokens.length ? { start: tokens[0].range.start, end: tokens[tokens.length - 1].range.end } : lineRange(line, 0, text.length);
  if (colon < 0) {
    problems.push({ range: whole, severity: 'error', code: SECRETS_SYNTAX_CODE, message: 'Missing `:` between the IDs and the secret (`@left @right : PSK "..."`).' });
    return null;
  }
  const selectors: SecretSelector[] = tokens.slice(0, colon).map((tk) => ({ text: tk.text, range: tk.range }));
  const rest = tokens.slice(colon + 1);
  let kind: SecretKind = 'PSK';
  let kindRange = tokens[colon].range;
  let i = 0;
  if (rest[0] && !rest[0].quoted && KINDS.has(rest[0].text.toUpperCase())) {
    kind = (rest[0].text.toUpperCase() === 'EAP' ? 'XAUTH' : rest[0].text.toUpperCase()) as SecretKind;
    kindRange = rest[0].range;
    i = 1;
  } else if (rest[0] && !rest[0].quoted && /^[A-Za-z]+$/.test(rest[0].text) && rest.length > 1) {
    problems.push({ range: rest[0].range, severity: 'error', code: SECRETS_SYNTAX_CODE, message: `Unknown secret kind \`${rest[0].text}\`: use PSK, XAUTH, PPKS, RSA, ECDSA, PIN or NULL.` });
    return null;
  }
  const entry: SecretEntry = { selectors, kind, kindRange, secret: null, secretRange: null, range: whole };
  const args = rest.slice(i);
  if (kind === 'NULL') return entry;
  if (kind === 'RSA' || kind === 'ECDSA') {
    if (args.length) entry.secretRange = { start: args[0].range.start, end: args[args.length - 1].range.end };
    return entry;
  }
  if (kind === 'PPKS') {
    if (args.length < 2) {
      problems.push({ range: kindRange, severity: 'error', code: SECRETS_SYNTAX_CODE, message: 'PPKS needs a PPK identity and a secret: `: PPKS "id" "secret"`.' });
      return entry;
    }
    entry.ppkId = args[0].text;
    args.shift();
  }
  if (args.length === 0) {
    problems.push({ range: kindRange, severity: 'error', code: SECRETS_SYNTAX_CODE, message: `Missing the ${kind} secret after the kind.` });
    return entry;
  }
  const secret = args[0];
  if (!secret.quoted && !/^0[xXsStT]/.test(secret.text)) {
    problems.push({ range: secret.range, severity: 'error', code: SECRETS_SYNTAX_CODE, message: 'Unquoted secret: write it in double quotes, or as 0x (hex), 0s (base64) or 0t (text).' });
  }
  const malformed = !secret.quoted && kind === 'PSK' ? encodedSecretProblem(secret.text) : null;
  if (malformed) {
    problems.push({ range: secret.range, severity: 'error', code: SECRETS_SYNTAX_CODE, message: encodedSecretMessage(malformed, secret.text) });
    entry.malformed = true;
  }
  entry.secret = secret.text;
  entry.secretRange = secret.range;
  for (const extra of args.slice(1)) {
    problems.push({ range: extra.range, severity: 'error', code: SECRETS_SYNTAX_CODE, message: 'Unexpected text after the secret; quote secrets that contain blanks.' });
  }
  return entry;
}
