/**
 * `vpnconf scaffold --cpe yamaha-rtx --out FOLDER --force` on a folder that already holds a Yamaha router
 * file: a router is one file, so the new pair is appended to it (free tunnel numbers, free inside /30s,
 * free documentation peers) and the first pair's text stays byte-identical; the command used to rewrite
 * `FOLDER/aws.rtx` from scratch, losing the first tunnels and their PSKs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../frr/shared-path';

const cli = resolve(repoRoot(), 'out', 'server', 'src', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

/** Errors and warnings of `vpnconf check --format json DIR` (notes left out). */
function problems(dir: string): string[] {
  const c = run('check', '--format', 'json', dir);
  return (JSON.parse(c.stdout) as Array<{ severity: string; code: string }>).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.severity} ${f.code}`);
}

const numbers = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]);

test('yamaha scaffold --force twice into one folder appends tunnels 3/4 to the same router, first pair untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-rtx-append-'));
  try {
    assert.equal(run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir).status, 0);
    const first = readFileSync(join(dir, 'aws.rtx'), 'utf8');
    const again = run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir, '--force');
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.rtx')), ['aws.rtx']);
    const both = readFileSync(join(dir, 'aws.rtx'), 'utf8');
    assert.equal(both.slice(0, first.length), first, 'the first pair is kept byte for byte');
    assert.deepEqual(numbers(both, /^tunnel select (\d+)$/gm), ['1', '2', '3', '4']);
    const peers = numbers(both, /^\s*ipsec ike remote address \d+ (\S+)$/gm);
    assert.equal(new Set(peers).size, 4, peers.join(', '));
    const inside = numbers(both, /^\s*ip tunnel remote address (\S+)$/gm);
    assert.equal(new Set(inside).size, 4, inside.join(', '));
    assert.deepEqual(problems(dir), []);
    const dup = run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir, '--force', '--peer-address', `${peers[0]},203.0.113.99`);
    assert.equal(dup.status, 2);
    assert.match(dup.stdout + dup.stderr, /already has a tunnel or secrets entry/);
    assert.equal(readFileSync(join(dir, 'aws.rtx'), 'utf8'), both, 'nothing written on refusal');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('yamaha scaffold into a folder holding a router file adds to that file with its free tunnel numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-rtx-existing-'));
  try {
    cpSync(join(repoRoot(), 'examples', 'rtx-aws'), dir, { recursive: true });
    const router = join(dir, 'branch-rtx1210.rtx');
    const before = readFileSync(router, 'utf8');
    const r = run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir, '--force');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.rtx')), ['branch-rtx1210.rtx']);
    const after = readFileSync(router, 'utf8');
    assert.equal(after.slice(0, before.length), before);
    const tunnels = numbers(after, /^tunnel select (\d+)$/gm);
    assert.equal(new Set(tunnels).size, tunnels.length, tunnels.join(', '));
    assert.deepEqual(problems(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('yamaha scaffold --force on an existing router: new tunnels keep its outside address; vpnconf.json keeps earlier peers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-rtx-local-'));
  try {
    assert.equal(run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir, '--local-address', '203.0.113.40').status, 0);
    const again = run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'oci', '--out', dir, '--force');
    assert.equal(again.status, 0, again.stderr);
    const third = run('scaffold', '--cpe', 'yamaha-rtx', '--cloud', 'aws', '--out', dir, '--force');
    assert.equal(third.status, 0, third.stderr);
    const text = readFileSync(join(dir, 'aws.rtx'), 'utf8');
    assert.deepEqual([...new Set(numbers(text, /^\s*ipsec ike local address \d+ (\S+)$/gm))], ['203.0.113.40'], 'one outside address for the router');
    const peers = (JSON.parse(readFileSync(join(dir, 'vpnconf.json'), 'utf8')) as { peers: Record<string, string> }).peers;
    const remotes = numbers(text, /^\s*ipsec ike remote address \d+ (\S+)$/gm);
    assert.equal(remotes.length, 6);
    assert.deepEqual(Object.keys(peers).sort(), [...remotes].sort(), 'every tunnel peer stays in vpnconf.json');
    assert.deepEqual(problems(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
