import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceStore, uriOfPath } from '../../../server/src/workspace/workspace';
import { hoverFrr } from '../../../server/src/features/hover/frr';
import { completeFrr } from '../../../server/src/features/completion/frr';
import { symbolsFrr } from '../../../server/src/features/symbols/frr';
import { foldingFrr } from '../../../server/src/features/folding/frr';
import { definitionFrr, referencesFrr } from '../../../server/src/features/definition/frr';
import { parseFrr } from '../../../server/src/languages/frr/parser';

const TEXT = ['router bgp 65000', ' neighbor 10.0.0.2 remote-as 65001', ' address-family ipv4 unicast', '  neighbor 10.0.0.2 route-map ALL in', '  neighbor 10.0.0.2 route-map ALL out', ' exit-address-family', '!', 'route-map ALL permit 10', ' match ip address prefix-list P', '!', 'ip prefix-list P permit 10.0.0.0/8', ''].join('\n');

function setup(text = TEXT) {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const uri = uriOfPath('/ws/cpe/frr/bgpd.conf');
  store.set(uri, text, 1);
  const snapshot = store.snapshot();
  return { snapshot, file: snapshot.files.get(uri)! };
}

test('frr hover: route-map name shows its entries; command words get a description', () => {
  const { snapshot, file } = setup();
  const h = hoverFrr(file, { line: 3, character: 32 }, snapshot);
  assert.match(JSON.stringify(h?.contents), /route-map ALL permit 10/);
  const h2 = hoverFrr(file, { line: 1, character: 22 }, snapshot);
  assert.match(JSON.stringify(h2?.contents), /remote-as/);
});

test('frr completion: keywords of the node and defined names', () => {
  const text = TEXT.replace('  neighbor 10.0.0.2 route-map ALL out', '  neighbor 10.0.0.2 route-map ');
  const { snapshot, file } = setup(text);
  const items = completeFrr(file, { line: 4, character: 31 }, snapshot).map((i) => i.label);
  assert.ok(items.includes('ALL'), items.join(','));
  const top = completeFrr(file, { line: 2, character: 1 }, snapshot).map((i) => i.label);
  assert.ok(top.includes('neighbor') && top.includes('address-family'));
});

test('frr symbols, folding, definition and references', () => {
  const { snapshot, file } = setup();
  const syms = symbolsFrr(file);
  assert.deepEqual(syms.map((s) => s.name), ['router bgp 65000', 'route-map ALL permit 10']);
  assert.equal(syms[0].children?.[0].name, 'address-family ipv4 unicast');
  assert.deepEqual(foldingFrr(file).map((f) => [f.startLine, f.endLine]), [[0, 5], [2, 5], [7, 8]]);
  assert.equal(definitionFrr(file, { line: 3, character: 32 }, snapshot)[0].range.start.line, 7);
  assert.equal(referencesFrr(file, { line: 7, character: 11 }, snapshot).length, 2);
});

test('frr parser never throws and stays fast on garbage', () => {
  let s = '';
  for (let i = 0; i < 2000; i++) s += String.fromCharCode((i * 7919) % 300) + (i % 37 === 0 ? '\n' : ' ');
  const t0 = Date.now();
  parseFrr(s + '\n' + 'neighbor '.repeat(500) + '\n{{{{[[[[<<<< ' + 'ip '.repeat(100));
  assert.ok(Date.now() - t0 < 5000);
});
