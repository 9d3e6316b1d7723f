/** The cloud download importer on the three synthetic samples of ../shared/reference/clouds/samples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, parseCloudConfig, requestFromImport } from '../../../server/src/features/scaffold';
import { sharedDir } from '../frr/shared-path';
import { checkFiles, describe } from './helpers';

const shared = sharedDir();
const samples = shared ? join(shared, 'reference', 'clouds', 'samples') : '';
const skip = !shared || !existsSync(samples) ? (process.env.CI ? false : 'cloud samples not found') : false;
const read = (name: string) => readFileSync(join(samples, name), 'utf8');

test('import AWS Generic: both tunnels, keys, inside addresses, ASNs', { skip }, () => {
  const imp = parseCloudConfig(read('aws-generic.txt'));
  assert.ok(imp);
  assert.equal(imp.cloud, 'aws');
  assert.equal(imp.format, 'aws-generic');
  const [a, b] = imp.tunnels;
  assert.equal(a.peerOutside, '203.0.113.11');
  assert.equal(b.peerOutside, '203.0.113.12');
  assert.equal(a.localOutside, '198.51.100.10');
  assert.equal(a.insideLocal, '169.254.44.2/30');
  assert.equal(a.insidePeer, '169.254.44.1');
  assert.equal(b.insideLocal, '169.254.45.130/30');
  assert.equal(a.localAsn, 65000);
  assert.equal(a.peerAsn, 64512);
  assert.equal(a.psk?.length, 32);
  assert.ok(b.psk?.includes('.'));
  assert.notEqual(a.psk, b.psk);
});

test('import AWS Yamaha: tunnels from tunnel select blocks, ASN from bgp neighbor', { skip }, () => {
  const imp = parseCloudConfig(read('aws-yamaha.txt'));
  assert.ok(imp);
  assert.equal(imp.format, 'aws-yamaha');
  const [a, b] = imp.tunnels;
  assert.equal(a.peerOutside, '203.0.113.11');
  assert.equal(b.peerOutside, '203.0.113.12');
  assert.equal(a.localOutside, '192.168.0.1');
  assert.equal(b.insideLocal, '169.254.45.130/30');
  assert.equal(b.insidePeer, '169.254.45.129');
  assert.equal(a.peerAsn, 64512);
  assert.equal(b.localAsn, 65000);
  assert.equal(a.psk, parseCloudConfig(read('aws-generic.txt'))?.tunnels[0].psk);
});

test('import OCI Libreswan: conns, secrets matched by headend, NAT identity and header details', { skip }, () => {
  const imp = parseCloudConfig(read('oci-libreswan.txt'));
  assert.ok(imp);
  assert.equal(imp.cloud, 'oci');
  const [a, b] = imp.tunnels;
  assert.equal(a.peerOutside, '203.0.113.21');
  assert.equal(b.peerOutside, '203.0.113.22');
  assert.equal(a.localOutside, '192.0.2.10');
  assert.equal(a.localId, '198.51.100.20');
  assert.equal(a.insideLocal, '10.255.254.1/30');
  assert.equal(b.insidePeer, '10.255.254.6');
  assert.equal(a.peerAsn, 31898);
  assert.equal(a.localAsn, 65000);
  assert.equal(a.psk?.length, 64);
  assert.equal(a.ikeVersion, 1);
  assert.deepEqual(imp.remoteNets, ['10.0.0.0/16']);
});

for (const sample of ['aws-generic.txt', 'aws-yamaha.txt', 'oci-libreswan.txt']) {
  for (const cpe of ['libreswan-frr', 'yamaha-rtx'] as const) {
    test(`import ${sample} → scaffold ${cpe}: checks clean and keeps the imported keys`, { skip }, () => {
      const imp = parseCloudConfig(read(sample))!;
      const target = cpe === 'yamaha-rtx' ? '/ws/rtx.rtx' : '/ws/gw';
      const { files } = generate({ ...requestFromImport(imp, cpe, target), peersFile: '/ws/vpnconf.json' });
      const all = files.map((f) => f.text).join('\n');
      for (const t of imp.tunnels) assert.ok(all.includes(t.psk!), 'imported PSK kept');
      const found = checkFiles(files);
      assert.deepEqual(found, [], describe(found));
    });
  }
}

test('text that is no cloud download is refused', () => {
  assert.equal(parseCloudConfig('conn x\n    left=1.2.3.4\n'), null);
  assert.equal(parseCloudConfig(''), null);
});
