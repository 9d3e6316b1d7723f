/** `vpnconf scaffold` end to end through the CLI entry: files written, PSKs never printed, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../frr/shared-path';

const cli = resolve(repoRoot(), 'out', 'server', 'src', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('vpnconf scaffold writes a pair that vpnconf check passes; PSKs only in the secrets file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-cli-scaffold-'));
  try {
    const out = join(dir, 'gw');
    const r = run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'oci', '--out', out, '--local-nets', '172.16.0.0/16,172.17.0.0/16');
    assert.equal(r.status, 0, r.stderr);
    const secrets = readFileSync(join(out, 'ipsec.d', 'oci.secrets'), 'utf8');
    const keys = [...secrets.matchAll(/PSK "([^"]+)"/g)].map((m) => m[1]);
    assert.equal(keys.length, 2);
    for (const k of keys) assert.ok(!r.stdout.includes(k) && !r.stderr.includes(k), 'a PSK was printed');
    assert.match(r.stdout, /PSKs written to .*oci\.secrets/);
    assert.equal(statSync(join(out, 'ipsec.d', 'oci.secrets')).mode & 0o077, 0);
    assert.match(readFileSync(join(out, 'frr', 'bgpd.conf'), 'utf8'), /network 172\.17\.0\.0\/16/);
    const c = run('check', '--format', 'json', out);
    assert.equal(c.status, 0, c.stdout);
    const findings = JSON.parse(c.stdout) as Array<{ severity: string }>;
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    const again = run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'oci', '--out', out);
    assert.equal(again.status, 2, 'refuses to touch existing files without --force');
    const forced = run('scaffold', '--cpe', 'libreswan-frr', '--cloud', 'oci', '--out', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(existsSync(join(out, 'ipsec.d', 'oci-2.conf')));
    const c2 = run('check', out);
    assert.equal(c2.status, 0, c2.stdout);
    assert.match(c2.stdout, /0 error\(s\), 0 warning\(s\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('vpnconf scaffold: bad usage exits 2', () => {
  assert.equal(run('scaffold').status, 2);
  assert.equal(run('scaffold', '--cpe', 'cisco', '--cloud', 'aws', '--out', 'x').status, 2);
  assert.equal(run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', '/tmp/x', '--local-asn', '4200000000').status, 2);
  assert.equal(run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'gcp', '--out', '/tmp/x').status, 2);
  assert.equal(run('scaffold', '--help').status, 0);
});
