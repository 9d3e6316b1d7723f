import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverText } from './helpers';
import type { Files } from './helpers';

/** Cross-file hovers: masked PSK with its twin, and the inside /30 with both ends and the BGP neighbor. */

const files: Files = {
  'hostA/ipsec.conf': 'conn to-b\n    left=198.51.100.20\n    right=203.0.113.21\n    authby=secret\n    leftvti=169.254.10.2/30\n    mark=5\n',
  'hostA/ipsec.secrets': '198.51.100.20 203.0.113.21 : PSK "AlphaKey12345678"\n',
  'hostA/frr/bgpd.conf': 'router bgp 65000\n neighbor 169.254.10.1 remote-as 65001\n',
  'hostB/ipsec.conf': 'conn to-a\n    left=203.0.113.21\n    right=198.51.100.20\n    authby=secret\n    leftvti=169.254.10.1/30\n    mark=5\n',
  'hostB/ipsec.secrets': '203.0.113.21 198.51.100.20 : PSK "BravoKey12345678"\n',
};

test('PSK hover is masked, names the twin and says whether it matches', () => {
  const t = hoverText(files, 'hostA/ipsec.secrets', 0, 36);
  assert.match(t, /•••• \(16 characters\)/);
  assert.match(t, /used by conn to-b/);
  assert.match(t, /twin on hostB \(conn to-a, hostB\/ipsec\.secrets:1\): \*\*differs\*\*/);
  assert.ok(!t.includes('AlphaKey') && !t.includes('BravoKey'));
  const same = hoverText({ ...files, 'hostB/ipsec.secrets': '203.0.113.21 198.51.100.20 : PSK "AlphaKey12345678"\n' }, 'hostA/ipsec.secrets', 0, 36);
  assert.match(same, /\*\*matches\*\*/);
});

test('leftvti hover shows the whole /30 with both ends and the BGP neighbor', () => {
  const t = hoverText(files, 'hostA/ipsec.conf', 4, 14);
  assert.match(t, /Inside prefix 169\.254\.10\.0\/30/);
  assert.match(t, /`169\.254\.10\.1`: other end, conn to-a on hostB \(hostB\/ipsec\.conf:5\); BGP neighbor AS 65001 \(hostA\/frr\/bgpd\.conf:2\)/);
  assert.match(t, /`169\.254\.10\.2`: this end, conn to-b \(hostA\/ipsec\.conf:5\)/);
  assert.match(t, /broadcast `169\.254\.10\.3`/);
});
