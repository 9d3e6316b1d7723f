// The committed syntaxes/*.tmLanguage.json must be what scripts/grammars/generate.mjs produces,
// and every grammar contributed in package.json must exist and carry its declared scope name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './textmate';

describe('grammar files', () => {
  it('are up to date with scripts/grammars/generate.mjs', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'grammars', 'generate.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  it('match the contributions in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: { id: string; configuration?: string }[]; grammars: { language: string; scopeName: string; path: string }[] };
    };
    const ids = pkg.contributes.languages.map((l) => l.id).sort();
    assert.deepEqual(pkg.contributes.grammars.map((g) => g.language).sort(), ids);
    for (const g of pkg.contributes.grammars) {
      const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, g.path), 'utf8')) as { scopeName: string };
      assert.equal(grammar.scopeName, g.scopeName);
    }
    for (const l of pkg.contributes.languages) {
      assert.ok(l.configuration, `${l.id} has no language configuration`);
      const conf = JSON.parse(fs.readFileSync(path.join(ROOT, l.configuration), 'utf8')) as { comments?: { lineComment?: string } };
      assert.ok(conf.comments?.lineComment, `${l.id}: no line comment`);
    }
  });
});
