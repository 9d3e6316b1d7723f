// `npm run screenshot`: the README picture (docs/screenshot.png), taken by the e2e tooling: the offline
// code-server workbench in headless chromium (../shared/vscode-offline), a throw-away workspace made with
// `vpnconf scaffold` and one edit that creates a cross-file diagnostic (the same mark in two files of a
// host), the Problems panel and the quick-fix menu open.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'docs', 'screenshot.png');

/** The offline host's install: code-server root and the runner folder (which holds playwright-core). */
function offlineHost(): { csRoot: string; runner: string } {
  const setup = [process.env.VPNCONF_VSCODE_SETUP, path.join(ROOT, '..', 'shared', 'vscode-offline', 'setup.sh'), path.join(ROOT, '..', '..', 'shared', 'vscode-offline', 'setup.sh'), '/work/shared/vscode-offline/setup.sh'].find((p): p is string => !!p && fs.existsSync(p));
  if (!setup) throw new Error('offline VS Code host not found (set VPNCONF_VSCODE_SETUP)');
  const exe = execFileSync('sh', [setup], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() ?? '';
  const script = fs.readFileSync(exe, 'utf8');
  const csRoot = /CODE_SERVER_ROOT="([^"]+)"/.exec(script)?.[1];
  const runner = /node "([^"]+)\/run-tests\.js"/.exec(script)?.[1];
  if (!csRoot || !runner) throw new Error(`cannot read ${exe}`);
  return { csRoot, runner };
}

/** The workspace of the picture: an office gateway with tunnels to AWS and OCI, one mark used twice. */
function makeWorkspace(dir: string): void {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const gw = path.join(dir, 'office-gw');
  execFileSync(process.execPath, [cli, 'scaffold', '--cpe', 'libreswan-frr', '--cloud', 'aws', '--out', gw, '--local-nets', '172.16.0.0/16'], { stdio: 'ignore' });
  execFileSync(process.execPath, [cli, 'scaffold', '--cpe', 'libreswan-frr', '--cloud', 'oci', '--out', gw, '--local-nets', '172.16.0.0/16', '--force'], { stdio: 'ignore' });
  const oci = path.join(gw, 'ipsec.d', 'oci.conf');
  fs.writeFileSync(oci, fs.readFileSync(oci, 'utf8').replace('mark=3/0xffffffff', 'mark=1/0xffffffff'));
}

async function main(): Promise<number> {
  const { csRoot, runner } = offlineHost();
  const { chromium } = createRequire(path.join(runner, 'run-tests.js'))('playwright-core') as typeof import('playwright-core-shim');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vpnconf-shot-'));
  const ws = path.join(tmp, 'workspace');
  makeWorkspace(ws);
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.tips.enabled': false }));
  const flag = path.join(tmp, 'shot-taken');
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(csRoot, 'out', 'node', 'entry.js'), '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'ext'), '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy', '--locale', 'en'],
    { cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VPNCONF_SHOT_FLAG: flag, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }) } },
  );
  let browser: { close(): Promise<void> } | undefined;
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let buf = '';
      server.stdout?.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(buf);
        if (m) resolve(m[1]);
      });
      server.on('exit', () => reject(new Error(`code-server exited: ${buf}`)));
    });
    const authority = new URL(endpoint).host;
    const remote = (p: string) => `vscode-remote://${authority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(path.join(__dirname, 'shot', 'driver.js'))], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    const url = `${endpoint}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const b = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    browser = b;
    const page = await (await b.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 })).newPage();
    let ready!: () => void;
    let exited!: (code: number) => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const hostExit = new Promise<number>((r) => (exited = r));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      if (String(JSON.stringify(args)).includes('VPNCONF_SHOT_READY')) ready();
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    await page.goto(url);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out waiting for the workbench')), 180000));
    await Promise.race([isReady, hostExit.then((c) => Promise.reject(new Error(`extension host exited (${c}) before the picture`))), timeout]);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    fs.writeFileSync(flag, 'done');
    console.log(`screenshot: wrote ${path.relative(ROOT, OUT)}`);
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
