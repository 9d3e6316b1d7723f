/**
 * The FRR node index (languages/frr/node-index.ts) is a pre-filter only: for every node of the table and
 * lines instantiated from each of its commands (whole, cut short, with an abbreviated or a wrong second or
 * third word), every command that fully matches the line, or reaches its last word, must be among the
 * candidates, and the candidates must keep table order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Elem } from '../../../server/src/languages/frr/grammar';
import { matchCommand } from '../../../server/src/languages/frr/matcher';
import { buildNodeIndex, candidates } from '../../../server/src/languages/frr/node-index';
import { allNodes, commandsOf } from '../../../server/src/languages/frr/table';

const CLASS_SAMPLE: Record<string, string> = {
  'A.B.C.D': '10.0.0.1',
  'A.B.C.D/M': '10.0.0.0/24',
  'X:X::X:X': '2001:db8::1',
  'X:X::X:X/M': '2001:db8::/32',
  'X:X:X:X:X:X': '00:11:22:33:44:55',
  'X:X:X:X:X:X/M': '00:11:22:33:44:55/48',
};

/** One line of words the sequence accepts: the first alternative of each group, optional parts taken. */
function instance(items: readonly Elem[]): string[] {
  const out: string[] = [];
  for (const e of items) {
    if ('alts' in e) out.push(...instance(e.alts.find((a) => a.length > 0) ?? []));
    else if (e.k === 'kw') out.push(e.text);
    else if (e.k === 'range') out.push(String(e.lo));
    else if (e.k === 'class') out.push(CLASS_SAMPLE[e.text] ?? 'x');
    else out.push('WORD');
  }
  return out;
}

/** The instance and its variants that exercise the second- and third-word filters. */
function variants(words: string[]): string[][] {
  const out = [words, words.slice(0, 2), words.slice(0, 3)];
  for (const i of [1, 2]) {
    if (words.length <= i) continue;
    const abbreviated = [...words];
    abbreviated[i] = words[i].slice(0, 2);
    const wrong = [...words];
    wrong[i] = 'zzzz';
    out.push(abbreviated, wrong, abbreviated.slice(0, i + 1));
  }
  return out.filter((w) => w.length >= 2);
}

test('FRR node index: candidates hold every command that fully matches or reaches the last word, in table order', () => {
  let lines = 0;
  for (const node of allNodes()) {
    const defs = commandsOf(node);
    const ix = buildNodeIndex(defs);
    const pos = new Map(defs.map((d, i) => [d, i]));
    const seen = new Set<string>();
    for (const def of defs) {
      for (const words of variants(instance(def.items))) {
        const key = words.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        lines++;
        const cands = candidates(ix, words);
        const inCands = new Set(cands);
        for (let i = 1; i < cands.length; i++) assert.ok(pos.get(cands[i - 1])! < pos.get(cands[i])!, `${node} "${key}": candidates out of table order`);
        for (const other of defs) {
          if (inCands.has(other)) continue;
          if (other.first && !other.first.some((k) => k.startsWith(words[0]))) continue;
          const m = matchCommand(other.items, words);
          assert.ok(!m.trail && m.reach < words.length, `${node} "${key}": left out "${other.cmd}", which ${m.trail ? 'matches it' : 'reaches its end'}`);
        }
      }
    }
  }
  assert.ok(lines > 5000, `only ${lines} lines tried`);
});
