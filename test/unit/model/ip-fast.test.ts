import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Address4 } from 'ip-address';
import { parseCidr } from '../../../server/src/model/ip';

/**
 * The IPv4 fast path of parseCidr (no ip-address) must give exactly what ip-address gives: compared here
 * against a reference built the old way, for edge octets, every prefix length and near-misses.
 */
function reference(t: string): object | null {
  if (!Address4.isValid(t)) return null;
  const a = new Address4(t.includes('/') ? t : `${t}/32`);
  const bare = new Address4(a.addressMinusSuffix ?? t.split('/')[0]);
  return { family: 4, addr: bare.bigInt(), prefix: a.subnetMask, network: a.startAddress().bigInt(), last: a.endAddress().bigInt(), address: bare.correctForm(), networkText: `${a.startAddress().correctForm()}/${a.subnetMask}` };
}

test('parseCidr IPv4 fast path agrees with ip-address', () => {
  const octets = ['0', '1', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '01', '001'];
  const inputs: string[] = [];
  for (const o of octets) inputs.push(`${o}.2.3.4`, `169.254.${o}.1`, `10.0.0.${o}`);
  for (let p = 0; p <= 34; p++) inputs.push(`169.254.10.6/${p}`, `255.255.255.255/${p}`, `0.0.0.0/${p}`);
  inputs.push('10.0.0.1/08', '10.0.0.1/', '10.0.0', '10.0.0.1.2', ' 10.0.0.1', '10.0.0.1 ', '1.2.3.4/32/1', '1.2.3.4a');
  for (const t of inputs) {
    const got = parseCidr(t);
    const want = reference(t.trim());
    assert.deepEqual(got ? { ...got } : null, want, t);
  }
});

test('parseCidr results are shared and frozen', () => {
  const a = parseCidr('192.0.2.1/24');
  assert.equal(a, parseCidr('192.0.2.1/24'));
  assert.ok(Object.isFrozen(a));
});

test('addressText IPv4 fast path agrees with ip-address', async () => {
  const { addressText } = await import('../../../server/src/model/ip');
  for (const v of [0n, 1n, 255n, 256n, 0xa9fe0a06n, 0xffffffffn, 0x7f000001n]) assert.equal(addressText(4, v), Address4.fromBigInt(v).correctForm());
});
