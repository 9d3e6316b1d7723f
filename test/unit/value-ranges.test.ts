import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../../server/src/checks/run';
import { uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';

test('invalid-value ranges stay inside the line when an empty part sits at its end (found by fuzzing)', () => {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const text = 'conn a\n\tmark-in=/\n\tmark-out=5/\n\tmark=/0x';
  const f = store.set(uriOfPath('/ws/gw/ipsec.conf'), text, 1)!;
  const found = [...runChecks(store.snapshot()).values()].flat().filter((x) => x.code === 'invalid-value');
  assert.ok(found.length >= 3, JSON.stringify(found));
  for (const x of found) {
    const len = f.lines[x.range.end.line].length;
    assert.ok(x.range.end.character <= len && x.range.start.character <= x.range.end.character, `${JSON.stringify(x.range)} inside a line of ${len}: ${x.message}`);
  }
});
