/**
 * Helpers for the differential tests: locate and run the real Libreswan 4.10 tools
 * (`ipsec algparse`, `addconn --checkconfig`). When they are missing the tests skip with a
 * message, unless `process.env.CI` is set, in which case they fail.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Path of `ipsec` on PATH, or null. */
export function findIpsec(): string | null {
  for (const p of ['/usr/sbin/ipsec', '/usr/bin/ipsec', '/usr/local/sbin/ipsec']) if (existsSync(p)) return p;
  try { return execFileSync('sh', ['-c', 'command -v ipsec'], { encoding: 'utf8' }).trim() || null; } catch { return null; }
}

/** Path of Libreswan's `addconn`, or null. */
export function findAddconn(): string | null {
  for (const p of ['/usr/libexec/ipsec/addconn', '/usr/local/libexec/ipsec/addconn']) if (existsSync(p)) return p;
  return null;
}

/** Returns a skip reason (string) when a tool is missing, or throws when running under CI. */
export function missingTool(name: string): string {
  const msg = `${name} not installed: differential test skipped`;
  if (process.env.CI) throw new Error(`${name} is required when CI is set`);
  console.log(msg);
  return msg;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i]!); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `ipsec algparse -vN 'kind=text'`: resolves true when Libreswan accepts the proposal. */
export function algparse(ipsec: string, ikeVersion: 1 | 2, kind: string, text: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile(ipsec, ['algparse', `-v${ikeVersion}`, `${kind}=${text}`], { timeout: 20000 }, (e, stdout, stderr) => {
      resolve({ ok: !e, out: `${stdout}${stderr}`.trim() });
    });
  });
}

/**
 * Writes a one-conn ipsec.conf (`conn t` with `left`/`right` and `line`) to a temp folder and runs
 * `addconn --checkconfig`. Resolves ok=false when addconn exits non-zero or prints an error.
 */
export function addconnCheck(addconn: string, line: string, section: 'conn' | 'config' = 'conn'): Promise<{ ok: boolean; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vpnconf-addconn-'));
  const file = join(dir, 'ipsec.conf');
  const body = section === 'conn'
    ? `config setup\n\nconn t\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${line}\n\tauto=add\n`
    : `config setup\n\t${line}\n\nconn t\n\tleft=192.0.2.1\n\tright=192.0.2.2\n`;
  writeFileSync(file, body);
  return new Promise((resolve) => {
    execFile(addconn, ['--checkconfig', '--config', file], { timeout: 20000, cwd: dir }, (e, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      const out = `${stdout}${stderr}`.trim();
      resolve({ ok: !e && !/error|invalid|bad|failed|unknown|only valid/i.test(out), out });
    });
  });
}
