/**
 * Secrets hygiene: every kind of secret (Libreswan secrets entries, Yamaha pre-shared keys and passwords,
 * FRR passwords and keys) is collected for redaction, never appears in a finding message, and never in the
 * CLI's text/JSON/SARIF output; a group- or world-readable secrets file on disk is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSecrets, redact } from '../../../server/src/cli/secrets';
import { runCheck } from '../../../server/src/cli/check';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';

const RTX = [
  '# RTX1210 Rev.14.01.42 (Fri Jan 1 00:00:00 2021)',
  'tunnel select 1',
  ' ipsec tunnel 101',
  '  ipsec sa policy 101 1 esp aes-cbc sha-hmac',
  '  ipsec ike pre-shared-key 1 text RtxTextKey_0123456789',
  '  ipsec ike pre-shared-key 2 RtxBadHexKey_zz',
  '  ipsec ike xauth myname 1 user RtxXauthPass_42',
  ' tunnel enable 1',
  'bgp neighbor pre-shared-key 1 text RtxBgpKey_777',
].join('\n');
const FRR = [
  'router bgp 65000',
  ' neighbor 169.254.10.1 password FrrNeighborPw_1',
  ' neighbor 169.254.10.1 remote-as 31898',
  ' neighbor 169.254.10.5 pass FrrAbbrevPw_22',
  ' neighbor 169.254.10.5 remote-as 31898',
  'exit',
  'password 8 FrrVtyPw_333',
  'key chain kc',
  ' key 1',
  '  key-string FrrKeyString_4444',
].join('\n');
const SECRETS = ['@west @east : PSK "LsPskQuoted_55555"', '@a @b : PSK LsPskUnquoted_6', '@u : XAUTH "LsXauth_777777"', '::1 : PSK "LsIpv6Psk_8888"'].join('\n');
const ALL = ['RtxTextKey_0123456789', 'RtxBadHexKey_zz', 'RtxXauthPass_42', 'RtxBgpKey_777', 'FrrNeighborPw_1', 'FrrAbbrevPw_22', 'FrrVtyPw_333', 'FrrKeyString_4444', 'LsPskQuoted_55555', 'LsPskUnquoted_6', 'LsXauth_777777', 'LsIpv6Psk_8888'];

test('collectSecrets finds Libreswan, Yamaha and FRR secrets, and nothing that is not one', () => {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  store.set(uriOfPath('/ws/r/branch.rtx'), RTX, 1);
  store.set(uriOfPath('/ws/gw/frr/bgpd.conf'), FRR, 1);
  store.set(uriOfPath('/ws/gw/ipsec.secrets'), SECRETS, 1);
  const secrets = collectSecrets(store.snapshot());
  for (const s of ALL) assert.ok(secrets.some((x) => x.includes(s)), `${s} collected (got ${secrets.join(', ')})`);
  for (const s of secrets) assert.ok(!/^(169\.254|text|user|65000|31898)/.test(s), `no ordinary word collected: ${s}`);
  assert.equal(redact('a RtxBgpKey_777 b', secrets), 'a **** b');
});

test('CLI: no secret in text, JSON or SARIF, nor in any finding message; readable secrets file reported', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-secrets-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'gw', 'frr'), { recursive: true });
  writeFileSync(join(dir, 'gw', 'ipsec.conf'), 'conn t1\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\tleftid=@west\n\trightid=@east\n\tauthby=secret\n\tauto=start\n');
  writeFileSync(join(dir, 'gw', 'ipsec.secrets'), SECRETS + '\n');
  chmodSync(join(dir, 'gw', 'ipsec.secrets'), 0o644);
  writeFileSync(join(dir, 'gw', 'frr', 'bgpd.conf'), FRR + '\n');
  writeFileSync(join(dir, 'branch.rtx'), RTX + '\n');
  let sawPermissions = false;
  for (const format of ['text', 'json', 'sarif'] as const) {
    const r = runCheck({ format, paths: [dir], options: { libreswanVersion: '5' }, overrides: {} });
    for (const s of ALL) assert.ok(!r.output.includes(s), `${format} output holds ${s}`);
    for (const f of r.findings) {
      for (const s of ALL) assert.ok(!f.message.includes(s) && !(f.related ?? []).some((x) => x.message.includes(s)), `${f.code} message holds ${s}: ${f.message}`);
    }
    if (process.platform !== 'win32') sawPermissions ||= r.findings.some((f) => f.code === 'secrets-permissions' && f.uri.endsWith('/gw/ipsec.secrets'));
  }
  if (process.platform !== 'win32') assert.ok(sawPermissions, 'secrets-permissions reported for a 0644 secrets file');
  chmodSync(join(dir, 'gw', 'ipsec.secrets'), 0o600);
  const r = runCheck({ format: 'json', paths: [dir], options: { libreswanVersion: '5' }, overrides: {} });
  assert.ok(!r.findings.some((f) => f.code === 'secrets-permissions'), 'no finding once the file is 0600');
});

test('no network, no telemetry: the product imports no network module and ships no telemetry package', () => {
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  const root = join(__dirname, '..', '..', '..', '..');
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.ts')) files.push(join(d, e.name));
    }
  };
  walk(join(root, 'server', 'src'));
  walk(join(root, 'client', 'src'));
  const NET = /from ['"](node:)?(net|http|https|http2|dgram|dns|tls)['"]|require\(['"](node:)?(net|http|https|http2|dgram|dns|tls)['"]\)|\bfetch\(|XMLHttpRequest|WebSocket/;
  for (const f of files) assert.ok(!NET.test(readFileSync(f, 'utf8')), `${f} uses the network`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; capabilities: { untrustedWorkspaces: { supported: unknown } } };
  for (const dep of Object.keys(pkg.dependencies)) assert.ok(!/telemetry|applicationinsights|analytics|sentry/i.test(dep), `telemetry dependency ${dep}`);
  // Nothing is executed and nothing is read outside the workspace: full support in Restricted Mode.
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
});

test('no network: the CLI checks the examples with every network API blocked', () => {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const root = join(__dirname, '..', '..', '..', '..');
  const r = spawnSync(process.execPath, ['--require', join(root, 'out', 'test', 'support', 'no-network.js'), join(root, 'dist', 'cli.js'), 'check', '--format', 'json', join(root, 'examples')], { encoding: 'utf8' });
  assert.ok(!r.stderr.includes('VPNCONF-NETWORK-ATTEMPT'), r.stderr);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
});
