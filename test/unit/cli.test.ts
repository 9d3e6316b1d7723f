import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCheck, runCheckWhole, type CheckArgs } from '../../server/src/cli/check';

/** The CLI contract (DESIGN §4), exercised through the built `dist/cli.js` as CI pipelines call it. */
const CLI = resolve(__dirname, '../../../dist/cli.js');
const KEY_A = 'FirstTunnelKey_abcdefghij1234';
const KEY_B = 'OtherTunnelKey_zyxwvutsrq9876';

function run(...args: string[]): { code: number | null; out: string; err: string } {
  return runIn(undefined, ...args);
}

/** `run` with a working directory, for PATHs typed relative to it. */
function runIn(cwd: string | undefined, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Two hosts whose PSKs differ, and a typo'd keyword on line 3 of site-a's ipsec.conf. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-'));
  const site = (name: string, left: string, right: string, key: string, extra = ''): void => {
    mkdirSync(join(root, name), { recursive: true });
    writeFileSync(join(root, name, 'ipsec.conf'), `conn t\n    left=${left}\n${extra}    right=${right}\n    authby=secret\n    auto=start\n`);
    writeFileSync(join(root, name, 'ipsec.secrets'), `${left} ${right} : PSK "${key}"\n`, { mode: 0o600 });
  };
  site('site-a', '192.0.2.1', '198.51.100.1', KEY_A, '    rightsubnt=10.1.0.0/16\n');
  site('site-b', '198.51.100.1', '192.0.2.1', KEY_B);
  return root;
}

test('json: the contract fields, 1-based positions, relative files, exit 1 on errors, no PSK', () => {
  const root = workspace();
  const r = run('check', '--format', 'json', root);
  assert.equal(r.code, 1);
  assert.ok(!r.out.includes(KEY_A) && !r.out.includes(KEY_B), 'no PSK in the output');
  const list = JSON.parse(r.out) as Array<Record<string, unknown>>;
  for (const f of list) assert.deepEqual(Object.keys(f).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'severity']);
  const typo = list.find((f) => f.code === 'unknown-keyword')!;
  assert.deepEqual([typo.file, typo.line, typo.column, typo.endColumn], ['site-a/ipsec.conf', 3, 5, 15]);
  const mismatch = list.filter((f) => f.code === 'psk-mismatch');
  assert.equal(mismatch.length, 2, 'reported on both ends');
  assert.ok((mismatch[0].related as Array<{ file: string }>)[0].file.endsWith('ipsec.secrets'));
});

test('sarif 2.1.0 and text carry the same findings without PSKs', () => {
  const root = workspace();
  const s = run('check', '--format', 'sarif', root);
  const log = JSON.parse(s.out);
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'psk-mismatch'));
  const t = run('check', root);
  assert.match(t.out, /site-a\/ipsec\.conf:3:5: error unknown-keyword/);
  for (const out of [s.out, t.out]) assert.ok(!out.includes(KEY_A) && !out.includes(KEY_B));
});

test('several PATHs: files keep their PATH as a prefix', () => {
  const root = workspace();
  const r = run('check', '--format', 'json', join(root, 'site-a'), join(root, 'site-b'));
  const files = new Set((JSON.parse(r.out) as Array<{ file: string }>).map((f) => f.file));
  assert.ok([...files].every((f) => f.startsWith(join(root, 'site-a')) || f.startsWith(join(root, 'site-b'))), [...files].join(', '));
});

test('several PATHs keep the prefix as typed: ./site-a stays ./site-a, a file PATH is shown as typed', () => {
  const root = workspace();
  const files = (...paths: string[]): string[] => [...new Set((JSON.parse(runIn(root, 'check', '--format', 'json', ...paths).out) as Array<{ file: string }>).map((f) => f.file))].sort();
  // site-a/ipsec.conf has a typo; the PSKs of the two sites differ (psk-mismatch on both secrets files).
  assert.deepEqual(files('./site-a', 'site-b/'), ['./site-a/ipsec.conf', './site-a/ipsec.secrets', 'site-b/ipsec.secrets']);
  const mixed = files('./site-a/ipsec.conf', './site-b');
  assert.ok(mixed.includes('./site-a/ipsec.conf'), mixed.join(', '));
  assert.ok(mixed.every((f) => f === './site-a/ipsec.conf' || f.startsWith('./site-b/')), mixed.join(', '));
});

