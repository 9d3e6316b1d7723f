/** Shared helpers of the scaffold tests: run the checks the way the CLI does, and find the oracles. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runChecks } from '../../../server/src/checks/run';
import type { Finding } from '../../../server/src/core/types';
import type { ScaffoldFile } from '../../../server/src/features/scaffold';
import { uriOfPath, WorkspaceStore } from '../../../server/src/workspace/workspace';
import { sharedDir } from '../frr/shared-path';

/**
 * Loads generated files (plus `existing` files already in the workspace) into a WorkspaceStore and runs
 * every check, as `vpnconf check` does. Returns the findings of error or warning severity.
 */
export function checkFiles(files: readonly ScaffoldFile[], existing: ReadonlyArray<{ path: string; text: string }> = []): Finding[] {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const texts = new Map<string, string>();
  for (const e of existing) texts.set(e.path, e.text);
  for (const f of files) texts.set(f.path, f.mode === 'append' ? (texts.get(f.path) ?? '') + f.text : f.text);
  for (const [path, text] of texts) {
    if (path.endsWith('/vpnconf.json')) {
      const err = store.setVpnconfJson(path, text);
      if (err) throw new Error(err);
    } else store.set(uriOfPath(path), text, 0);
  }
  const byUri = runChecks(store.snapshot(), {});
  return [...byUri.values()].flat().filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** Short description of findings for assertion messages (never includes file text). */
export function describe(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.uri}:${f.range.start.line + 1} ${f.severity} ${f.code}: ${f.message}`).join('\n');
}

/** The oracle script `name` under ../shared/oracles, with its tool installed; null when unavailable. */
export function oracle(name: string, tool: string): string | null {
  const shared = sharedDir();
  const script = shared ? join(shared, 'oracles', name) : '';
  if (!shared || !existsSync(script) || !existsSync(tool)) return null;
  return script;
}

/** Runs an oracle script on a file; returns its stdout and whether it exited 0. */
export function runOracle(script: string, file: string): { ok: boolean; out: string } {
  try {
    const out = execFileSync('bash', [script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Writes generated files below their (temporary) absolute paths. */
export function writeAll(files: readonly ScaffoldFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
  }
}
