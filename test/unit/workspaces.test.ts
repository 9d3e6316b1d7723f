import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { repoRoot, sharedDir } from '../differential/shared';

/**
 * Realistic multi-host workspaces (test/workspaces/, see its README.md), judged the way issue #5 is judged:
 * through the CLI, `node dist/cli.js check --format json <workspace>`.
 * - A clean workspace gives no cross-check finding and no error at all (its expected list is usually empty).
 * - Each seeded variant (the clean workspace plus a few declared patches) reports every expected
 *   (file, line, code), and no cross-check finding that is not expected.
 * When the real tools are installed, every Libreswan and FRR file of the clean workspaces must also pass
 * Libreswan 4.10 `addconn --checkconfig` and FRR 8.4.4 `vtysh -C`.
 */
const ROOT = repoRoot();
const CLI = join(ROOT, 'dist', 'cli.js');
const WORKSPACES = join(ROOT, 'test', 'workspaces');

/** The cross-check codes of DESIGN §2 plus the cloud checks: never on a clean workspace, never unexpected. */
const CROSS = new Set(['psk-missing', 'psk-mismatch', 'mark-duplicate', 'inside-peer-mismatch', 'subnet-overlap', 'cloud-inside-cidr', 'cloud-psk-format', 'cloud-weak-proposal']);

interface Expected { file: string; line: number; code: string }
interface Patch { file: string; find?: string; replace?: string; delete?: boolean }
interface Variant { name: string; about: string; patches: Patch[]; expected: Expected[] }
interface Spec { about: string; expected: Expected[]; variants: Variant[] }
interface Finding { file: string; line: number; code: string; severity: string; message: string }

const names = readdirSync(WORKSPACES).filter((n) => existsSync(join(WORKSPACES, n, 'expected.json'))).sort();

/** Copies a workspace (without expected.json) to a temporary folder; secrets files get 0600 as on a real host. */
function copyWorkspace(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vpnconf-ws-${name}-`));
  cpSync(join(WORKSPACES, name), dir, { recursive: true, filter: (src) => !src.endsWith(`${sep}expected.json`) });
  for (const f of walk(dir)) if (f.endsWith('.secrets')) chmodSync(f, 0o600);
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Applies the declared patches. Files are patched as bytes (latin1), so Shift_JIS and CRLF files keep their encoding. */
function applyPatches(dir: string, patches: Patch[]): void {
  for (const p of patches) {
    const path = join(dir, p.file);
    if (p.delete) {
      rmSync(path);
      continue;
    }
    const text = readFileSync(path, 'latin1');
    const at = text.indexOf(p.find!);
    assert.ok(at >= 0 && text.indexOf(p.find!, at + 1) < 0, `patch for ${p.file}: ${JSON.stringify(p.find)} must occur exactly once`);
    writeFileSync(path, text.slice(0, at) + p.replace! + text.slice(at + p.find!.length), 'latin1');
  }
}

function check(dir: string): Finding[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `vpnconf check exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Finding[];
}

const key = (f: { file: string; line: number; code: string }): string => `${f.file}:${f.line} ${f.code}`;
const show = (list: Finding[]): string => list.map((f) => `  ${key(f)} [${f.severity}] ${f.message}`).join('\n');

function missing(found: Finding[], expected: Expected[]): string[] {
  const have = new Set(found.map(key));
  return expected.map(key).filter((k) => !have.has(k));
}

function spec(name: string): Spec {
  return JSON.parse(readFileSync(join(WORKSPACES, name, 'expected.json'), 'utf8')) as Spec;
}

test('the suite holds the workspaces it documents', () => {
  assert.ok(names.length >= 8, `only ${names.length} workspaces`);
  const codes = new Set(names.flatMap((n) => spec(n).variants.flatMap((v) => v.expected.map((e) => e.code))));
  for (const c of CROSS) assert.ok(codes.has(c), `no seeded variant expects ${c}`);
});

for (const name of names) {
  test(`workspace ${name}: clean — no cross-check finding, no error`, () => {
    const dir = copyWorkspace(name);
    try {
      const found = check(dir);
      const expected = spec(name).expected;
      const expectedKeys = new Set(expected.map(key));
      const bad = found.filter((f) => (CROSS.has(f.code) || f.severity === 'error') && !expectedKeys.has(key(f)));
      assert.equal(bad.length, 0, `unexpected findings on the clean workspace:\n${show(bad)}`);
      assert.deepEqual(missing(found, expected), [], `expected findings not reported:\n${show(found)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const v of spec(name).variants) {
    test(`workspace ${name} / ${v.name}: ${v.about}`, () => {
      const dir = copyWorkspace(name);
      try {
        applyPatches(dir, v.patches);
        const found = check(dir);
        assert.deepEqual(missing(found, v.expected), [], `seeded defects not reported where expected; reported:\n${show(found)}`);
        const expectedKeys = new Set(v.expected.map(key));
        const extra = found.filter((f) => CROSS.has(f.code) && !expectedKeys.has(key(f)));
        assert.equal(extra.length, 0, `unexpected cross-check findings:\n${show(extra)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

/** The real tools, when installed (CI installs them): every clean workspace must pass them too. */
const shared = sharedDir();
const ADDCONN = '/usr/libexec/ipsec/addconn';
const VTYSH_ORACLE = shared ? join(shared, 'oracles', 'check-frr-vtysh.sh') : '';
const haveTools = existsSync(ADDCONN) && !!shared && existsSync(VTYSH_ORACLE) && spawnSync('sh', ['-c', 'command -v vtysh']).status === 0;

test('clean workspaces pass addconn --checkconfig and vtysh -C', { skip: haveTools || process.env.CI ? false : 'libreswan/frr or the shared oracles not installed' }, () => {
  const problems: string[] = [];
  for (const name of names) {
    const dir = copyWorkspace(name);
    try {
      for (const path of walk(dir)) {
        const rel = relative(dir, path);
        const base = rel.split(sep).pop()!;
        if (base === 'ipsec.conf' || base.endsWith('.ipsec.conf')) {
          // Re-root `include /etc/ipsec.d/...` on the host's own ipsec.d/ folder, as vpnconf does.
          const host = path.slice(0, path.length - base.length);
          writeFileSync(path, readFileSync(path, 'utf8').replace(/\/etc\/ipsec\.d\//g, `${host}ipsec.d/`));
          const r = spawnSync(ADDCONN, ['--checkconfig', '--config', path], { encoding: 'utf8', cwd: host });
          if (r.status !== 0 || r.stderr.trim()) problems.push(`${name}/${rel}: addconn rc=${r.status} ${r.stderr.trim()}`);
        } else if (/(^|\/)(frr\/[^/]+|bgpd|staticd|frr|zebra)\.conf$/.test(rel.split(sep).join('/'))) {
          const r = spawnSync(VTYSH_ORACLE, [path], { encoding: 'utf8' });
          if (r.status !== 0) problems.push(`${name}/${rel}: vtysh ${r.stdout.trim()}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.deepEqual(problems, []);
});
