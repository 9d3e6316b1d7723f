import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverText } from './helpers';
import type { Files } from './helpers';

/** Hover on a static route's prefix: which tunnel each nexthop enters, or that it goes elsewhere. */

const files: Files = {
  'gw/ipsec.conf': 'conn to-b\n    left=198.51.100.20\n    right=203.0.113.21\n    authby=secret\n    leftvti=169.254.30.1/30\n    mark=5\n    vti-interface=vti5\n',
  'gw/frr/staticd.conf': 'ip route 10.61.0.0/16 vti5 10\nip route 10.61.8.0/24 192.0.2.1\nip route 10.62.0.0/16 Null0\nip route 10.63.0.0/16 169.254.30.2\n',
  'br/router.rtx': 'ip route 10.80.0.0/16 gateway tunnel 1 gateway pp 1 weight 0\ntunnel select 1\n ipsec tunnel 201\n  ipsec sa policy 201 1 esp aes-cbc sha256-hmac\n  ipsec ike local address 1 198.51.100.5\n  ipsec ike pre-shared-key 1 text SameKeyOnBoth1234\n  ipsec ike remote address 1 203.0.113.9\n tunnel enable 1\ntunnel select none\n',
};

test('FRR route into a VTI names the conn it enters, and keeps the command hover', () => {
  const t = hoverText(files, 'gw/frr/staticd.conf', 0, 12);
  assert.match(t, /\*\*Static route 10\.61\.0\.0\/16\*\*/);
  assert.match(t, /via `vti5`: enters the tunnel of conn to-b \(gw\/ipsec\.conf:1\) to 203\.0\.113\.21, distance 10/);
  assert.match(t, /ip route </);
});

test('FRR route via a nexthop inside the tunnel /30 enters that tunnel', () => {
  assert.match(hoverText(files, 'gw/frr/staticd.conf', 3, 12), /via `169\.254\.30\.2`: enters the tunnel of conn to-b/);
});

test('FRR route elsewhere lists the tunnel routes it overlaps; a Null0 route drops', () => {
  const t = hoverText(files, 'gw/frr/staticd.conf', 1, 12);
  assert.match(t, /via `192\.0\.2\.1`: not into a tunnel/);
  assert.match(t, /overlaps 10\.61\.0\.0\/16 into conn to-b \(gw\/frr\/staticd\.conf:1\)/);
  assert.match(hoverText(files, 'gw/frr/staticd.conf', 2, 12), /via `Null0`: drops the traffic/);
});

test('Yamaha route: one line per gateway, the standby marked', () => {
  const t = hoverText(files, 'br/router.rtx', 0, 12);
  assert.match(t, /via `tunnel 1`: enters the tunnel of tunnel 1 \(br\/router\.rtx:2\) to 203\.0\.113\.9/);
  assert.match(t, /via `pp 1`: not into a tunnel \(standby gateway, `weight 0`\)/);
});

test('no route hover off the prefix', () => {
  assert.doesNotMatch(hoverText(files, 'gw/frr/staticd.conf', 0, 2), /Static route/);
});
