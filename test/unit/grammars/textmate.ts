// Loads the contributed TextMate grammars into the real engine (vscode-textmate + vscode-oniguruma)
// and answers "which scopes does this piece of a line get?".
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** The repository root (the folder holding package.json), found from this file's location. */
export const ROOT = findRoot(__dirname);

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'syntaxes'))) return d;
    if (path.dirname(d) === d) throw new Error(`no repository root above ${dir}`);
  }
}

/** Languages with a grammar, as contributed in package.json. */
export type LanguageId = 'libreswan' | 'libreswan-secrets' | 'frr' | 'yamaha-rtx';

/** One token of one line. */
export interface Token {
  text: string;
  start: number;
  scopes: string[];
}

let registry: vsctm.Registry | undefined;

function getRegistry(): vsctm.Registry {
  if (registry) return registry;
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const lang = scopeName.replace(/^source\./, '');
      const file = path.join(ROOT, 'syntaxes', `${lang}.tmLanguage.json`);
      if (!fs.existsSync(file)) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry;
}

/** Tokenizes `text` with the grammar of `lang`; returns one token list per line. */
export async function tokenize(lang: LanguageId, text: string): Promise<Token[][]> {
  const grammar = await getRegistry().loadGrammar(`source.${lang}`);
  if (!grammar) throw new Error(`no grammar for ${lang}`);
  const lines = text.split(/\r?\n/);
  const result: Token[][] = [];
  let state = vsctm.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    result.push(
      r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })),
    );
    state = r.ruleStack;
  }
  return result;
}

/** Reads a fixture of test/unit/grammars/fixtures and tokenizes it. */
export async function tokenizeFixture(lang: LanguageId, name: string): Promise<Token[][]> {
  return tokenize(lang, fs.readFileSync(path.join(ROOT, 'test', 'unit', 'grammars', 'fixtures', name), 'utf8'));
}

/**
 * Returns the tokens that cover the first occurrence of `needle` on line `line` (0-based),
 * at or after column `from`. Throws if the needle is absent.
 */
export function tokensOf(lines: Token[][], line: number, needle: string, from = 0): Token[] {
  const toks = lines[line];
  if (!toks) throw new Error(`no line ${line}`);
  const text = toks.map((t) => t.text).join('');
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not on line ${line}: ${text}`);
  return toks.filter((t) => t.start < at + needle.length && t.start + t.text.length > at);
}

/**
 * The scopes shared by every token covering `needle` on `line`; the needle must be exactly one token
 * unless `whole` is false.
 */
export function scopesOf(lines: Token[][], line: number, needle: string, whole = true): string[] {
  const toks = tokensOf(lines, line, needle);
  if (whole && (toks.length !== 1 || toks[0].text !== needle)) {
    throw new Error(`"${needle}" on line ${line} is not one token: ${JSON.stringify(toks.map((t) => t.text))}`);
  }
  return toks[0].scopes.filter((s) => toks.every((t) => t.scopes.includes(s)));
}

/** True when some scope of `scopes` equals `prefix` or starts with `prefix.`. */
export function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
}

/**
 * Asserts that `needle` on `line` (0-based) carries a scope equal to or under `scope`; `whole` as in
 * `scopesOf`. The failure message lists the scopes found.
 */
export function expectScope(lines: Token[][], line: number, needle: string, scope: string, whole = true): void {
  const scopes = scopesOf(lines, line, needle, whole);
  assert.ok(hasScope(scopes, scope), `"${needle}" (line ${line}) has ${JSON.stringify(scopes)}, want ${scope}`);
}

/**
 * Asserts that a secret value (PSK, BGP password) on `line` carries `meta.secret-value` and none of the scopes
 * themes colour (`string.*`, `constant.*`, `keyword.*`, ...), so a screen share does not draw the eye to it.
 */
export function expectQuietSecret(lines: Token[][], line: number, value: string): void {
  const scopes = scopesOf(lines, line, value, false);
  assert.ok(hasScope(scopes, 'meta.secret-value'), `${value}: ${JSON.stringify(scopes)}`);
  for (const loud of ['string', 'constant', 'keyword', 'invalid', 'entity', 'variable', 'support', 'markup']) {
    assert.ok(!scopes.some((s) => s.startsWith(loud + '.')), `${value} must not carry ${loud}.*: ${JSON.stringify(scopes)}`);
  }
}
