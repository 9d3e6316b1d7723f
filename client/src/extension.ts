// Extension entry point: starts the vpnconf language server and registers the client-side commands.
// Thin by design: every diagnostic, hover and completion comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WATCH_GLOB, createClient } from './client';

let client: LanguageClient | undefined;

/** Called by VS Code when a vpnconf language is opened (or a matching file is in the workspace). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('vpnconf');
  const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
  context.subscriptions.push(output, watcher);

  client = createClient(context.extensionPath, output, watcher);

  context.subscriptions.push(
    vscode.commands.registerCommand('vpnconf.restartServer', async () => {
      if (!client) return;
      output.appendLine('Restarting the vpnconf language server.');
      await client.restart();
    }),
  );

  try {
    await client.start();
  } catch (err) {
    // Keep the extension active (grammars, snippets, the restart command) even if the server fails.
    output.appendLine(`The vpnconf language server failed to start: ${String(err)}`);
  }
}

/** Called by VS Code on shutdown; stops the server process. */
export async function deactivate(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}
