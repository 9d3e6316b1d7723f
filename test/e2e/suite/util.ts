// Helpers shared by the e2e tests.
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Identifier of the extension under test (`publisher.name`). */
export const EXTENSION_ID = 'vpnconf.vpnconf';

/** Absolute path of a file in test/e2e/workspace (the folder the host opened). */
export function wsFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, rel));
}

/** Opens a workspace file in an editor and returns its document. */
export async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(wsFile(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Polls `fn` every 100 ms until it returns a truthy value; throws `what` after `ms`. */
export async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 20000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Position of the first occurrence of `needle` in `doc` (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in ${doc.uri.fsPath}`);
  return doc.positionAt(i + offset);
}
