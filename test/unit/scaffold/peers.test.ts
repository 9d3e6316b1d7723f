/**
 * Scaffolding a second pair on a host that already has one (issue #5): defaulted peer addresses move to
 * documentation addresses the host does not use, so no ID pair gets a second secrets entry; peer addresses
 * the user gave that the host already uses are refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultRequest, generate, type CpeKind, type ScaffoldFile } from '../../../server/src/features/scaffold';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';
import { repoRoot } from '../frr/shared-path';
import { checkFiles, describe } from './helpers';

const ROOT = '/ws';

/** The files of `files` merged into `into` as the CLI would write them (create, or append). */
function merge(into: Map<string, string>, files: readonly ScaffoldFile[]): void {
  for (const f of files) into.set(f.path, f.mode === 'append' ? (into.get(f.path) ?? '') + f.text : f.text);
}

/** A snapshot of the merged files. */
function snapshotOf(files: Map<string, string>) {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  for (const [p, t] of files) store.set(uriOfPath(p), t, 0);
  return store.snapshot();
}

/** The ID selectors of every PSK line / Yamaha gateway of the texts (never the keys). */
function pskIds(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/^([^#\s:][^:]*?)\s*:\s*PSK\b/gm)) out.push(m[1].trim().split(/\s+/).sort().join(' '));
    for (const m of t.matchAll(/^\s*ipsec ike remote address \d+ (\S+)$/gm)) out.push(`rtx ${m[1]}`);
  }
  return out;
}

for (const [cpe, target] of [['libreswan-frr', `${ROOT}/gw`], ['yamaha-rtx', `${ROOT}/branch.rtx`]] as Array<[CpeKind, string]>) {
  test(`scaffold ${cpe}: two pairs in a row to the same cloud on one host check clean, no ID pair written twice`, () => {
    const files = new Map<string, string>();
    const first = generate(defaultRequest(cpe, 'aws', target));
    merge(files, first.files);
    const second = generate(defaultRequest(cpe, 'aws', target), snapshotOf(files));
    merge(files, second.files);
    assert.ok(second.notes.some((n) => n.includes('default peer addresses are in use')), second.notes.join('\n'));
    const found = checkFiles([...files].map(([path, text]) => ({ path, text, mode: 'create' as const })));
    assert.deepEqual(found, [], describe(found));
    const ids = pskIds(files.values());
    assert.equal(ids.length, 4);
    assert.equal(new Set(ids).size, 4, `an ID pair is written twice: ${ids.join(', ')}`);
  });
}

test('scaffold: peer addresses the user gave that the host already uses are refused, naming where', () => {
  const files = new Map<string, string>();
  merge(files, generate({ ...defaultRequest('libreswan-frr', 'oci', `${ROOT}/gw`), peerOutside: ['192.0.2.7', '192.0.2.8'], peerOutsideDefaulted: false }).files);
  const again = { ...defaultRequest('libreswan-frr', 'oci', `${ROOT}/gw`), peerOutside: ['192.0.2.9', '192.0.2.8'] as [string, string], peerOutsideDefaulted: false };
  assert.throws(() => generate(again, snapshotOf(files)), /peer address 192\.0\.2\.8 \(conn oci-tunnel-2 in \/ws\/gw\/ipsec\.d\/oci\.conf\) already has a tunnel or secrets entry/);
  const fresh = { ...again, peerOutside: ['192.0.2.9', '192.0.2.10'] as [string, string] };
  assert.doesNotThrow(() => generate(fresh, snapshotOf(files)));
});

const cli = resolve(repoRoot(), 'out', 'server', 'src', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('vpnconf scaffold --force twice with default peers: new IDs, no duplicate secrets; explicit duplicate peers exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-cli-peers-'));
  try {
    const out = join(dir, 'gw');
    assert.equal(run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'aws', '--out', out).status, 0);
    const forced = run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'aws', '--out', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    const secrets = readdirSync(join(out, 'ipsec.d')).filter((n) => n.endsWith('.secrets')).map((n) => readFileSync(join(out, 'ipsec.d', n), 'utf8'));
    const ids = pskIds(secrets);
    assert.equal(ids.length, 4);
    assert.equal(new Set(ids).size, 4, ids.join(', '));
    const c = run('check', '--format', 'json', out);
    assert.equal(c.status, 0, c.stdout);
    assert.deepEqual((JSON.parse(c.stdout) as Array<{ severity: string; code: string }>).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    const dup = run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'aws', '--out', out, '--force', '--peer-address', '203.0.113.11,203.0.113.99');
    assert.equal(dup.status, 2);
    assert.match(dup.stdout + dup.stderr, /peer address 203\.0\.113\.11 .*already has a tunnel or secrets entry/);
    assert.equal(readdirSync(join(out, 'ipsec.d')).filter((n) => n.endsWith('.secrets')).length, 2, 'nothing written on refusal');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
