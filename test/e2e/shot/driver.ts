// Runs inside the extension host for `npm run screenshot` (not part of the e2e suite): opens the file
// with a cross-file diagnostic, shows the Problems panel and the quick-fix menu, tells the outer script
// (console marker) to take the picture, then waits until it has.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Called by VS Code as the extension tests entry point. */
export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const flag = process.env.VPNCONF_SHOT_FLAG;
  if (!folder || !flag) throw new Error('no workspace folder or VPNCONF_SHOT_FLAG');
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  await vscode.workspace.getConfiguration('editor').update('fontSize', 15, vscode.ConfigurationTarget.Global);
  const uri = vscode.Uri.file(path.join(folder, 'office-gw', 'ipsec.d', 'oci.conf'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  let diag: vscode.Diagnostic | undefined;
  for (let i = 0; i < 300 && !diag; i++) {
    diag = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'mark-duplicate');
    if (!diag) await sleep(100);
  }
  if (!diag) throw new Error('no mark-duplicate diagnostic');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await sleep(800);
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  editor.selection = new vscode.Selection(diag.range.start, diag.range.start);
  editor.revealRange(diag.range, vscode.TextEditorRevealType.InCenter);
  await sleep(500);
  await vscode.commands.executeCommand('editor.action.quickFix');
  await sleep(2500);
  console.log('VPNCONF_SHOT_READY');
  for (let i = 0; i < 600 && !fs.existsSync(flag); i++) await sleep(100);
}
