import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from './helpers';

/** mark-duplicate points each finding's related place at the other conn's own `mark=` line (else its header). */
test('mark-duplicate: related places are the other conns\' mark= lines', () => {
  const conf = [
    'conn a', '    left=192.0.2.1', '    right=198.51.100.1', '    mark=5/0xffffffff', '    vti-interface=vti1',
    'conn b', '    left=192.0.2.1', '    right=198.51.100.2', '    mark=5/0xffffffff', '    vti-interface=vti2',
    '',
  ].join('\n');
  const { list } = findings({ 'gw/ipsec.conf': conf }, 'mark-duplicate');
  const marks = list.filter((f) => f.message.startsWith('mark '));
  assert.equal(marks.length, 2, JSON.stringify(list.map((f) => f.message)));
  for (const f of marks) {
    const other = f.range.start.line === 3 ? 8 : 3;
    assert.deepEqual(f.related?.map((r) => r.range.start.line), [other]);
    assert.equal(f.related?.[0].range.start.character, 9, 'the mark value');
  }
});
