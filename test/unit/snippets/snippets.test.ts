// Snippet tests: every snippet parses, and its expansion with all defaults is accepted by the real
// tools (Libreswan addconn / algparse / pluto's secrets parser, FRR vtysh). A missing tool skips the
// check, except under CI where it fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, TestContext } from 'node:test';
import { expandSnippet } from './expand';

const ROOT = findRoot(__dirname);
const LANGS = ['libreswan', 'libreswan-secrets', 'frr', 'yamaha-rtx'] as const;

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'snippets'))) return d;
    if (path.dirname(d) === d) throw new Error(`no repository root above ${dir}`);
  }
}

function findOracles(): string | undefined {
  const candidates = [
    process.env.VPNCONF_ORACLES,
    path.join(ROOT, '..', 'shared', 'oracles'),
    path.join(ROOT, '..', '..', 'shared', 'oracles'),
    '/work/shared/oracles',
  ];
  return candidates.find((d): d is string => !!d && fs.existsSync(path.join(d, 'check-libreswan.sh')));
}
const ORACLES = findOracles();

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function load(lang: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `${lang}.json`), 'utf8')) as Record<string, Snippet>;
}

/** Skips (or, under CI, fails) when `what` is unavailable. Returns true when the caller should stop. */
function unavailable(t: TestContext, ok: boolean, what: string): boolean {
  if (ok) return false;
  if (process.env.CI) assert.fail(`${what} is required under CI`);
  t.skip(`${what} not available`);
  return true;
}

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Writes `text` to a fresh temporary folder and runs an oracle script on it from that folder. */
function runOracle(script: string, fileName: string, text: string): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpnconf-snippet-'));
  try {
    fs.writeFileSync(path.join(dir, fileName), text);
    const r = spawnSync('bash', [path.join(ORACLES!, script), fileName], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('snippet expansion', () => {
  it('keeps defaults, mirrors tabstops, takes the first choice and drops $0', () => {
    assert.equal(expandSnippet(['a=${1:x}', 'b=$1 ${1}', 'c=${2|p,q|} $0']), 'a=x\nb=x x\nc=p ');
  });
  it('handles nested placeholders, escapes and mirrors before the definition', () => {
    assert.equal(expandSnippet('${2} ${1:a ${2:b}} \\$x \\}'), 'b a b $x }');
  });
});

describe('snippet files', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { snippets: { language: string; path: string }[] };
  };
  it('are contributed in package.json, one per language', () => {
    const contributed = pkg.contributes.snippets.map((s) => `${s.language}:${path.normalize(s.path)}`).sort();
    assert.deepEqual(contributed, LANGS.map((l) => `${l}:${path.normalize(`snippets/${l}.json`)}`).sort());
  });
  for (const lang of LANGS) {
    it(`${lang}: every snippet has a prefix, a description and expands`, () => {
      const snippets = load(lang);
      assert.ok(Object.keys(snippets).length > 0);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok([s.prefix].flat().length > 0, `${name}: prefix`);
        assert.ok(s.description, `${name}: description`);
        assert.doesNotMatch(expandSnippet(s.body), /\$\{|\$\d/, `${name}: leftover placeholder`);
      }
    });
  }
});

