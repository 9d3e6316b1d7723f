import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../../../server/src/checks/run';
import { hostEnds, tunnelModel } from '../../../server/src/model/tunnels';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';

/**
 * A 1,000-host workspace (each host has two tunnels to its ring neighbours, secrets and FRR): the model
 * pairs every end, a keystroke in one file rebuilds only that host's ends, and the joins stay fast.
 */

const N = 1000;
const pub = (i: number): string => `10.${(i >> 8) & 255}.${i & 255}.1`;
const inside = (a: number, b: number, mine: boolean): string => {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const k = lo === 0 && hi === N - 1 ? N - 1 : lo; // link index of the ring edge
  const base = k * 4;
  const ip = `172.${16 + ((base >> 16) & 15)}.${(base >> 8) & 255}.${base & 255}`;
  const host = mine === (a < b) ? 1 : 2;
  return ip.replace(/\.(\d+)$/, (_, d) => `.${Number(d) + host}`);
};

function hostFiles(i: number): Record<string, string> {
  const peers = [(i + 1) % N, (i + N - 1) % N];
  const conns = peers.map((p, k) => `conn to-${p}\n    left=${pub(i)}\n    right=${pub(p)}\n    authby=secret\n    leftsubnet=0.0.0.0/0\n    rightsubnet=0.0.0.0/0\n    leftvti=${inside(i, p, true)}/30\n    mark=${k + 1}/0xffffffff\n    vti-interface=vti${k + 1}\n`).join('');
  const secrets = peers.map((p) => `${pub(i)} ${pub(p)} : PSK "Key${Math.min(i, p)}x${Math.max(i, p)}abcdefgh"\n`).join('');
  const frr = `router bgp ${65000 + (i % 500)}\n${peers.map((p) => ` neighbor ${inside(i, p, false)} remote-as ${65000 + (p % 500)}\n`).join('')}`;
  return { [`h${i}/ipsec.conf`]: conns, [`h${i}/ipsec.secrets`]: secrets, [`h${i}/frr/bgpd.conf`]: frr };
}

test('1,000 hosts: all ends paired, no cross findings, incremental rebuild of one host', () => {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  for (let i = 0; i < N; i++) for (const [p, t] of Object.entries(hostFiles(i))) store.set(uriOfPath(`/scale/${p}`), t, 1);
  let t0 = Date.now();
  const s1 = store.snapshot();
  const m1 = tunnelModel(s1);
  const first = Date.now() - t0;
  assert.equal(m1.ends.length, 2 * N);
  assert.equal(m1.peer.size, 2 * N);
  const cross = ['psk-missing', 'psk-mismatch', 'mark-duplicate', 'inside-peer-mismatch', 'subnet-overlap'];
  const found = [...runChecks(s1).values()].flat().filter((f) => cross.includes(f.code));
  assert.deepEqual(found.slice(0, 3).map((f) => f.message), []);

  // A keystroke in host 7's secrets file: only host 7's ends are rebuilt.
  const h7 = s1.hosts.hostOfUri.get(uriOfPath('/scale/h7/ipsec.conf'))!;
  const h8 = s1.hosts.hostOfUri.get(uriOfPath('/scale/h8/ipsec.conf'))!;
  const before7 = hostEnds(s1, h7);
  const before8 = hostEnds(s1, h8);
  store.set(uriOfPath('/scale/h7/ipsec.secrets'), hostFiles(7)['h7/ipsec.secrets'].replace('abcdefgh', 'CHANGED1'), 2);
  t0 = Date.now();
  const s2 = store.snapshot();
  const m2 = tunnelModel(s2);
  const second = Date.now() - t0;
  assert.notEqual(hostEnds(s2, h7), before7);
  assert.equal(hostEnds(s2, h8), before8);
  const mismatches = [...runChecks(s2).values()].flat().filter((f) => f.code === 'psk-mismatch');
  assert.equal(mismatches.length, 2); // h7 to-8 vs h8 to-7 (one key changed)
  assert.ok(m2.ends.length === 2 * N);
  assert.ok(second < 2000, `incremental model rebuild took ${second} ms (first build ${first} ms)`);
});
