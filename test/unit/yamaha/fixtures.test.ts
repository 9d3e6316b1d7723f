/**
 * Runs the rtx-* fixtures (DESIGN §5 format, `#` annotations) through the Yamaha checks until the shared
 * harness (test/harness/) takes them over: the reported set of (file, range, severity, code) must equal
 * the annotated set; an annotation with `: message` also pins the message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, rtxFindings, snapshotOf } from './helpers';

interface Expect { file: string; line: number; start: number; end: number; severity: string; code: string; message?: string }

const ANNOT = /^(\s*)#(\s*)(\^+|\^line|\^file)\s+(error|warning|information|hint)\s+([a-z0-9-]+)(?::\s(.*))?$/;

/** Splits a fixture into files (path -> text) and expectations. */
export function parseFixture(src: string): { files: Record<string, string>; expects: Expect[] } {
  const files: Record<string, string> = {};
  const expects: Expect[] = [];
  let cur: string | null = null;
  let out: string[] = [];
  const flush = (): void => { if (cur) files[cur] = out.join('\n') + '\n'; };
  for (const raw of src.split(/\r?\n/)) {
    const head = /^#- (.+)$/.exec(raw);
    if (head) {
      if (head[1].startsWith('settings ')) continue;
      flush();
      cur = `/ws/${head[1].trim()}`;
      out = [];
      continue;
    }
    const a = ANNOT.exec(raw);
    if (a && cur) {
      const line = out.length - 1;
      const col = raw.indexOf('^');
      if (a[3] === '^line') expects.push({ file: cur, line, start: 0, end: out[line].length, severity: a[4], code: a[5], message: a[6] });
      else if (a[3] === '^file') expects.push({ file: cur, line: -1, start: 0, end: 0, severity: a[4], code: a[5], message: a[6] });
      else expects.push({ file: cur, line, start: col, end: col + a[3].length, severity: a[4], code: a[5], message: a[6] });
      continue;
    }
    if (cur) out.push(raw);
  }
  flush();
  return { files, expects };
}

const root = join(repoRoot(), 'test', 'fixtures');
const folders = existsSync(root) ? readdirSync(root).filter((d) => d.startsWith('rtx-')) : [];

for (const folder of folders) {
  for (const name of readdirSync(join(root, folder)).filter((f) => f.endsWith('.fixture'))) {
    test(`fixture ${folder}/${name}`, () => {
      const { files, expects } = parseFixture(readFileSync(join(root, folder, name), 'utf8'));
      const { snapshot } = snapshotOf(files);
      const got = rtxFindings(snapshot).map((f) => {
        const file = decodeURIComponent(f.uri.replace(/^file:\/\//, ''));
        return `${file}:${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character} ${f.severity} ${f.code}`;
      }).sort();
      const want = expects.map((e) => `${e.file}:${e.line + 1}:${e.start}-${e.end} ${e.severity} ${e.code}`).sort();
      assert.deepEqual(got, want);
      for (const e of expects.filter((x) => x.message)) {
        const f = rtxFindings(snapshot).find((x) => x.range.start.line === e.line && x.code === e.code);
        assert.equal(f?.message, e.message);
      }
    });
  }
}
