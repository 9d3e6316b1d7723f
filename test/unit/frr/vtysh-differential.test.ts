/**
 * Differential test against the real FRR 8.4.4 `vtysh -C` (../shared/oracles/check-frr-vtysh.sh):
 * 1. every corpus file vtysh accepts must parse without an error (accepted-clean);
 * 2. for every seeded mutant (mutants.ts) vtysh rejects with a line, we must report an error on that line.
 * vtysh verdicts of the mutants are cached in test/data/frr-vtysh-mutants.json, produced by running this
 * test with VPNCONF_REJUDGE=1 on a machine with FRR 8.4.4 installed (Debian bookworm `frr` package);
 * mutants missing from the cache are judged live when vtysh is present. Corpus verdicts come from
 * shared/corpus/frr-8.4.4.vtysh-verdicts.tsv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrr } from '../../../server/src/languages/frr/parser';
import { applyMutant, mutantsOf, type Mutant } from './mutants';
import { repoRoot, sharedDir } from './shared-path';

interface Cached extends Mutant {
  vtysh: number[];
}

function hasVtysh(): boolean {
  return spawnSync('sh', ['-c', 'command -v vtysh'], { encoding: 'utf8' }).status === 0;
}

function judge(oracle: string, text: string, dir: string): number[] {
  const f = join(dir, 'm.conf');
  writeFileSync(f, text);
  let out = '';
  try {
    out = execFileSync(oracle, [f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return out.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => Number(l.split('\t')[0]));
}

const errorLines = (text: string): Set<number> =>
  new Set(parseFrr(text).problems.filter((p) => p.severity === 'error').map((p) => p.range.start.line + 1));

const shared = sharedDir();
const skip = !shared && !process.env.CI ? 'shared/ corpus not found' : false;

test('frr: agreement with vtysh -C 8.4.4 over the corpus and seeded mutants', { skip }, () => {
  assert.ok(shared, 'shared/ folder with the FRR corpus is required in CI');
  const corpus = join(shared, 'corpus', 'frr-8.4.4');
  const rows = readFileSync(join(shared, 'corpus', 'frr-8.4.4.vtysh-verdicts.tsv'), 'utf8')
    .trim().split('\n').slice(1).map((l) => l.split('\t'));
  let acc = 0, accClean = 0, rej = 0, rejLine = 0;
  const accepted: { file: string; text: string }[] = [];
  const falseErrors: string[] = [];
  for (const [file, verdict, line] of rows) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const errs = errorLines(text);
    if (verdict === 'ok') {
      acc++;
      accepted.push({ file, text });
      if (errs.size === 0) accClean++;
      else falseErrors.push(`${file}:${[...errs].join(',')}`);
    } else if (line) {
      rej++;
      if (errs.has(Number(line))) rejLine++;
    }
  }
  const cachePath = join(repoRoot(), 'test', 'data', 'frr-vtysh-mutants.json');
  const rejudge = process.env.VPNCONF_REJUDGE === '1';
  const cache = new Map<string, Cached>();
  if (existsSync(cachePath) && !rejudge) {
    for (const c of (JSON.parse(readFileSync(cachePath, 'utf8')) as { mutants: Cached[] }).mutants)
      cache.set(`${c.file}:${c.line}:${c.kind}:${c.text}`, c);
  }
  const live = hasVtysh();
  const oracle = join(shared, 'oracles', 'check-frr-vtysh.sh');
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-frr-'));
  const judged: Cached[] = [];
  let added = 0;
  for (const { file, text } of accepted) {
    for (const m of mutantsOf(file, text)) {
      let c = cache.get(`${m.file}:${m.line}:${m.kind}:${m.text}`);
      if (!c && live) {
        c = { ...m, vtysh: judge(oracle, applyMutant(text, m), dir) };
        added++;
      }
      if (c) judged.push(c);
    }
  }
  if (added > 0 || rejudge)
    writeFileSync(cachePath, JSON.stringify({
      about: 'vtysh -C (FRR 8.4.4, Debian bookworm) verdicts of the seeded mutants of test/unit/frr/mutants.ts; produced by vtysh-differential.test with VPNCONF_REJUDGE=1; vtysh = 1-based lines vtysh reported',
      mutants: judged,
    }, null, 0) + '\n');
  const byText = new Map(accepted.map((a) => [a.file, a.text]));
  let mut = 0, mutLine = 0, mutAcc = 0, mutAccClean = 0;
  const misses: string[] = [];
  for (const c of judged) {
    const errs = errorLines(applyMutant(byText.get(c.file)!, c));
    const target = c.vtysh.find((l) => l === c.line + 1) ?? c.vtysh[0];
    if (target === undefined) {
      mutAcc++;
      if (errs.size === 0) mutAccClean++;
      continue;
    }
    mut++;
    if (errs.has(target)) mutLine++;
    else misses.push(`${c.kind} ${c.file}:${target}: ${c.text.trim()}`);
  }
  const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : ((100 * a) / b).toFixed(1));
  console.log(`frr agreement: accepted-clean ${accClean}/${acc} (${pct(accClean, acc)}%), mutant-line ${mutLine}/${mut} (${pct(mutLine, mut)}%)`);
  console.log(`frr extra: corpus rejects same line ${rejLine}/${rej} (${pct(rejLine, rej)}%), mutants vtysh accepts we leave clean ${mutAccClean}/${mutAcc}`);
  if (falseErrors.length) console.log('false errors:', falseErrors.slice(0, 10).join(' | '));
  if (misses.length) console.log('missed mutants:', misses.slice(0, 15).join(' | '));
  assert.ok(mut > 0 || !live, 'no mutants were judged');
  assert.ok(accClean / acc >= 0.95, `accepted-clean ${pct(accClean, acc)}% < 95%`);
  if (mut > 0) assert.ok(mutLine / mut >= 0.95, `mutant-line ${pct(mutLine, mut)}% < 95%`);
});
