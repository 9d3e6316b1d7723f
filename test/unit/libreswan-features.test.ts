import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFixture } from '../harness/fixture';
import { fixtureSnapshot, FIXTURE_ROOT } from '../harness/run-fixture';
import { hover } from '../../server/src/features/hover';
import { completion, resolveCompletion } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { documentSymbols } from '../../server/src/features/symbols';
import { uriOfPath } from '../../server/src/workspace/workspace';

/** Runs a feature at the `$0` cursor of a fixture text. */
function at<T>(text: string, run: (file: NonNullable<ReturnType<ReturnType<typeof fixtureSnapshot>['store']['get']>>, pos: { line: number; character: number }, snap: ReturnType<typeof fixtureSnapshot>['snapshot']) => T): T {
  const fx = parseFixture('inline', text);
  const { store, snapshot } = fixtureSnapshot(fx);
  assert.ok(fx.cursor, 'fixture has a $0 cursor');
  const file = store.get(uriOfPath(`${FIXTURE_ROOT}/${fx.cursor.file}`));
  assert.ok(file);
  return run(file, fx.cursor, snapshot);
}

const hoverText = (text: string): string => {
  const h = at(text, (f, p, s) => hover(f, p, s));
  return h ? (h.contents as { value: string }).value : '';
};

test('hover on a keyword shows our description, type and version status', () => {
  const v = hoverText('#- gw/ipsec.conf\nconn t\n    ike$0lifetime=8h\n');
  assert.match(v, /\*\*ikelifetime\*\*/);
  assert.match(v, /Type: `time`/);
  assert.match(v, /Libreswan 4\.10: supported/);
});

test('hover on a subnet value shows network, prefix and usable hosts', () => {
  const v = hoverText('#- gw/ipsec.conf\nconn t\n    leftvti=169.254.10.$02/30\n');
  assert.match(v, /169\.254\.10\.0\/30/);
  assert.match(v, /2 usable hosts/);
});

test('hover on an also= target shows that conn', () => {
  const v = hoverText('#- gw/ipsec.conf\nconn base\n    ikev2=insist\nconn t\n    also=ba$0se\n');
  assert.match(v, /conn \*\*base\*\*/);
  assert.match(v, /ikev2=insist/);
});

test('hover on a mark lists the marks of the host', () => {
  const v = hoverText('#- gw/ipsec.conf\nconn a\n    mark=5/0xffffffff\n    vti-interface=vti1\n#- gw/ipsec.d/b.conf\nconn b\n    mark=$06/0xffffffff\n');
  assert.match(v, /`a`: mark 5\/0xffffffff on vti1/);
  assert.match(v, /`b`: mark 6\/0xffffffff/);
});

test('completion offers keywords of the section that are not yet set', () => {
  const items = at('#- gw/ipsec.conf\nconn t\n    leftsubnet=10.0.0.0/8\n    $0\n', (f, p, s) => completion(f, p, s));
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('rightsubnet'));
  assert.ok(labels.includes('ikelifetime'));
  assert.ok(!labels.includes('leftsubnet'), 'already set');
  assert.ok(!labels.includes('logfile'), 'config setup keyword');
});

test('keyword completion leaves the documentation to completionItem/resolve', () => {
  const items = at('#- gw/ipsec.conf\nconn t\n    $0\n', (f, p, s) => completion(f, p, s));
  const item = items.find((i) => i.label === 'ikelifetime');
  assert.ok(item, 'ikelifetime offered');
  assert.equal(item.documentation, undefined, 'the list carries no documentation');
  assert.ok(JSON.stringify(items).length < 40_000, `keyword list is ${JSON.stringify(items).length} bytes`);
  const resolved = resolveCompletion(JSON.parse(JSON.stringify(item)));
  const doc = resolved.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /\*\*ikelifetime\*\*/);
  assert.match(doc.value, /Type: `time`/);
  assert.match(doc.value, /Libreswan 4\.10: supported/);
  const left = resolveCompletion(JSON.parse(JSON.stringify(items.find((i) => i.label === 'leftsubnet'))));
  assert.match((left.documentation as { value: string }).value, /\*\*leftsubnet\*\*/);
  // Items without our data (values, snippets, foreign clients' items) come back unchanged.
  const plain = { label: 'start' };
  assert.equal(resolveCompletion(plain), plain);
  assert.equal(resolveCompletion({ label: 'x', data: { vpnconf: 'libreswan-keyword', index: 1e9, name: 'x', version: '5' } }).documentation, undefined);
});

test('completion offers enum values after = and conn names after also=', () => {
  const auto = at('#- gw/ipsec.conf\nconn t\n    auto=$0\n', (f, p, s) => completion(f, p, s)).map((i) => i.label);
  assert.ok(auto.includes('start') && auto.includes('add'));
  const also = at('#- gw/ipsec.conf\nconn base\n    ikev2=insist\nconn t\n    also=$0\n', (f, p, s) => completion(f, p, s)).map((i) => i.label);
  assert.deepEqual(also, ['base']);
  const left = at('#- gw/ipsec.conf\nconn t\n    left=$0\n', (f, p, s) => completion(f, p, s)).map((i) => i.label);
  assert.ok(left.includes('%defaultroute'));
});

test('go to definition follows also= across files of the host', () => {
  const locs = at('#- gw/ipsec.conf\nconn t\n    also=ba$0se\n#- gw/ipsec.d/base.conf\nconn base\n    ikev2=insist\n', (f, p, s) => definition(f, p, s));
  assert.equal(locs.length, 1);
  assert.match(locs[0].uri, /ipsec\.d\/base\.conf$/);
  assert.equal(locs[0].range.start.line, 0);
});

test('document symbols list config setup and conns with their settings', () => {
  const syms = at('#- gw/ipsec.conf\nconfig setup\n    logfile=/x\nconn t$0\n    auto=add\n', (f) => documentSymbols(f));
  assert.deepEqual(syms.map((s) => s.name), ['config setup', 'conn t']);
  assert.equal(syms[1].children?.[0].name, 'auto');
});