test('a file named on the command line is never skipped: its language comes from its content, else it is reported (exit 2)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-named-'));
  writeFileSync(join(root, 'tunnels.cfg'), 'conn t\n    left=192.0.2.1\n    right=198.51.100.1\n    rightsubnt=10.1.0.0/16\n');
  writeFileSync(join(root, 'notes.md'), '# Our VPN\n\nTwo tunnels to AWS.\n');
  const cfg = run('check', '--format', 'json', join(root, 'tunnels.cfg'));
  assert.equal(cfg.code, 1, cfg.out);
  assert.deepEqual((JSON.parse(cfg.out) as Array<{ file: string; code: string; line: number }>).map((f) => [f.file, f.code, f.line]), [['tunnels.cfg', 'unknown-keyword', 4]]);
  const md = run('check', '--format', 'json', join(root, 'notes.md'));
  assert.equal(md.code, 2, md.out + md.err);
  const found = JSON.parse(md.out) as Array<{ file: string; code: string; message: string }>;
  assert.deepEqual(found.map((f) => [f.file, f.code]), [['notes.md', 'unreadable-file']]);
  assert.match(found[0].message, /language/);
  writeFileSync(join(root, 'dump.cfg'), Buffer.from([0x41, 0, 0x42]));
  const bin = run('check', '--format', 'json', join(root, 'dump.cfg'));
  assert.equal(bin.code, 2);
  assert.deepEqual((JSON.parse(bin.out) as Array<{ code: string }>).map((f) => f.code), ['unreadable-file']);
  // In a folder, files of unknown kinds are still passed over without a word.
  assert.equal(run('check', root).code, 0);
});

/**
 * A folder the walk cannot list. chmod 000 does not stop root (the usual CI user), so a folder whose full
 * path is longer than PATH_MAX (4096 bytes on Linux) stands in for it: readdir fails with ENAMETOOLONG for
 * every user. Built one level at a time (relative mkdir), as no single path may be that long.
 */
function unlistableFolder(root: string): string {
  const cwd = process.cwd();
  const segment = 'd'.repeat(200);
  try {
    process.chdir(root);
    for (let i = 0; i < 22; i++) {
      mkdirSync(segment);
      process.chdir(segment);
    }
  } finally {
    process.chdir(cwd);
  }
  return segment;
}

test('a folder that cannot be listed is reported as unreadable-file on that folder (exit 2), not skipped', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-unlistable-'));
  writeFileSync(join(root, 'ipsec.conf'), 'conn t\n    left=%defaultroute\n    right=192.0.2.1\n    auto=add\n');
  const top = unlistableFolder(root);
  const r = run('check', '--format', 'json', root);
  assert.equal(r.code, 2, r.out + r.err);
  const found = JSON.parse(r.out) as Array<{ file: string; code: string; message: string }>;
  assert.equal(found.length, 1, r.out);
  assert.equal(found[0].code, 'unreadable-file');
  assert.ok(found[0].file.startsWith(`${top}/${top}/`), found[0].file.slice(0, 80));
  assert.match(found[0].message, /folder/);
});

test('a chmod 000 folder is reported as unreadable-file (only meaningful when not running as root)', { skip: process.getuid?.() === 0 ? 'root reads a chmod 000 folder' : false }, () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-000-'));
  writeFileSync(join(root, 'ipsec.conf'), 'conn t\n    left=%defaultroute\n    right=192.0.2.1\n    auto=add\n');
  mkdirSync(join(root, 'ipsec.d'));
  chmodSync(join(root, 'ipsec.d'), 0);
  const r = run('check', '--format', 'json', root);
  chmodSync(join(root, 'ipsec.d'), 0o755);
  assert.equal(r.code, 2);
  assert.deepEqual((JSON.parse(r.out) as Array<{ file: string; code: string }>).map((f) => [f.file, f.code]), [['ipsec.d', 'unreadable-file']]);
});

