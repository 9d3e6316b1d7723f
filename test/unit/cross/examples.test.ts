import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChecks } from '../../../server/src/checks/run';
import { tunnelModel } from '../../../server/src/model/tunnels';
import { readDiskFile, walk } from '../../../server/src/workspace/disk';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';

/** The multi-host example workspace (examples/): the tunnel model pairs, groups and stays clean. */

const CROSS = ['psk-missing', 'psk-mismatch', 'mark-duplicate', 'inside-peer-mismatch', 'subnet-overlap', 'cloud-inside-cidr', 'cloud-psk-format', 'cloud-weak-proposal'];
const root = resolve(__dirname, '../../../../examples');

function load(edit?: (path: string, text: string) => string): WorkspaceStore {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const listing = walk(root);
  for (const j of listing.vpnconfJson) store.setVpnconfJson(j, readFileSync(j, 'utf8'));
  for (const f of listing.files) {
    const d = readDiskFile(f);
    store.set(uriOfPath(d.path), edit ? edit(d.path, d.text) : d.text, 0);
  }
  return store;
}

test('examples: ends are paired across hosts, the OCI pair is one redundant group, BGP attached', () => {
  const snapshot = load().snapshot();
  const model = tunnelModel(snapshot);
  const byName = new Map(model.ends.map((e) => [e.name, e]));
  const toAws = byName.get('to-aws')!;
  const toOci = byName.get('to-oci')!;
  assert.equal(model.peer.get(toAws), toOci);
  assert.equal(model.peer.get(toOci), toAws);
  const t1 = byName.get('oci-tunnel-1')!;
  assert.deepEqual(model.redundantGroup.get(t1)?.map((e) => e.name), ['oci-tunnel-1', 'oci-tunnel-2']);
  assert.equal(t1.bgp.neighbor?.address.text, '10.255.254.2');
  assert.equal(model.cloud.get(t1), 'oci');
});

test('examples: no cross-file finding on the clean examples', () => {
  const found = [...runChecks(load().snapshot()).values()].flat().filter((f) => CROSS.includes(f.code));
  assert.deepEqual(found.map((f) => `${f.code}: ${f.message}`), []);
});

test('examples: a changed PSK on one host is reported on both hosts', () => {
  const store = load((p, t) => (p.endsWith('vcn-oci/ipsec.d/to-aws.secrets') ? t.replace('AwsOci', 'Changed') : t));
  const found = [...runChecks(store.snapshot()).values()].flat().filter((f) => f.code === 'psk-mismatch');
  assert.equal(found.length, 2);
  assert.ok(found.every((f) => f.related?.length && !f.message.includes('PairExampleKey')));
});
