/**
 * Cross-check of typed keyword values against Libreswan 4.10 `addconn --checkconfig`, limited
 * to keywords whose values addconn really judges (bools, enums, percent, subnets, ranges,
 * authby, protoport, vti, sourceip). Where we are deliberately stricter, addconn is not asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateValue, type ValueType } from '../../../server/src/languages/libreswan/values';
import { addconnCheck, findAddconn, missingTool, pool } from './oracle';

type Probe = [line: string, keyword: string, type: ValueType, text: string, allowed?: string[]];
const DPD = ['hold', 'clear', 'restart', 'restart_by_peer'];
const PROBES: Probe[] = [
  ...['yes', 'no', 'y', 'n', 'true', 'false', 'on', 'off', 'maybe', '1', '0', 'YES'].map((v): Probe => [`pfs=${v}`, 'pfs', 'bool', v]),
  ...['clear', 'hold', 'restart', 'Clear', 'reset', 'none'].map((v): Probe => [`dpdaction=${v}`, 'dpdaction', 'enum', v, DPD]),
  ...['50%', '100%', '50'].map((v): Probe => [`rekeyfuzz=${v}`, 'rekeyfuzz', 'percent', v]),
  ...['10.0.0.0/24', '10.0.0.0/33', 'foo', '%no', '2001:db8::/32', '10.0.0.0/24,10.1.0.0/24', '0.0.0.0/0'].map((v): Probe => [`leftsubnet=${v}`, 'subnet', 'subnet', v]),
  ...['10.0.0.1-10.0.0.9', '10.0.0.9-10.0.0.1', 'junk', '10.0.0.0/28'].map((v): Probe => [`leftaddresspool=${v}`, 'addresspool', 'range', v]),
  ...['secret', 'rsasig', 'secret,rsasig', 'foo', 'rsa-sha2_256', 'ecdsa', 'null', 'never'].map((v): Probe => [`authby=${v}`, 'authby', 'list', v]),
  ...['tcp/22', '17/%any', 'foo/22', 'udp/500', 'gre'].map((v): Probe => [`leftprotoport=${v}`, 'protoport', 'string', v]),
  ...['10.0.0.1/30', '10.0.0.1', 'junk/30'].map((v): Probe => [`leftvti=${v}`, 'vti', 'subnet', v]),
  ...['10.0.0.1', '10.0.0.1/24', 'fd00::1'].map((v): Probe => [`leftsourceip=${v}`, 'sourceip', 'ip', v]),
  ...['%direct', '192.0.2.254', 'foo'].map((v): Probe => [`leftnexthop=${v}`, 'nexthop', 'ip', v]),
];

test('addconn --checkconfig agreement on typed values', async (t) => {
  const addconn = findAddconn();
  if (!addconn) { t.skip(missingTool('addconn')); return; }
  const res = await pool(PROBES, 6, async ([line, keyword, type, text, allowed]) => {
    const real = await addconnCheck(addconn, line);
    const ours = validateValue({ keyword, type, text, allowed: allowed ?? null, version: '4' });
    const oursOk = !ours.some((i) => (i.severity ?? 'error') === 'error');
    return { line, real, oursOk };
  });
  const bad = res.filter((r) => r.real.ok !== r.oursOk);
  for (const b of bad) console.log(`  disagree: ${b.line} addconn=${b.real.ok ? 'accept' : 'reject'} ours=${b.oursOk ? 'accept' : 'reject'} :: ${b.real.out.slice(0, 160)}`);
  console.log(`addconn agreement: ${res.length - bad.length}/${res.length}`);
  assert.ok((res.length - bad.length) / res.length >= 0.9);
});
