/** The scaffold generator: the four CPE × cloud combinations check clean and pass the real parsers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_PSK, OCI_PSK } from '../../../server/src/model/clouds';
import { defaultRequest, generate, type CpeKind, type ScaffoldFile } from '../../../server/src/features/scaffold';
import { generatePsk } from '../../../server/src/features/scaffold/psk';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';
import { checkFiles, describe, oracle, runOracle, writeAll } from './helpers';

const ROOT = '/ws';
const addconn = oracle('check-libreswan.sh', '/usr/libexec/ipsec/addconn');
const vtysh = oracle('check-frr-vtysh.sh', '/usr/bin/vtysh');
const skipOracles = !addconn || !vtysh ? (process.env.CI ? false : 'addconn / vtysh or ../shared/oracles not available') : false;

for (const cpe of ['libreswan-frr', 'yamaha-rtx'] as CpeKind[]) {
  for (const cloud of ['aws', 'oci'] as const) {
    test(`scaffold ${cpe} × ${cloud}: no error or warning from vpnconf's checks`, () => {
      const req = { ...defaultRequest(cpe, cloud, `${ROOT}/${cpe}-${cloud}`), peersFile: `${ROOT}/${cpe}-${cloud}/vpnconf.json` };
      const { files, notes } = generate(req);
      assert.ok(files.length >= 2);
      assert.ok(notes.some((n) => n.includes('Tunnel 2')));
      const found = checkFiles(files);
      assert.deepEqual(found, [], describe(found));
      const psks = files.flatMap((f) => [...f.text.matchAll(/PSK "([^"]+)"|pre-shared-key \d+ text (\S+)/g)].map((m) => m[1] ?? m[2]));
      assert.equal(psks.length, 2);
      assert.notEqual(psks[0], psks[1]);
      for (const k of psks) assert.match(k, cloud === 'aws' ? AWS_PSK : OCI_PSK);
      for (const n of notes) for (const k of psks) assert.ok(!n.includes(k), 'a note shows a PSK');
    });

    if (cpe === 'libreswan-frr') {
      test(`scaffold ${cpe} × ${cloud}: addconn --checkconfig and vtysh -C accept the files`, { skip: skipOracles }, () => {
        const dir = mkdtempSync(join(tmpdir(), 'vpnconf-scaffold-'));
        try {
          const { files } = generate(defaultRequest(cpe, cloud, dir));
          writeAll(files);
          for (const f of files) {
            const script = /\.conf$/.test(f.path) && f.path.includes('/frr/') ? vtysh : /\.conf$/.test(f.path) ? addconn : null;
            if (!script) continue;
            const r = runOracle(script, f.path);
            assert.ok(r.ok, `${f.path} rejected:\n${r.out}`);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
}

test('scaffold avoids the inside /30s, marks, VTIs and names of an existing host and appends to its FRR files', () => {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const first = generate(defaultRequest('libreswan-frr', 'aws', `${ROOT}/gw`));
  for (const f of first.files) store.set(uriOfPath(f.path), f.text, 0);
  const second = generate(defaultRequest('libreswan-frr', 'aws', `${ROOT}/gw`), store.snapshot());
  const conf = second.files.find((f) => f.path.endsWith('.conf') && f.path.includes('/ipsec.d/'))!;
  assert.equal(conf.path, `${ROOT}/gw/ipsec.d/aws-2.conf`);
  assert.match(conf.text, /mark=3\/0xffffffff/);
  assert.match(conf.text, /vti-interface=vti3/);
  assert.match(conf.text, /conn aws-tunnel-1-2/);
  assert.doesNotMatch(conf.text, /169\.254\.20\.[0-7]\//);
  const bgpd = second.files.find((f) => f.path.endsWith('/frr/bgpd.conf'))!;
  assert.equal(bgpd.mode, 'append');
  assert.match(bgpd.text, /route-map AWS-IN-2 permit 10/);
  assert.ok(!second.files.some((f) => f.path.endsWith('/ipsec.conf')), 'ipsec.conf already includes ipsec.d');
  const found = checkFiles(second.files, first.files);
  assert.deepEqual(found, [], describe(found));
});

test('scaffold a Yamaha pair into an existing RTX file: free tunnel, policy and neighbor numbers', () => {
  const path = `${ROOT}/branch.rtx`;
  const existing = generate(defaultRequest('yamaha-rtx', 'aws', path)).files[0];
  assert.equal(existing.path, path);
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  store.set(uriOfPath(path), existing.text, 0);
  const req = { ...defaultRequest('yamaha-rtx', 'oci', path), localAsn: 65010 };
  const { files, notes } = generate(req, store.snapshot());
  assert.equal(files.length, 1);
  assert.equal(files[0].mode, 'append');
  assert.match(files[0].text, /^tunnel select 3$/m);
  assert.match(files[0].text, /ipsec sa policy 204 4 esp/);
  assert.match(files[0].text, /^bgp neighbor 3 31898 /m);
  assert.doesNotMatch(files[0].text, /^bgp autonomous-system/m);
  assert.ok(notes.some((n) => n.includes('AS 65000')));
  const found = checkFiles([{ ...files[0], text: existing.text + files[0].text, mode: 'create' }]);
  assert.deepEqual(found, [], describe(found));
});

test('scaffold a Libreswan peer in the workspace writes both sides, and they pair up clean', () => {
  const req = { ...defaultRequest('libreswan-frr', 'libreswan', `${ROOT}/site-a`), peerTarget: `${ROOT}/site-b` };
  const { files } = generate(req);
  assert.ok(files.some((f) => f.path === `${ROOT}/site-b/ipsec.d/site-a.conf`));
  assert.ok(files.some((f) => f.path === `${ROOT}/site-a/ipsec.d/site-b.conf`));
  const found = checkFiles(files);
  assert.deepEqual(found, [], describe(found));
});

test('invalid requests are refused with every problem named', () => {
  const bad = { ...defaultRequest('yamaha-rtx', 'aws', '/x'), localAsn: 4200000000, peerOutside: ['1.2.3', '203.0.113.1'] as [string, string] };
  assert.throws(() => generate(bad), /peer outside.*our ASN must be/s);
});

test('generated PSKs: letters and digits only, 32 long, never starting with 0, from the random source', () => {
  let calls = 0;
  const zeros = (n: number) => {
    calls++;
    return new Uint8Array(n).fill(calls === 1 ? 52 : 1);
  };
  const k = generatePsk(zeros);
  assert.equal(k.length, 32);
  assert.ok(!k.startsWith('0'));
  for (let i = 0; i < 50; i++) {
    const p = generatePsk();
    assert.match(p, /^[A-Za-z1-9][A-Za-z0-9]{31}$/);
  }
});
