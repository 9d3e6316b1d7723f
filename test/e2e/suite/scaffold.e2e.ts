// The scaffold and import commands in a real VS Code host: driven with an args object (no questions),
// they write both tunnels through the server's WorkspaceEdit; the written files must check clean, both
// in the editor (pushed diagnostics) and with the CLI on disk.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, wsFile } from './util';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Outcome {
  files: string[];
  notes: string[];
}

/** Errors and warnings VS Code holds for `files`, after the server had time to analyse them. */
async function problemsOf(files: readonly string[]): Promise<string[]> {
  // The server knows the files once it answers a hover on them; then let diagnostics settle.
  const KEY = /authby=|ipsec ike encryption/;
  const conf = files.find((f) => KEY.test(fs.readFileSync(f, 'utf8'))) ?? files[0];
  const doc = await vscode.workspace.openTextDocument(conf);
  await vscode.window.showTextDocument(doc, { preview: false });
  const pos = doc.positionAt(Math.max(0, doc.getText().search(KEY)) + 1);
  await waitFor('the server to know the scaffolded file', async () => {
    const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('');
    return text.length > 0 ? true : undefined;
  });
  await new Promise((r) => setTimeout(r, 1500));
  return files.flatMap((f) =>
    vscode.languages
      .getDiagnostics(vscode.Uri.file(f))
      .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
      .map((d) => `${path.basename(f)}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`),
  );
}

/** `vpnconf check DIR` with the bundled CLI: exit code and the error/warning lines. */
function cliCheck(dir: string): { status: number | null; problems: string[] } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  const list = JSON.parse(r.stdout || '[]') as Array<{ file: string; line: number; severity: string; code: string }>;
  return { status: r.status, problems: list.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.file}:${f.line} ${f.code}`) };
}

/** The AWS Generic sample of ../shared/reference/clouds, when present. */
function awsSample(): string | undefined {
  for (const base of [path.join(ROOT, '..', 'shared'), path.join(ROOT, '..', '..', 'shared'), '/work/shared']) {
    const p = path.join(base, 'reference', 'clouds', 'samples', 'aws-generic.txt');
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
  }
  return undefined;
}

suite('scaffold commands', function () {
  this.timeout(90000);
  test('the scaffold and import commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('vpnconf.scaffold'));
    assert.ok(commands.includes('vpnconf.importCloudConfig'));
  });

  test('Scaffold redundant tunnel pair: Libreswan + FRR to AWS writes a clean host', async () => {
    const dir = wsFile('scaffold-aws').fsPath;
    const out = await vscode.commands.executeCommand<Outcome>('vpnconf.scaffold', {
      cpe: 'libreswan-frr',
      peer: 'aws',
      target: dir,
      peerOutside: ['203.0.113.71', '203.0.113.72'],
      localOutside: '198.51.100.70',
      localNets: ['10.70.0.0/16'],
      localAsn: 65070,
      peerAsn: 64512,
    });
    assert.ok(out, 'the command returned nothing');
    for (const f of ['ipsec.conf', 'ipsec.d/aws.conf', 'ipsec.d/aws.secrets', 'frr/bgpd.conf', 'frr/staticd.conf']) {
      assert.ok(fs.existsSync(path.join(dir, f)), `${f} not written`);
    }
    const psk = /PSK "([^"]+)"/.exec(fs.readFileSync(path.join(dir, 'ipsec.d/aws.secrets'), 'utf8'))?.[1];
    assert.ok(psk && psk.length === 32);
    assert.ok(!out.notes.join(' ').includes(psk), 'a note shows the PSK');
    assert.deepEqual(await problemsOf(out.files), []);
    const cli = cliCheck(dir);
    assert.deepEqual(cli.problems, []);
    assert.equal(cli.status, 0);
  });

  test('Scaffold redundant tunnel pair: Yamaha RTX to OCI writes a clean command file', async () => {
    const file = wsFile('branch/scaffold-oci.rtx').fsPath;
    const out = await vscode.commands.executeCommand<Outcome>('vpnconf.scaffold', {
      cpe: 'yamaha-rtx',
      peer: 'oci',
      target: file,
      localOutside: '198.51.100.80',
      localNets: ['192.168.80.0/24'],
      localAsn: 65080,
    });
    assert.ok(out);
    assert.deepEqual(out.files, [file]);
    assert.match(fs.readFileSync(file, 'utf8'), /^bgp neighbor 2 31898 /m);
    assert.deepEqual(await problemsOf(out.files), []);
  });

  test('Import cloud VPN configuration: the AWS Generic download becomes a clean Libreswan host', async function () {
    const text = awsSample();
    if (!text) return this.skip();
    const dir = wsFile('imported-aws').fsPath;
    const out = await vscode.commands.executeCommand<Outcome>('vpnconf.importCloudConfig', {
      importText: text,
      cpe: 'libreswan-frr',
      target: dir,
      localNets: ['10.90.0.0/16'],
    });
    assert.ok(out);
    const conf = fs.readFileSync(path.join(dir, 'ipsec.d/aws.conf'), 'utf8');
    assert.match(conf, /right=203\.0\.113\.11/);
    assert.match(conf, /leftvti=169\.254\.44\.2\/30/);
    assert.deepEqual(await problemsOf(out.files), []);
    assert.deepEqual(cliCheck(dir).problems, []);
  });
});
