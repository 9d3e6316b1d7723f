/**
 * A second, independent LSP client: Neovim's built-in client (Debian `neovim`, headless) runs the built
 * server on a temp copy of examples/oci-gateway with a seeded defect (a misspelt keyword) and must see the
 * unknown-keyword diagnostic at the right place and a hover for `authby`. Skipped when `nvim` is absent,
 * unless CI is set (then a missing nvim fails: .ci/run installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** True when an `nvim` with the built-in LSP client (0.7+) is on PATH. */
function haveNvim(): boolean {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /NVIM v0\.(7|8|9|1\d)|NVIM v[1-9]/.test(r.stdout);
}

test('Neovim built-in LSP client: diagnostic and hover from the vpnconf server', { timeout: 90_000 }, (t) => {
  if (!haveNvim()) {
    if (process.env.CI) assert.fail('nvim (0.7+) is required in CI: apt-get install neovim');
    return t.skip('nvim not installed');
  }
  const ws = mkdtempSync(join(tmpdir(), 'vpnconf-nvim-'));
  t.after(() => rmSync(ws, { recursive: true, force: true }));
  cpSync(join(ROOT, 'examples', 'oci-gateway'), ws, { recursive: true });
  const file = join(ws, 'ipsec.d', 'oci.conf');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes('    ikelifetime=28800s\n'), 'the example still has the line we break');
  writeFileSync(file, text.replace('    ikelifetime=28800s\n', '    ikelifetme=28800s\n'));
  const line = text.split('\n').findIndex((l) => l.startsWith('    ikelifetime='));
  const authby = text.split('\n').findIndex((l) => l.startsWith('    authby='));
  const out = join(ws, 'nvim-result.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(ROOT, 'test', 'nvim', 'lsp-check.lua')}`], {
    encoding: 'utf8', timeout: 80_000, cwd: ws,
    env: { ...process.env, VPNCONF_NODE: process.execPath, VPNCONF_SERVER: join(ROOT, 'dist', 'server.js'), VPNCONF_WS: ws, VPNCONF_FILE: file, VPNCONF_HOVER_LINE: String(authby), VPNCONF_HOVER_COL: '6', VPNCONF_OUT: out },
  });
  let result: { diagnostics: Array<{ lnum: number; col: number; end_col: number; code?: string; message: string }>; hover?: { contents: { value?: string } | string } | null; error?: string | null };
  try {
    result = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    assert.fail(`nvim wrote no result (exit ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  }
  assert.ok(!result.error, `nvim script failed: ${result.error}`);
  const d = result.diagnostics.find((x) => x.code === 'unknown-keyword');
  assert.ok(d, `unknown-keyword diagnostic in ${JSON.stringify(result.diagnostics)}`);
  assert.deepEqual([d.lnum, d.col, d.end_col], [line, 4, 4 + 'ikelifetme'.length]);
  assert.match(d.message, /ikelifetime/, 'the message suggests the right keyword');
  const hover = typeof result.hover?.contents === 'string' ? result.hover.contents : result.hover?.contents.value ?? '';
  assert.match(hover, /authby/, `hover on authby: ${JSON.stringify(result.hover)}`);
});
