/**
 * Table-driven tests of validateValue, per value type and Libreswan version.
 * Each row: [keyword, type, text, version, expected] where expected is 'ok', 'error' or
 * 'warning' (the worst severity reported), optionally with the expected [start, end] range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateValue, type ValueType } from '../../../server/src/languages/libreswan/values';

type Row = [keyword: string, type: ValueType, text: string, version: '4' | '5' | '*', expect: 'ok' | 'error' | 'warning', range?: [number, number], allowed?: string[]];

const DPD = ['hold', 'clear', 'restart', 'restart_by_peer'];
const ROWS: Row[] = [
  // bool
  ['pfs', 'bool', 'yes', '*', 'ok'], ['pfs', 'bool', 'no', '*', 'ok'], ['pfs', 'bool', 'y', '*', 'ok'], ['pfs', 'bool', 'off', '*', 'ok'],
  ['pfs', 'bool', 'maybe', '*', 'error', [0, 5]], ['pfs', 'bool', '1', '4', 'error'], ['pfs', 'bool', '1', '5', 'ok'], ['pfs', 'bool', '0', '5', 'ok'],
  ['pfs', 'bool', 'YES', '4', 'error'], ['pfs', 'bool', '"yes"', '*', 'ok'], ['pfs', 'bool', '', '*', 'error'],
  // enum (Libreswan compares case-insensitively)
  ['dpdaction', 'enum', 'clear', '*', 'ok', undefined, DPD], ['dpdaction', 'enum', 'Clear', '*', 'ok', undefined, DPD],
  ['dpdaction', 'enum', 'reset', '*', 'error', [0, 5], DPD], ['dpdaction', 'enum', 'anything', '*', 'ok'],
  // list-enum
  ['plutodebug', 'list-enum', 'all,crypt', '*', 'ok', undefined, ['all', 'crypt', 'none']], ['plutodebug', 'list-enum', 'all bogus', '*', 'error', [4, 9], ['all', 'crypt', 'none']],
  // number
  ['keyingtries', 'number', '3', '*', 'ok'], ['keyingtries', 'number', '%forever', '*', 'ok'], ['mtu', 'number', 'abc', '*', 'error'], ['priority', 'number', '-5', '*', 'error'],
  ['replay-window', 'number', '0x20', '*', 'ok'],
  // number-or-bool
  ['clones', 'number-or-bool', '4', '*', 'ok'], ['clones', 'number-or-bool', 'yes', '*', 'ok'], ['clones', 'number-or-bool', 'x', '*', 'error'],
  // time
  ['ikelifetime', 'time', '3600', '*', 'ok'], ['ikelifetime', 'time', '8h', '*', 'ok'], ['ikelifetime', 'time', '1d', '*', 'ok'], ['dpddelay', 'time', '500ms', '*', 'ok'],
  ['ikelifetime', 'time', 'abc', '*', 'error', [0, 3]], ['ikelifetime', 'time', '1w', '4', 'error'], ['ikelifetime', 'time', '1w', '5', 'ok'],
  ['ikelifetime', 'time', '1.5h', '4', 'error'], ['ikelifetime', 'time', '1.5h', '5', 'ok'], ['ikelifetime', 'time', '-1', '*', 'error'], ['ikelifetime', 'time', '5 h', '*', 'error'],
  // percent
  ['rekeyfuzz', 'percent', '100%', '*', 'ok'], ['rekeyfuzz', 'percent', '50', '*', 'error'], ['rekeyfuzz', 'percent', 'x%', '*', 'error'],
  // binary / byte
  ['ipsec-max-bytes', 'binary', '1024', '*', 'ok'], ['ipsec-max-bytes', 'binary', '1Ki', '*', 'ok'], ['ipsec-max-bytes', 'binary', '4GiB', '*', 'ok'],
  ['ipsec-max-bytes', 'binary', '1GB', '*', 'error'], ['ipsec-max-bytes', 'byte', 'x', '*', 'error'],
  // mark
  ['mark', 'mark', '5', '*', 'ok'], ['mark', 'mark', '5/0xffffffff', '*', 'ok'], ['mark', 'mark', '0x10/0xff', '*', 'ok'], ['mark', 'mark', '-1', '*', 'ok'],
  ['mark', 'mark', '-1/0xffffffff', '*', 'ok'], ['mark', 'mark', 'xyz', '*', 'error', [0, 3]], ['mark', 'mark', '5/zz', '*', 'error', [2, 4]],
  ['mark', 'mark', '4294967296', '*', 'error'], ['mark', 'mark', '5/0xf0', '*', 'error'], ['mark', 'mark', '-2', '*', 'error'], ['mark-in', 'mark', '7/0', '*', 'error'],
  // ip
  ['sourceip', 'ip', '10.0.0.1', '*', 'ok'], ['sourceip', 'ip', 'fd00::1', '*', 'ok'], ['sourceip', 'ip', '1.2.3', '*', 'error'], ['sourceip', 'ip', '10.0.0.1/24', '*', 'error'],
  ['nexthop', 'ip', '%direct', '4', 'error'], ['nexthop', 'ip', '%direct', '5', 'ok'], ['nexthop', 'ip', '%defaultroute', '*', 'ok'], ['nexthop', 'ip', 'foo', '*', 'error'],
  // ip-list
  ['modecfgdns', 'ip-list', '1.1.1.1,8.8.8.8', '*', 'ok'], ['modecfgdns', 'ip-list', '"1.1.1.1 2001:4860:4860::8888"', '*', 'ok'], ['modecfgdns', 'ip-list', '1.1.1.1,junk', '*', 'error', [8, 12]],
  // subnet
  ['subnet', 'subnet', '10.0.0.0/24', '*', 'ok'], ['subnet', 'subnet', '10.0.0.5', '*', 'ok'], ['subnet', 'subnet', '2001:db8::/32', '*', 'ok'], ['subnet', 'subnet', '0.0.0.0/0', '*', 'ok'],
  ['subnet', 'subnet', '10.0.0.0/33', '*', 'error'], ['subnet', 'subnet', 'foo', '*', 'error'], ['subnet', 'subnet', '10.0.0.1/24', '*', 'warning'],
  ['subnet', 'subnet', 'vhost:%no,%priv', '4', 'warning'], ['subnet', 'subnet', 'vhost:%no,%priv', '5', 'error'], ['subnet', 'subnet', '%priv', '*', 'error'],
  ['subnet', 'subnet', '10.0.0.0/24,10.1.0.0/24', '4', 'error'], ['subnet', 'subnet', '10.0.0.0/24,10.1.0.0/24', '5', 'ok'],
  ['vti', 'subnet', '169.254.0.1/30', '*', 'ok'], ['vti', 'subnet', '169.254.0.1', '*', 'error'],
  // subnets
  ['subnets', 'subnets', '{10.0.0.0/24 10.1.0.0/24}', '*', 'ok'], ['subnets', 'subnets', '10.0.0.0/24,10.1.0.0/24', '*', 'ok'], ['subnets', 'subnets', '"10.0.0.0/24 10.1.0.0/24"', '*', 'ok'],
  ['subnets', 'subnets', '{10.0.0.0/24 junk}', '*', 'error', [13, 17]], ['subnets', 'subnets', '{}', '*', 'error'],
  // range
  ['addresspool', 'range', '10.0.0.1-10.0.0.9', '*', 'ok'], ['addresspool', 'range', '10.0.0.0/24', '*', 'ok'], ['addresspool', 'range', '10.0.0.9-10.0.0.1', '*', 'error'],
  ['addresspool', 'range', 'junk', '*', 'error'], ['addresspool', 'range', '10.0.0.1-fd00::1', '*', 'error'],
  // host (left=/right=)
  ['', 'loose-enum', '192.0.2.1', '*', 'ok'], ['', 'loose-enum', '%defaultroute', '*', 'ok'], ['', 'loose-enum', '%any', '*', 'ok'], ['', 'loose-enum', 'vpn.example.com', '*', 'ok'],
  ['', 'loose-enum', '%group', '*', 'ok'], ['', 'loose-enum', '%opportunisticgroup', '*', 'ok'], ['', 'loose-enum', '%eth1', '*', 'ok'], ['', 'loose-enum', '%not an iface', '*', 'error'], ['', 'loose-enum', '1.2.3', '*', 'error'],
  ['rsasigkey', 'loose-enum', '%cert', '*', 'ok', undefined, ['%cert', '%dns']], ['rsasigkey', 'loose-enum', '0sAwEAAb', '*', 'ok', undefined, ['%cert']], ['rsasigkey', 'loose-enum', '%foo', '*', 'error', undefined, ['%cert']],
  // id
  ['id', 'id', '@vpn.example.com', '*', 'ok'], ['id', 'id', '@#0a0b', '*', 'ok'], ['id', 'id', '@#0a0', '*', 'error'], ['id', 'id', '%fromcert', '*', 'ok'], ['id', 'id', '%any', '*', 'ok'],
  ['id', 'id', '192.0.2.1', '*', 'ok'], ['id', 'id', '"CN=vpn, O=Example"', '*', 'ok'], ['id', 'id', 'vpn.example.com', '*', 'warning'], ['id', 'id', '%bogus', '*', 'error'], ['id', 'id', '@', '*', 'error'],
  // authby
  ['authby', 'list', 'secret', '*', 'ok'], ['authby', 'list', 'rsasig,ecdsa', '*', 'ok'], ['authby', 'list', 'rsa-sha2_256', '*', 'ok'], ['authby', 'list', 'secret,foo', '*', 'error', [7, 10]],
  ['authby', 'list', 'eddsa', '4', 'error'], ['authby', 'list', 'eddsa', '5', 'ok'], ['authby', 'list', 'psk', '*', 'error'], ['authby', 'list', 'ecdsa-sha1', '*', 'error'],
  // virtual-private
  ['virtual-private', 'list', '%v4:10.0.0.0/8,%v4:192.168.0.0/16,%v4:!192.168.1.0/24', '*', 'ok'], ['virtual-private', 'list', '10.0.0.0/8', '*', 'error'],
  ['virtual-private', 'list', '%v4:fd00::/8', '*', 'error'],
  // protoport
  ['protoport', 'string', 'tcp/22', '*', 'ok'], ['protoport', 'string', '17/%any', '*', 'ok'], ['protoport', 'string', 'gre', '*', 'ok'], ['protoport', 'string', 'foo/22', '*', 'error', [0, 3]],
  ['protoport', 'string', 'tcp/70000', '*', 'error', [4, 9]],
  // algorithms (delegated)
  ['ike', 'algorithms', 'aes256-sha2_256-dh19', '*', 'ok'], ['ike', 'algorithms', 'aes-sha2-modp1024', '*', 'error', [9, 17]], ['esp', 'algorithms', 'aes-sha1', '*', 'warning', [4, 8]],
  ['phase2alg', 'algorithms', 'aes_gcm-none', '*', 'ok'], ['ah', 'algorithms', 'none', '*', 'error'],
  // string / filename (an empty file name switches the file off, as in Libreswan's own tests: dnssec-rootkey-file="")
  ['also', 'string', 'anything at all', '*', 'ok'], ['updown', 'filename', '/usr/local/bin/updown', '*', 'ok'], ['updown', 'filename', '', '*', 'ok'],
];

function worst(issues: { severity?: string }[]): 'ok' | 'error' | 'warning' {
  if (issues.length === 0) return 'ok';
  return issues.some((i) => (i.severity ?? 'error') === 'error') ? 'error' : 'warning';
}

for (const [keyword, type, text, ver, expect, range, allowed] of ROWS) {
  for (const version of ver === '*' ? (['4', '5'] as const) : [ver]) {
    test(`${type} ${keyword || 'left'}=${text} (v${version}) -> ${expect}`, () => {
      const issues = validateValue({ keyword, type, text, version, allowed: allowed ?? null });
      assert.equal(worst(issues), expect, JSON.stringify(issues));
      for (const i of issues) {
        assert.ok(i.start >= 0 && i.end <= text.length && i.start <= i.end, `range in bounds: ${JSON.stringify(i)}`);
        assert.ok(i.message.length > 0);
      }
      if (range) assert.deepEqual([issues[0]!.start, issues[0]!.end], range);
    });
  }
}

test('messages name the keyword and what is accepted', () => {
  const [i] = validateValue({ keyword: 'pfs', type: 'bool', allowed: null, text: 'maybe', version: '4' });
  assert.equal(i!.message, '`pfs` takes yes or no, not `maybe`');
});
