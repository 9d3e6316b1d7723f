import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, findings, fixesFor, type Files } from './helpers';
import { AWS_PSK, OCI_PSK } from '../../../server/src/model/clouds';
import { generatePsk } from '../../../server/src/checks/psk-missing';

/** Quick fixes of the cross-file checks: apply the edits, re-run the checks, the finding is gone. */

const conn = (name: string, left: string, right: string, extra = ''): string => `conn ${name}\n    left=${left}\n    right=${right}\n    authby=secret\n${extra}`;

const pair: Files = {
  'hostA/ipsec.conf': conn('to-b', '198.51.100.20', '203.0.113.21'),
  'hostA/ipsec.secrets': '198.51.100.20 203.0.113.21 : PSK "AlphaKey12345678"\n',
  'hostB/ipsec.conf': conn('to-a', '203.0.113.21', '198.51.100.20'),
  'hostB/ipsec.secrets': '203.0.113.21 198.51.100.20 : PSK "BravoKey12345678"\n',
};

function assertNoSecretIn(texts: string[]): void {
  for (const t of texts) for (const k of ['AlphaKey12345678', 'BravoKey12345678']) assert.ok(!t.includes(k), `secret leaked into: ${t}`);
}

test('psk-mismatch: both directions of "take the PSK from the other end" remove the finding', () => {
  const { list, snapshot } = findings(pair, 'psk-mismatch');
  assert.equal(list.length, 2);
  assertNoSecretIn(list.flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message), JSON.stringify(f.data)]));
  const fixes = fixesFor(list[0], snapshot);
  assert.equal(fixes.length, 2);
  assertNoSecretIn(fixes.map((f) => f.title));
  for (const fix of fixes) assert.equal(findings(apply(pair, fix), 'psk-mismatch').list.length, 0, fix.title);
});

test('psk-missing: copy the peer PSK, or generate one valid for AWS and OCI', () => {
  const files: Files = { ...pair, 'hostA/ipsec.secrets': '# no entry yet\n' };
  const { list, snapshot } = findings(files, 'psk-missing');
  assert.equal(list.length, 1);
  const fixes = fixesFor(list[0], snapshot);
  assert.equal(fixes.length, 2);
  const copied = apply(files, fixes[0]);
  assert.equal(findings(copied, 'psk-missing').list.length, 0);
  assert.equal(findings(copied, 'psk-mismatch').list.length, 0);
  const fresh = apply(files, fixes[1]);
  assert.equal(findings(fresh, 'psk-missing').list.length, 0);
  assert.match(fresh['hostA/ipsec.secrets'], /^# no entry yet\n198\.51\.100\.20 203\.0\.113\.21 : PSK "[A-Za-z0-9]{40}"\n$/);
});

test('generatePsk satisfies both clouds and never starts with 0', () => {
  for (let i = 0; i < 200; i++) {
    const k = generatePsk(8 + (i % 57));
    assert.match(k, AWS_PSK);
    assert.match(k, OCI_PSK);
  }
});

test('mark-duplicate: renumber to the next free mark and rename the VTI that follows it', () => {
  const files: Files = {
    'gw/ipsec.conf': 'conn a\n    right=203.0.113.1\n    mark=5/0xffffffff\n    vti-interface=vti5\nconn b\n    right=203.0.113.2\n    mark=5/0xffffffff\n    vti-interface=vti6\nconn c\n    right=203.0.113.3\n    mark=6/0xffffffff\n    vti-interface=vti7\n',
  };
  const { list, snapshot } = findings(files, 'mark-duplicate');
  assert.equal(list.length, 2);
  const fix = fixesFor(list[0], snapshot)[0];
  assert.equal(fix.title, 'Renumber to mark=8/0xffffffff and vti-interface=vti8');
  const after = apply(files, fix);
  assert.equal(findings(after, 'mark-duplicate').list.length, 0);
  assert.match(after['gw/ipsec.conf'], /mark=8\/0xffffffff\n    vti-interface=vti8/);
});

test('mark-duplicate: an inherited mark gets its own mark= line in the conn', () => {
  const files: Files = { 'gw/ipsec.conf': 'conn %default\n    mark=10/0xffffffff\nconn a\n    right=203.0.113.1\nconn b\n    right=203.0.113.2\n' };
  const { list, snapshot } = findings(files, 'mark-duplicate');
  assert.equal(list.length, 2);
  const after = apply(files, fixesFor(list[0], snapshot)[0]);
  assert.equal(findings(after, 'mark-duplicate').list.length, 0);
});

test('inside-peer-mismatch: set rightvti to the other host of the /30', () => {
  const files: Files = { 'gw/ipsec.conf': 'conn t\n    right=203.0.113.1\n    leftvti=192.168.254.1/30\n    rightvti=192.168.254.6/30\n    mark=5\n' };
  const { list, snapshot } = findings(files, 'inside-peer-mismatch');
  assert.equal(list.length, 1);
  const after = apply(files, fixesFor(list[0], snapshot)[0]);
  assert.match(after['gw/ipsec.conf'], /rightvti=192\.168\.254\.2\/30/);
  assert.equal(findings(after, 'inside-peer-mismatch').list.length, 0);
});

test('inside-peer-mismatch: rename an FRR neighbor on every line that names it', () => {
  const files: Files = {
    'cpe/ipsec.conf': 'conn t\n    right=203.0.113.1\n    leftvti=192.168.254.5/30\n    mark=5\n',
    'cpe/frr/bgpd.conf': 'router bgp 65000\n neighbor 192.168.254.7 remote-as 31898\n address-family ipv4 unicast\n  neighbor 192.168.254.7 route-map ALL in\n  neighbor 192.168.254.7 route-map ALL out\n exit-address-family\n!\nroute-map ALL permit 10\n!\n',
  };
  const { list, snapshot } = findings(files, 'inside-peer-mismatch');
  assert.equal(list.length, 1);
  const after = apply(files, fixesFor(list[0], snapshot)[0]);
  assert.equal((after['cpe/frr/bgpd.conf'].match(/192\.168\.254\.6/g) ?? []).length, 3);
  assert.equal(findings(after, 'inside-peer-mismatch').list.length, 0);
});

test('cloud-inside-cidr (AWS): our end on N+2, AWS on N+1', () => {
  const files: Files = {
    'vpnconf.json': '{"peers": {"203.0.113.21": "aws"}}',
    'gw/ipsec.conf': 'conn aws\n    right=203.0.113.21\n    leftvti=169.254.44.1/30\n    mark=5\n',
  };
  const { list, snapshot } = findings(files, 'cloud-inside-cidr');
  assert.equal(list.length, 1);
  const after = apply(files, fixesFor(list[0], snapshot)[0]);
  assert.match(after['gw/ipsec.conf'], /leftvti=169\.254\.44\.2\/30/);
  assert.equal(findings(after, 'cloud-inside-cidr').list.length, 0);
});

test('cloud-psk-format: a new random key satisfies the cloud', () => {
  const files: Files = {
    'vpnconf.json': '{"peers": {"203.0.113.21": "aws"}}',
    'gw/ipsec.conf': conn('aws', '198.51.100.20', '203.0.113.21'),
    'gw/ipsec.secrets': '198.51.100.20 203.0.113.21 : PSK "0has-a-dash"\n',
  };
  const { list, snapshot } = findings(files, 'cloud-psk-format');
  assert.equal(list.length, 1);
  assert.ok(!list[0].message.includes('0has-a-dash'));
  const after = apply(files, fixesFor(list[0], snapshot)[0]);
  assert.equal(findings(after, 'cloud-psk-format').list.length, 0);
});
