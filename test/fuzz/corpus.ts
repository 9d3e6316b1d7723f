/**
 * Seeds for mutation fuzzing: the shared corpus (Libreswan 4.10 and FRR 8.4.4 test configurations), the
 * Yamaha reference samples and the repository's examples/, grouped into small workspaces, plus the
 * mutation operators (delete, duplicate, swap, insert noise or grammar lines, truncate, re-indent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { LanguageId } from '../../server/src/core/types';
import { decodeYamahaBytes } from '../../server/src/languages/yamaha/decode';
import { repoRoot, sharedDir } from '../unit/frr/shared-path';
import type { FuzzFile } from './invariants';
import { frrLineArb, libreswanLineArb, noiseArb, secretsLineArb, yamahaLineArb } from './grammar';

/** A seed workspace: files with their fuzz-workspace paths (under /ws) and languages. */
export interface Seed {
  name: string;
  files: FuzzFile[];
}

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

let cached: Seed[] | null = null;

/**
 * Every seed workspace. A Libreswan test folder becomes one workspace with a host per role
 * (`east.conf` -> /ws/east/ipsec.conf, `east.secrets` -> /ws/east/ipsec.secrets); an FRR router folder a
 * host with frr/*.conf; a Yamaha sample a file of its own; each examples/ folder a workspace as it is.
 */
export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = [];
  const shared = sharedDir();
  if (shared) {
    for (const dir of listDirs(join(shared, 'corpus', 'libreswan-4.10'))) {
      const files: FuzzFile[] = [];
      for (const name of listFiles(dir)) {
        const m = /^(.*)\.(conf|secrets)$/.exec(name);
        if (!m) continue;
        const role = m[1].replace(/[^A-Za-z0-9-]/g, '_');
        const lang: LanguageId = m[2] === 'conf' ? 'libreswan' : 'libreswan-secrets';
        files.push({ path: `/ws/${role}/ipsec.${m[2]}`, text: readFileSync(join(dir, name), 'utf8'), lang });
      }
      if (files.length) out.push({ name: dir, files });
    }
    for (const test of listDirs(join(shared, 'corpus', 'frr-8.4.4'))) {
      for (const router of listDirs(test)) {
        const files = listFiles(router).filter((n) => n.endsWith('.conf')).map((n) => ({ path: `/ws/${router.split('/').pop()}/frr/${n}`, text: readFileSync(join(router, n), 'utf8'), lang: 'frr' as LanguageId }));
        if (files.length) out.push({ name: router, files });
      }
    }
    const samples = join(shared, 'reference', 'yamaha-rtx', 'samples');
    for (const n of listFiles(samples)) out.push({ name: n, files: [{ path: `/ws/rtx/${n}`, text: decodeYamahaBytes(readFileSync(join(samples, n))).text, lang: 'yamaha-rtx' }] });
  }
  const examples = join(repoRoot(), 'examples');
  const walk = (dir: string, rel: string, acc: FuzzFile[]): void => {
    for (const n of listFiles(dir)) acc.push({ path: `/ws/${rel}${n}`, text: readFileSync(join(dir, n), 'utf8'), lang: n.endsWith('.rtx') ? 'yamaha-rtx' : undefined });
    for (const d of listDirs(dir)) walk(d, `${rel}${d.split('/').pop()}/`, acc);
  };
  if (existsSync(examples)) for (const d of listDirs(examples)) { const acc: FuzzFile[] = []; walk(d, '', acc); out.push({ name: d, files: acc }); }
  cached = out;
  return out;
}

/** One mutation of a text; positions are fractions of the text length so they shrink well. */
export type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; to: number }
  | { op: 'truncate'; at: number }
  | { op: 'replace-char'; at: number; ch: string }
  | { op: 'reindent'; at: number; indent: string };

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const grammarLine = fc.oneof(libreswanLineArb, secretsLineArb, frrLineArb, yamahaLineArb);

/** A mutation arbitrary. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: fc.oneof(noiseArb, grammarLine.map((l) => `\n${l}\n`), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: frac }),
  fc.record({ op: fc.constant('swap-lines' as const), at: frac, to: frac }),
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({ op: fc.constant('replace-char' as const), at: frac, ch: fc.constantFrom('=', ' ', '\t', '"', ':', '#', '!', '\n', '\r', '\0', 'x', '0', '/', '.', '\u3042') }),
  fc.record({ op: fc.constant('reindent' as const), at: frac, indent: fc.constantFrom('', ' ', '\t', '        ') }),
);

/** Applies one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const pos = Math.floor(m.at * text.length);
  const lines = text.split('\n');
  const li = Math.min(Math.floor(m.at * lines.length), lines.length - 1);
  switch (m.op) {
    case 'delete': return text.slice(0, pos) + text.slice(pos + m.len);
    case 'insert': return text.slice(0, pos) + m.text + text.slice(pos);
    case 'duplicate-line': lines.splice(li, 0, lines[li]); return lines.join('\n');
    case 'swap-lines': { const lj = Math.min(Math.floor(m.to * lines.length), lines.length - 1); [lines[li], lines[lj]] = [lines[lj], lines[li]]; return lines.join('\n'); }
    case 'truncate': return text.slice(0, pos);
    case 'replace-char': return text.slice(0, pos) + m.ch + text.slice(pos + 1);
    case 'reindent': lines[li] = m.indent + lines[li].replace(/^[\t ]+/, ''); return lines.join('\n');
  }
}

/** A mutated seed workspace: a seed (by index) with 1..6 mutations on some of its files. */
export function mutatedSeedArb(pool: readonly Seed[]): fc.Arbitrary<Seed> {
  return fc.tuple(fc.nat(Math.max(pool.length - 1, 0)), fc.array(fc.tuple(fc.nat(), mutationArb), { minLength: 1, maxLength: 6 })).map(([i, muts]) => {
    const seed = pool[i];
    const files = seed.files.map((f) => ({ ...f }));
    for (const [which, m] of muts) {
      const f = files[which % files.length];
      f.text = mutate(f.text, m);
    }
    return { name: `${seed.name} (mutated)`, files };
  });
}
