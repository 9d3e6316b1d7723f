/**
 * Parser fuzzing: every language parser (Libreswan, secrets, FRR, Yamaha) and the Yamaha byte decoder on
 * random bytes, random text, lines built from the grammars, and mutations of corpus files. Invariants:
 * never throws, finishes within a budget per KB, every problem range lies inside the text, no problem
 * message contains a secret.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitLines } from '../../server/src/core/text';
import type { FileProblem, LanguageId } from '../../server/src/core/types';
import type { ParseResult } from '../../server/src/languages/types';
import { parseLibreswan } from '../../server/src/languages/libreswan/parser';
import { parseSecrets } from '../../server/src/languages/secrets/parser';
import { parseFrr } from '../../server/src/languages/frr/parser';
import { parseYamaha } from '../../server/src/languages/yamaha/parser';
import { decodeYamahaBytes, isValidUtf8 } from '../../server/src/languages/yamaha/decode';
import { check, LONG_RUNS } from './config';
import { fileArb, frrLineArb, libreswanLineArb, noiseArb, secretsLineArb, yamahaLineArb } from './grammar';
import { assertNoSecret, assertRangeInside, parseBudgetMs, stats, timed } from './invariants';
import { mutate, mutationArb, seeds } from './corpus';

const PARSERS: Record<LanguageId, { parse: (t: string) => ParseResult<unknown>; line: fc.Arbitrary<string> }> = {
  libreswan: { parse: parseLibreswan, line: libreswanLineArb },
  'libreswan-secrets': { parse: parseSecrets, line: secretsLineArb },
  frr: { parse: parseFrr, line: frrLineArb },
  'yamaha-rtx': { parse: parseYamaha, line: yamahaLineArb },
};

/**
 * Parses `text` with the language's parser and asserts the parser invariants. `secrets`: also assert no
 * message holds a marked secret (off for mutations, which may paste a secrets line into another language).
 */
function parseOk(lang: LanguageId, text: string, secrets = true): void {
  const r = timed(parseBudgetMs(text.length), `${lang} parse of ${text.length} chars`, () => PARSERS[lang].parse(text));
  assert.ok(r && r.ast && Array.isArray(r.problems), `${lang}: parse returned ${typeof r}`);
  const lines = splitLines(text);
  for (const p of r.problems as FileProblem[]) {
    assertRangeInside(p.range, lines, `${lang} ${p.code}`);
    if (secrets) assertNoSecret(p.message, `${lang} ${p.code}`);
    assert.ok(p.message.length > 0 && typeof p.code === 'string', `${lang}: problem without message or code`);
  }
}

const bytesArb = fc.uint8Array({ maxLength: 2048 });
const textArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(noiseArb, { maxLength: 60 }).map((a) => a.join('')));
const RUNS = 150;

for (const lang of Object.keys(PARSERS) as LanguageId[]) {
  test(`${lang} parser: random bytes and random text`, () => {
    check(fc.property(fc.oneof(bytesArb.map((b) => decodeYamahaBytes(b).text), textArb), (t) => parseOk(lang, t)), RUNS);
  });
  test(`${lang} parser: lines from the grammar, with noise`, () => {
    check(fc.property(fileArb(fc.oneof({ weight: 5, arbitrary: PARSERS[lang].line }, { weight: 1, arbitrary: noiseArb })), (t) => parseOk(lang, t)), RUNS);
  });
  test(`${lang} parser: mutated corpus files`, (t) => {
    const files = seeds().flatMap((s) => s.files).filter((f) => (f.lang ?? 'libreswan') === lang || (lang === 'libreswan' && !f.lang && f.path.endsWith('.conf') && !f.path.includes('/frr/')));
    if (!files.length) return t.skip('no corpus for this language (../shared missing)');
    check(fc.property(fc.nat(files.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (i, muts) => parseOk(lang, muts.reduce(mutate, files[i].text), false)), RUNS);
  });
}

test('every corpus file parses within budget and with in-range problems (unmutated)', (t) => {
  const all = seeds().flatMap((s) => s.files);
  if (!all.length) return t.skip('../shared missing');
  const step = LONG_RUNS ? 1 : 7; // the short pass samples every 7th file
  for (let i = 0; i < all.length; i += step) parseOk(all[i].lang ?? (all[i].path.includes('/frr/') ? 'frr' : all[i].path.endsWith('.secrets') ? 'libreswan-secrets' : 'libreswan'), all[i].text);
});

test('decodeYamahaBytes: never throws on random bytes; UTF-8 round-trips; BOM dropped', () => {
  check(fc.property(bytesArb, (b) => {
    const r = timed(parseBudgetMs(b.length), 'decode', () => decodeYamahaBytes(b));
    assert.equal(typeof r.text, 'string');
    assert.ok(r.encoding === 'utf-8' || r.encoding === 'shift_jis');
    assert.equal(r.encoding === 'utf-8', isValidUtf8(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b));
  }), RUNS);
  check(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (s, bom) => {
    const body = Buffer.from(s, 'utf8');
    const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    const r = decodeYamahaBytes(bytes);
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.text, s);
    assert.equal(isValidUtf8(body), true);
  }), RUNS);
});

test('fuzz timing summary', () => {
  // Informational: the worst elapsed/budget ratio of this file's cases (budgets are generous on purpose).
  console.log(`parser fuzz: ${stats.cases} timed cases, worst ${stats.worstMs.toFixed(1)} ms, worst ratio ${stats.worstRatio.toFixed(3)} of budget (${stats.worstWhat})`);
});
