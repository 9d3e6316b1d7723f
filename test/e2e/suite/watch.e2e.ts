// Files that are never opened still take part: the client forwards file events (its own watcher and
// the watchers the server registers) for created, changed and deleted files, and the server pushes
// diagnostics for them.
// A host folder copied in as a whole is reported as the folder's creation only: the server walks it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { waitFor, wsFile } from './util';

const BROKEN = 'conn w\n    left=192.0.2.1\n    right=192.0.2.2\n    rightsubnett=10.9.0.0/24\n';
const FIXED = 'conn w\n    left=192.0.2.1\n    right=192.0.2.2\n    rightsubnet=10.9.0.0/24\n';

suite('file watching', () => {
  const uri = wsFile('broken/watched.conf');
  const unknownKeyword = (): vscode.Diagnostic | undefined =>
    vscode.languages.getDiagnostics(uri).find((x) => x.code === 'unknown-keyword');

  suiteTeardown(() => fs.rmSync(uri.fsPath, { force: true }));

  test('a file created on disk gets diagnostics without being opened', async () => {
    fs.writeFileSync(uri.fsPath, BROKEN);
    const d = await waitFor('diagnostics of the new file', unknownKeyword);
    assert.equal(d.range.start.line, 3);
  });

  test('fixing the file on disk clears them, breaking it again brings them back', async () => {
    fs.writeFileSync(uri.fsPath, FIXED);
    await waitFor('diagnostics cleared', () => (unknownKeyword() ? undefined : true));
    fs.writeFileSync(uri.fsPath, BROKEN);
    await waitFor('diagnostics back', unknownKeyword);
  });

  test('deleting the file clears them', async () => {
    fs.rmSync(uri.fsPath);
    await waitFor('diagnostics cleared after delete', () => (unknownKeyword() ? undefined : true));
  });

  test('a whole new host folder is read when it appears, and forgotten when it goes', async () => {
    const dir = wsFile('copied-host').fsPath;
    const conf = wsFile('copied-host/ipsec.conf');
    const found = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(conf).find((x) => x.code === 'unknown-keyword');
    fs.rmSync(dir, { recursive: true, force: true });
    const tmp = `${dir}.tmp`;
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(`${tmp}/ipsec.conf`, BROKEN);
    fs.renameSync(tmp, dir);
    await waitFor('diagnostics of a file inside a new folder', found);
    fs.rmSync(dir, { recursive: true, force: true });
    await waitFor('diagnostics cleared after the folder is deleted', () => (found() ? undefined : true));
  });
});