describe('snippets are valid for the real tools', () => {
  for (const [name, s] of Object.entries(load('libreswan'))) {
    it(`libreswan "${name}" passes addconn --checkconfig`, (t) => {
      if (unavailable(t, !!ORACLES && fs.existsSync('/usr/libexec/ipsec/addconn'), 'Libreswan addconn')) return;
      const text = expandSnippet(s.body);
      const r = runOracle('check-libreswan.sh', 'ipsec.conf', text);
      assert.equal(r.status, 0, `${r.out}\n--- expanded snippet:\n${text}`);
    });
    it(`libreswan "${name}" has ike=/esp= proposals that algparse accepts`, (t) => {
      if (unavailable(t, hasCommand('ipsec'), 'ipsec algparse')) return;
      const text = expandSnippet(s.body);
      for (const m of text.matchAll(/^\s*(ike|esp)=(\S+)/gm)) {
        const r = spawnSync('ipsec', ['algparse', `${m[1]}=${m[2]}`], { encoding: 'utf8' });
        assert.equal(r.status, 0, `${m[0].trim()}: ${r.stdout}${r.stderr}`);
      }
    });
  }
  for (const [name, s] of Object.entries(load('libreswan-secrets'))) {
    it(`libreswan-secrets "${name}" loads in pluto without warnings`, (t) => {
      const root = typeof process.getuid === 'function' && process.getuid() === 0;
      const ok = !!ORACLES && root && fs.existsSync('/usr/libexec/ipsec/pluto') && hasCommand('unshare');
      if (unavailable(t, ok, 'pluto in a network namespace (root)')) return;
      const text = expandSnippet(s.body);
      const r = runOracle('check-libreswan-secrets.sh', 'ipsec.secrets', text);
      assert.equal(r.status, 0, r.out);
      assert.match(r.out, /loaded PSK secret|loading secrets/, r.out);
    });
  }
  for (const [name, s] of Object.entries(load('frr'))) {
    it(`frr "${name}" passes vtysh -C`, (t) => {
      if (unavailable(t, !!ORACLES && hasCommand('vtysh'), 'FRR vtysh')) return;
      const text = expandSnippet(s.body);
      const r = runOracle('check-frr-vtysh.sh', 'frr.conf', text);
      assert.equal(r.status, 0, `${r.out}\n--- expanded snippet:\n${text}`);
    });
  }
  it('yamaha-rtx tunnel snippet is consistent (no oracle exists for RTX)', () => {
    const text = expandSnippet(load('yamaha-rtx')['IPsec tunnel with BGP neighbor'].body);
    const n = /^tunnel select (\d+)$/m.exec(text)?.[1];
    assert.ok(n, text);
    assert.match(text, new RegExp(`^ ipsec tunnel (\\d+)\\n  ipsec sa policy \\1 ${n} esp `, 'm'));
    assert.match(text, new RegExp(`^  ipsec ike pre-shared-key ${n} text \\S+$`, 'm'));
    assert.match(text, /^tunnel select none$/m);
    const local = /^ ip tunnel address ([\d.]+)\/30$/m.exec(text)?.[1];
    const remote = /^ ip tunnel remote address ([\d.]+)$/m.exec(text)?.[1];
    assert.match(text, new RegExp(`^bgp neighbor ${n} \\d+ ${remote} hold-time=\\d+ local-address=${local}$`, 'm'));
  });
});

/**
 * Codes that only say "this snippet is not a whole host yet" (a conn without its secrets file, a
 * route-map without the neighbor that uses it, a `network` without the route that backs it).
 */
const CONTEXT_CODES = new Set(['psk-missing', 'frr-unused-definition', 'frr-undefined-prefix-list', 'frr-undefined-route-map', 'frr-network-no-route']);
const LAYOUT: Record<(typeof LANGS)[number], string> = {
  libreswan: 'cpe/ipsec.conf',
  'libreswan-secrets': 'cpe/ipsec.secrets',
  frr: 'cpe/frr/frr.conf',
  'yamaha-rtx': 'branch/router.rtx',
};

describe('snippets pass vpnconf itself', () => {
  for (const lang of LANGS) {
    for (const [name, s] of Object.entries(load(lang))) {
      it(`${lang} "${name}" alone gets no findings from dist/cli.js beyond missing context`, (t) => {
        const cli = path.join(ROOT, 'dist', 'cli.js');
        if (unavailable(t, fs.existsSync(cli), 'dist/cli.js (npm run build)')) return;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpnconf-snippets-'));
        try {
          const file = path.join(dir, LAYOUT[lang]);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          // A secrets file is written as one should be on a gateway (0600), so secrets-permissions stays quiet.
          fs.writeFileSync(file, expandSnippet(s.body), { mode: lang === 'libreswan-secrets' ? 0o600 : 0o644 });
          const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', dir], { encoding: 'utf8' });
          assert.ok(r.status === 0 || r.status === 1, `cli exit ${r.status}: ${r.stderr}`);
          const findings = JSON.parse(r.stdout || '[]') as { line: number; code: string; message: string }[];
          const unexpected = findings.filter((f) => !CONTEXT_CODES.has(f.code));
          assert.deepEqual(unexpected.map((f) => `${f.line} ${f.code}: ${f.message}`), []);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});
