/**
 * Incremental parsing: `parseLibreswanReusing(text, previousAst)` (what the server does on an editor
 * change) must give exactly what a full `parseLibreswan(text)` gives, after any chain of edits: random
 * ipsec.conf files (sections from the grammar, noise lines), edited by the corpus mutations (insertions,
 * deletions, line swaps, re-indents, stray `"`/`#`/`=`/CR) and by one-character edits inside a line.
 * Likewise the findings of a store edited in place (incremental parse, section-local check cache) equal
 * those of a fresh store holding the final texts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLibreswan } from '../../server/src/languages/libreswan/parser';
import { parseLibreswanReusing } from '../../server/src/languages/libreswan/incremental';
import type { LibreswanFile } from '../../server/src/languages/libreswan/ast';
import { WorkspaceStore } from '../../server/src/workspace/workspace';
import { CheckCache, runChecks } from '../../server/src/checks/run';
import { check } from './config';
import { fileArb, libreswanLineArb, libreswanSectionArb, noiseArb } from './grammar';
import { mutate, mutationArb, type Mutation } from './corpus';

const textArb = fc.oneof(
  fc.array(fc.oneof({ weight: 4, arbitrary: libreswanSectionArb }, { weight: 1, arbitrary: libreswanLineArb }), { maxLength: 12 }).map((a) => a.join('\n')),
  fileArb(fc.oneof({ weight: 5, arbitrary: libreswanLineArb }, { weight: 1, arbitrary: noiseArb }), 40),
);
/** An edit inside one line (the line count stays): what typing mostly is. */
const inLineArb = fc.record({ op: fc.constant('replace-char' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), ch: fc.constantFrom('x', '=', ' ', '"', '#', '{', '}', '1', 'e') });
const editsArb = fc.array(fc.oneof({ weight: 2, arbitrary: mutationArb }, { weight: 3, arbitrary: inLineArb as fc.Arbitrary<Mutation> }), { minLength: 1, maxLength: 10 });

test('libreswan incremental re-parse equals a full parse after every edit', () => {
  check(
    fc.property(textArb, editsArb, (text, edits) => {
      let prev: LibreswanFile = parseLibreswanReusing(text).ast;
      assert.deepEqual(parseLibreswanReusing(text), parseLibreswan(text));
      for (const m of edits) {
        text = mutate(text, m);
        const inc = parseLibreswanReusing(text, prev);
        assert.deepEqual(inc, parseLibreswan(text), `after ${JSON.stringify(m)}`);
        prev = inc.ast;
      }
    }),
    300,
  );
});

test('libreswan incremental re-parse keeps the objects of untouched sections', () => {
  const text = 'config setup\n\tlogfile=/x\n\nconn a\n\tauto=start\n\tmark=1/0xffffffff\nconn b\n\tauto=add\ninclude x.conf\nconn c\n\tauto=start\n';
  const first = parseLibreswanReusing(text);
  const edited = parseLibreswanReusing(text.replace('auto=add', 'auto=adx'), first.ast);
  assert.deepEqual(edited, parseLibreswan(text.replace('auto=add', 'auto=adx')));
  const [setup, a, b, c] = edited.ast.sections;
  assert.equal(setup, first.ast.sections[0]);
  assert.equal(a, first.ast.sections[1]);
  assert.notEqual(b, first.ast.sections[2], 'the edited conn is parsed again');
  assert.equal(c, first.ast.sections[3]);
  assert.equal(edited.ast.includes[0], first.ast.includes[0]);
  // A line inserted above shifts every later conn: those are parsed again (their ranges move).
  const shifted = parseLibreswanReusing(`# new\n${text}`, first.ast);
  assert.deepEqual(shifted, parseLibreswan(`# new\n${text}`));
  assert.notEqual(shifted.ast.sections[3], first.ast.sections[3]);
});

test('findings after edits in place equal the findings of a fresh analysis', () => {
  const files = ['/fz/gw/ipsec.conf', '/fz/gw/ipsec.d/more.conf'];
  check(
    fc.property(fc.tuple(textArb, textArb), fc.array(fc.tuple(fc.nat(1), fc.oneof(mutationArb, inLineArb as fc.Arbitrary<Mutation>)), { minLength: 1, maxLength: 8 }), fc.constantFrom('4', '5'), (texts, edits, version) => {
      const store = new WorkspaceStore({ libreswanVersion: version as '4' | '5' });
      const cache = new CheckCache();
      const current = [...texts];
      files.forEach((f, i) => store.set(`file://${f}`, current[i], 1, 'libreswan'));
      runChecks(store.snapshot(), {}, cache);
      edits.forEach(([i, m], n) => {
        current[i] = mutate(current[i], m);
        store.set(`file://${files[i]}`, current[i], n + 2, 'libreswan');
        const got = runChecks(store.snapshot(), {}, cache);
        const fresh = new WorkspaceStore({ libreswanVersion: version as '4' | '5' });
        files.forEach((f, j) => fresh.set(`file://${f}`, current[j], 1, 'libreswan'));
        assert.deepEqual(got, runChecks(fresh.snapshot(), {}, new CheckCache()), `after edit ${n} ${JSON.stringify(m)} of ${files[i]}`);
      });
    }),
    100,
  );
});
