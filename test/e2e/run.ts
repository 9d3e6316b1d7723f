// Runs the mocha suite in a real VS Code extension host: @vscode/test-electron's runTests() with the
// offline stand-in executable from ../shared/vscode-offline/setup.sh (no download, no network).
// Exit code: 0 = all passed, 1 = a test failed or the host could not start, 2 = timeout.
// `--vsix`: test the packaged extension instead of the repository: <name>-<version>.vsix (built by
// `npm run package`) is unzipped and its extension/ folder is loaded.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');

/** Finds setup.sh of the offline VS Code host: $VPNCONF_VSCODE_SETUP, then ../shared next to the repository. */
function findSetup(): string | undefined {
  const candidates = [
    process.env.VPNCONF_VSCODE_SETUP,
    path.join(ROOT, '..', 'shared', 'vscode-offline', 'setup.sh'),
    path.join(ROOT, '..', '..', 'shared', 'vscode-offline', 'setup.sh'),
    '/work/shared/vscode-offline/setup.sh',
  ];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/** The stand-in VS Code executable: $VSCODE_OFFLINE, else the last line setup.sh prints (it is idempotent). */
function vscodeExecutable(): string {
  if (process.env.VSCODE_OFFLINE) return process.env.VSCODE_OFFLINE;
  const setup = findSetup();
  if (!setup) throw new Error('offline VS Code host not found: set VSCODE_OFFLINE or VPNCONF_VSCODE_SETUP');
  const out = execFileSync('sh', [setup], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const exe = out.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(exe)) throw new Error(`setup.sh printed no executable: ${out}`);
  return exe;
}

/** Unzips the packaged .vsix into `dir` and returns the folder holding its package.json. */
function unpackVsix(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
  execFileSync('unzip', ['-q', vsix, '-d', dir]);
  return path.join(dir, 'extension');
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const vscodeExecutablePath = vscodeExecutable();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vpnconf-e2e-ext-'));
  const extensionDevelopmentPath = process.argv.includes('--vsix') ? unpackVsix(tmp) : ROOT;
  console.log(`e2e: extension under test: ${extensionDevelopmentPath}`);
  // The tests write files (watcher checks): they get a throw-away copy of test/e2e/workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vpnconf-e2e-'));
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const env: Record<string, string> = {};
  if (process.env.VPNCONF_E2E_GREP) env.VPNCONF_E2E_GREP = process.env.VPNCONF_E2E_GREP;
  let code: number;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: env,
    });
  } catch (err) {
    // runTests rejects when the host exits non-zero (failed tests, timeout).
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`e2e: exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