test('an unreadable secrets file is reported once: no psk-missing for the conns of its host (both CLI paths)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-badsecrets-'));
  writeFileSync(join(root, 'ipsec.conf'), 'conn a\n    left=192.0.2.1\n    right=198.51.100.1\n    authby=secret\n    auto=add\nconn b\n    left=192.0.2.1\n    right=198.51.100.2\n    authby=secret\n    auto=add\n');
  writeFileSync(join(root, 'ipsec.secrets'), Buffer.from([0x31, 0, 0x32, 0x0a]), { mode: 0o600 });
  const args = (): CheckArgs => ({ format: 'json', paths: [root], options: { libreswanVersion: '5' }, overrides: {} });
  for (const outcome of [runCheck(args()), runCheckWhole(args())]) {
    assert.equal(outcome.exitCode, 2);
    assert.deepEqual((JSON.parse(outcome.output) as Array<{ file: string; code: string }>).map((f) => [f.file, f.code]), [['ipsec.secrets', 'unreadable-file']]);
  }
});

test('exit 0 when clean; 2 for a missing path, bad usage, an unknown --severity code, and a binary ipsec.conf', () => {
  const clean = mkdtempSync(join(tmpdir(), 'vpnconf-cli-'));
  writeFileSync(join(clean, 'ipsec.conf'), 'conn t\n    left=%defaultroute\n    right=192.0.2.1\n    auto=add\n');
  assert.equal(run('check', clean).code, 0);
  assert.equal(run('check', join(clean, 'nope')).code, 2);
  assert.equal(run('check').code, 2);
  assert.equal(run('check', '--format', 'xml', clean).code, 2);
  assert.equal(run('check', '--severity', 'no-such-code:error', clean).code, 2);
  assert.equal(run('check', '--severity', 'unknown-keyword:off', clean).code, 0);
  const bin = mkdtempSync(join(tmpdir(), 'vpnconf-cli-'));
  writeFileSync(join(bin, 'ipsec.conf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
  const r = run('check', '--format', 'json', bin);
  assert.equal(r.code, 2);
  assert.equal(JSON.parse(r.out)[0].code, 'unreadable-file');
});

test('--severity demotes an error: exit follows the shown severities', () => {
  const root = workspace();
  const r = run('check', '--severity', 'unknown-keyword:warning', '--severity', 'psk-mismatch:off', join(root, 'site-a'));
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /warning unknown-keyword/);
});

test('a 130,000-entry secrets file is checked, not crashed on (no argument-spread of huge lists)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-big-'));
  const lines: string[] = [];
  for (let i = 0; i < 130000; i++) lines.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} %any : PSK "RoadWarriorKey${String(i).padStart(8, '0')}xx"`);
  writeFileSync(join(root, 'ipsec.secrets'), lines.join('\n') + '\n', { mode: 0o600 });
  const r = run('check', '--format', 'json', root);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), []);
  assert.ok(!r.out.includes('RoadWarriorKey'));
});

test('an ipsec.conf with CRLF line endings is an error on its first line (addconn 4.10 rejects it)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-crlf-'));
  writeFileSync(join(root, 'ipsec.conf'), 'config setup\r\n\r\nconn a\r\n    left=192.0.2.1\r\n    right=198.51.100.1\r\n    auto=ondemand\r\n');
  const r = run('check', '--format', 'json', root);
  assert.equal(r.code, 1);
  const found = (JSON.parse(r.out) as Array<{ code: string; line: number; severity: string; message: string }>).filter((f) => f.code === 'libreswan-line-ending');
  assert.deepEqual(found.map((f) => [f.line, f.severity]), [[1, 'error']]);
  assert.match(found[0].message, /CRLF.*6 line/);
});

test('a UTF-8 BOM is an error on line 1 of ipsec.conf, secrets and FRR files (addconn, pluto and vtysh reject it), both CLI paths', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-bom-'));
  const bom = '\uFEFF';
  mkdirSync(join(root, 'frr'));
  writeFileSync(join(root, 'ipsec.conf'), `${bom}conn a\n    left=192.0.2.1\n    right=198.51.100.1\n    authby=secret\n    auto=ondemand\n`);
  writeFileSync(join(root, 'ipsec.secrets'), `${bom}192.0.2.1 198.51.100.1 : PSK "${KEY_A}"\n`, { mode: 0o600 });
  writeFileSync(join(root, 'frr', 'bgpd.conf'), `${bom}router bgp 65000\n`);
  writeFileSync(join(root, 'clean.secrets'), `192.0.2.9 198.51.100.9 : PSK "${KEY_B}"\n`, { mode: 0o600 });
  const args = (): CheckArgs => ({ format: 'json', paths: [root], options: { libreswanVersion: '5' }, overrides: {} });
  for (const outcome of [runCheck(args()), runCheckWhole(args())]) {
    assert.equal(outcome.exitCode, 1);
    assert.ok(!outcome.output.includes(KEY_A) && !outcome.output.includes(KEY_B));
    const found = (JSON.parse(outcome.output) as Array<{ file: string; code: string; line: number; column: number; severity: string; message: string }>).filter((f) => f.code === 'utf8-bom');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.column, f.severity]), [['frr/bgpd.conf', 1, 1, 'error'], ['ipsec.conf', 1, 1, 'error'], ['ipsec.secrets', 1, 1, 'error']]);
    assert.match(found[1].message, /byte order mark/);
  }
});

test('sarif: artifact URIs are percent-encoded URI references (a folder name with a space)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-space-'));
  mkdirSync(join(root, 'my gw'));
  writeFileSync(join(root, 'my gw', 'ipsec.conf'), 'conn a\n    left=192.0.2.1\n    right=198.51.100.1\n    rightsubnt=10.1.0.0/16\n');
  const r = run('check', '--format', 'sarif', root);
  const uris = (JSON.parse(r.out).runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>).map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.length > 0);
  assert.ok(uris.every((u) => u === 'my%20gw/ipsec.conf'), uris.join(', '));
});

test('text output escapes control and bidi characters quoted from a file; messages are cut to a bounded length, both CLI paths', () => {
  const root = mkdtempSync(join(tmpdir(), 'vpnconf-cli-ctl-'));
  mkdirSync(join(root, 'frr'));
  // An ECMA-48 colour + window-title sequence and a right-to-left override inside a misspelt keyword.
  writeFileSync(join(root, 'ipsec.conf'), 'conn a\n    left=192.0.2.1\n    right=198.51.100.1\n    lef\x1b[31mtRED\x1b]0;pwned\x07\u202e=1\n    auto=ondemand\n');
  writeFileSync(join(root, 'frr', 'bgpd.conf'), `router bgp 65000\n neighbor ${'a'.repeat(100_000)}\n`);
  const args = (format: 'text' | 'json'): CheckArgs => ({ format, paths: [root], options: { libreswanVersion: '5' }, overrides: {} });
  for (const outcome of [runCheck(args('text')), runCheckWhole(args('text'))]) {
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f\u202e]/.test(outcome.output), 'no raw control or bidi character in text output');
    assert.match(outcome.output, /lef\\x1b\[31mtRED\\x1b\]0;pwned\\x07\\u\{202e\}/);
    for (const line of outcome.output.split('\n')) assert.ok(line.length < 2300, `line of ${line.length} characters`);
    assert.match(outcome.output, /message cut: 100,0\d\d characters/);
  }
  // JSON keeps the exact text (JSON escapes control characters itself), still bounded in length.
  for (const outcome of [runCheck(args('json')), runCheckWhole(args('json'))]) {
    const list = JSON.parse(outcome.output) as Array<{ message: string }>;
    assert.ok(list.some((f) => f.message.includes('\x1b[31m')));
    assert.ok(list.every((f) => f.message.length < 2100));
  }
});

test('overlapping PATHs count each file once; `--` ends the options', () => {
  const root = workspace();
  const once = run('check', root);
  const total = /in (\d+) file\(s\) checked/.exec(once.out)![1];
  const twice = run('check', root, join(root, 'site-a'), `${root}/./`);
  assert.equal(/in (\d+) file\(s\) checked/.exec(twice.out)![1], total, twice.out);
  const dashed = mkdtempSync(join(tmpdir(), 'vpnconf-cli-dash-'));
  writeFileSync(join(dashed, '-odd.conf'), 'conn a\n    left=192.0.2.1\n    right=198.51.100.1\n    auto=ondemand\n');
  const r = runIn(dashed, 'check', '--', '-odd.conf');
  assert.notEqual(r.code, 2, r.err);
  assert.match(r.out, /in 1 file\(s\) checked/);
  assert.match(runIn(dashed, 'check', '-odd.conf').err, /unknown option -odd\.conf/);
});
