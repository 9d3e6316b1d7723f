import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverYamaha } from '../../../server/src/features/hover/yamaha';
import { completeYamaha } from '../../../server/src/features/completion/yamaha';
import { resolveCompletion } from '../../../server/src/features/completion';
import { symbolsYamaha } from '../../../server/src/features/symbols/yamaha';
import { foldingYamaha } from '../../../server/src/features/folding/yamaha';
import type { Position } from '../../../server/src/core/types';
import { snapshotOf } from './helpers';

const DOC = `# RTX1210 Rev.14.01.42 (Fri Sep  3 13:58:14 2021)
tunnel select 1
 description tunnel AWS-1
 ipsec tunnel 201
  ipsec sa policy 201 1 esp aes-cbc sha-hmac
  ipsec ike encryption 1 aes-cbc
  ipsec ike pre-shared-key 1 text Zx8Cv7Bn6Mq5Wr4T
  ipsec ike remote address 1 198.51.100.11
 ip tunnel address 169.254.44.2/30
 ip tunnel remote address 169.254.44.1
 tunnel enable 1
tunnel select 2
 ipsec tunnel 202
  ipsec sa policy 202 2 esp aes-cbc sha-hmac
tunnel select none
bgp use on
bgp autonomous-system 65000
bgp neighbor 1 64512 169.254.44.1 hold-time=30 local-address=169.254.44.2
bgp import filter 7 equal 10.0.0.0/16
`;

/** Splits a document with a `$0` cursor into text and position. */
function at(doc: string, line: number, needle: string, offset = 0): Position {
  const l = doc.split('\n')[line];
  return { line, character: l.indexOf(needle) + offset };
}

function setup(text = DOC) {
  const { snapshot, files } = snapshotOf({ '/ws/r.rtx': text });
  return { snapshot, file: files[0] };
}

function hoverText(pos: Position, text = DOC): string {
  const { snapshot, file } = setup(text);
  const h = hoverYamaha(file, pos, snapshot);
  return h ? (h.contents as { value: string }).value : '';
}

test('hover on a command name explains it in our words with its syntax', () => {
  const v = hoverText(at(DOC, 5, 'encryption', 2));
  assert.match(v, /\*\*ipsec ike encryption\*\*/);
  assert.match(v, /Phase-1/);
  assert.match(v, /ipsec ike encryption gateway_id algorithm/);
});

test('hover on a parameter value lists the allowed values', () => {
  const v = hoverText(at(DOC, 5, 'aes-cbc', 1));
  assert.match(v, /algorithm/);
  assert.match(v, /aes256-cbc/);
});

test('hover on a tunnel number summarises the tunnel', () => {
  const v = hoverText(at(DOC, 1, '1'));
  assert.match(v, /tunnel 1/);
  assert.match(v, /IPsec policy 201 → gateway 1/);
  assert.match(v, /inside 169\.254\.44\.2\/30 ↔ 169\.254\.44\.1/);
  assert.match(v, /remote 198\.51\.100\.11/);
  assert.doesNotMatch(v, /Zx8Cv7Bn6Mq5Wr4T/);
});

test('hover on a pre-shared key never shows it', () => {
  const v = hoverText(at(DOC, 6, 'Zx8', 1));
  assert.match(v, /16 characters/);
  assert.doesNotMatch(v, /Zx8Cv7Bn6Mq5Wr4T/);
});

test('hover on an address says what it is in the file', () => {
  const v = hoverText(at(DOC, 17, '169.254.44.1', 3));
  assert.match(v, /Remote inside address of tunnel 1/);
  assert.match(v, /BGP neighbor 1/);
});

test('hover on the header names the model limits', () => {
  assert.match(hoverText({ line: 0, character: 3 }), /RTX1210.*Tunnels 1\.\.100/s);
});

function labels(text: string, pos: Position): string[] {
  const { snapshot, file } = setup(text);
  return completeYamaha(file, pos, snapshot).map((i) => i.label);
}

test('completion offers commands valid in the tunnel context', () => {
  const text = DOC.replace(' ip tunnel remote address 169.254.44.1\n', ' ip tunnel remote address 169.254.44.1\n ip tunnel t\n');
  const l = labels(text, { line: 10, character: 12 });
  assert.ok(l.includes('ip tunnel tcp mss limit'), l.join(','));
  const g = labels(text.replace(' ip tunnel t\n', ''), { line: 15, character: 0 });
  assert.ok(g.includes('bgp neighbor'));
  assert.ok(!g.includes('ip tunnel address'), 'tunnel-only commands are not offered after tunnel select none');
});

test('command completion leaves the documentation to completionItem/resolve', () => {
  const { snapshot, file } = setup(DOC);
  const item = completeYamaha(file, { line: 15, character: 0 }, snapshot).find((i) => i.label === 'tunnel enable');
  assert.ok(item, 'tunnel enable offered');
  assert.equal(item.documentation, undefined, 'the list carries no documentation');
  const resolved = resolveCompletion(JSON.parse(JSON.stringify(item)));
  assert.match(String(resolved.documentation), /Turns the tunnel interface on/);
});

test('completion offers enum values and defined ids', () => {
  const base = DOC.split('\n');
  const withLine = (line: string) => [...base.slice(0, 11), line, ...base.slice(11)].join('\n');
  assert.deepEqual(labels(withLine(' ipsec ike group 1 '), { line: 11, character: 19 }).sort(), ['modp1024', 'modp1536', 'modp2048', 'modp768']);
  assert.ok(labels(withLine(' ipsec tunnel '), { line: 11, character: 14 }).includes('201'));
  assert.ok(labels(withLine(' ipsec ike hash '), { line: 11, character: 16 }).includes('1'));
  assert.ok(labels(withLine('bgp import 64512 static filter '), { line: 11, character: 31 }).includes('7'));
  assert.ok(labels(withLine('bgp neighbor 3 64512 169.254.45.1 '), { line: 11, character: 34 }).includes('local-address='));
});

test('document symbols: tunnels and BGP', () => {
  const { file } = setup();
  const s = symbolsYamaha(file);
  assert.deepEqual(s.map((x) => x.name), ['tunnel 1', 'tunnel 2', 'bgp AS 65000']);
  assert.equal(s[0].detail, 'AWS-1');
  assert.deepEqual(s[0].children?.map((c) => c.name), ['ipsec tunnel 201', 'peer 198.51.100.11', 'inside 169.254.44.2/30']);
  assert.deepEqual(s[2].children?.map((c) => c.name), ['neighbor 1 169.254.44.1']);
});

test('folding per tunnel select block', () => {
  const { file } = setup();
  assert.deepEqual(foldingYamaha(file).map((f) => [f.startLine, f.endLine]), [[1, 10], [11, 13]]);
});
