import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSecrets } from '../../../server/src/languages/secrets/parser';

/** Selectors and secrets of every entry, for compact assertions. */
const entries = (text: string): Array<[string[], string, string | null]> => parseSecrets(text).ast.entries.map((e) => [e.selectors.map((s) => s.text), e.kind, e.secret]);

test('secrets words run to the next blank as in pluto (IPv6 selectors starting with ::)', () => {
  // Regression (fuzzing): `::1 : PSK "k"` was split at every colon, so the secret was lost (read as `:`).
  assert.deepEqual(entries('::1 : PSK "abcdefgh"'), [[['::1'], 'PSK', 'abcdefgh']]);
  assert.deepEqual(entries('fe80::1 2001:db8::1 : PSK "x"'), [[['fe80::1', '2001:db8::1'], 'PSK', 'x']]);
  assert.deepEqual(entries('@east: PSK "abc"'), [[['@east'], 'PSK', 'abc']]);
  assert.deepEqual(entries('@a @b : PSK 0tsome text # not a comment'), [[['@a', '@b'], 'PSK', '0tsome text # not a comment']]);
  assert.deepEqual(parseSecrets('::1 : PSK "abcdefgh"').problems, []);
});
