import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrr } from '../../../server/src/languages/frr/parser';
import { lowerFrr } from '../../../server/src/languages/frr/lower';
import { parseYamaha } from '../../../server/src/languages/yamaha/parser';
import { lowerYamaha } from '../../../server/src/languages/yamaha/lower';

/** Lowering of static routes: the FRR staticd forms and the Yamaha gateways with their weights. */

const frrRoutes = (text: string) => lowerFrr(parseFrr(text).ast).staticRoutes.map(({ prefix, nexthop, ifname, discard, distance, vrf }) => ({ prefix: prefix.value, nexthop, ifname, discard, distance, vrf }));

test('FRR ip route: nexthop, interface, discard, distance, options and the address+mask form', () => {
  assert.deepEqual(frrRoutes([
    'ip route 10.1.0.0/16 192.0.2.1',
    'ip route 10.2.0.0/16 vti1 10',
    'ip route 10.3.0.0/16 192.0.2.1 eth0 tag 7 250',
    'ip route 10.4.0.0 255.255.0.0 192.0.2.1 label 16',
    'ip route 10.5.0.0/16 blackhole 254',
    'ip route 10.6.0.0/16 Null0',
    'ip route 10.7.0.0/16 192.0.2.9 table 100 vrf blue',
    'ip route 10.8.0.0/16 192.0.2.1 eth0 onlink',
  ].join('\n') + '\n'), [
    { prefix: '10.1.0.0/16', nexthop: '192.0.2.1', ifname: undefined, discard: false, distance: undefined, vrf: undefined },
    { prefix: '10.2.0.0/16', nexthop: undefined, ifname: 'vti1', discard: false, distance: 10, vrf: undefined },
    { prefix: '10.3.0.0/16', nexthop: '192.0.2.1', ifname: 'eth0', discard: false, distance: 250, vrf: undefined },
    { prefix: '10.4.0.0/16', nexthop: '192.0.2.1', ifname: undefined, discard: false, distance: undefined, vrf: undefined },
    { prefix: '10.5.0.0/16', nexthop: undefined, ifname: undefined, discard: true, distance: 254, vrf: undefined },
    { prefix: '10.6.0.0/16', nexthop: undefined, ifname: undefined, discard: true, distance: undefined, vrf: undefined },
    { prefix: '10.7.0.0/16', nexthop: '192.0.2.9', ifname: undefined, discard: false, distance: undefined, vrf: 'blue' },
    { prefix: '10.8.0.0/16', nexthop: '192.0.2.1', ifname: 'eth0', discard: false, distance: undefined, vrf: undefined },
  ]);
});

test('FRR: the range of an address+mask prefix covers both words', () => {
  const r = lowerFrr(parseFrr('ip route 10.4.0.0 255.255.0.0 192.0.2.1\n').ast).staticRoutes[0];
  assert.deepEqual([r.prefix.range.start.character, r.prefix.range.end.character], [9, 29]);
});

test('Yamaha ip route: one gateway per entry, each with its own weight; dhcp and null kept', () => {
  const y = lowerYamaha(parseYamaha('ip route 10.1.0.0/16 gateway tunnel 1 gateway pp 1 weight 0\nip route 10.2.0.0/16 gateway dhcp lan2\nip route 10.3.0.0/16 gateway null\nip lan1 address 192.168.1.1/24\n').ast);
  assert.deepEqual(y.routes.map((r) => r.gateways.map(({ kind, value, weight }) => ({ kind, value, weight }))), [
    [{ kind: 'tunnel', value: '1', weight: undefined }, { kind: 'pp', value: '1', weight: 0 }],
    [{ kind: 'other', value: 'dhcp lan2', weight: undefined }],
    [{ kind: 'other', value: 'null', weight: undefined }],
  ]);
  assert.deepEqual(y.interfaceAddresses.map((a) => [a.ifname, a.address.value]), [['lan1', '192.168.1.1/24']]);
});
