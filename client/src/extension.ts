// Extension entry point: starts the vpnconf language server and registers the client-side commands.
// Thin by design: every diagnostic, hover and completion comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WATCH_GLOB, createClient } from './client';
import { importCommand, scaffoldCommand, type ScaffoldArgs } from './commands/scaffold';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
/** Builds a fresh client; a client whose start failed cannot be started again, so restarts use a new one. */
let makeClient: (() => LanguageClient) | undefined;

/** Called by VS Code when a vpnconf language is opened (or a matching file is in the workspace). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('vpnconf');
  const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
  context.subscriptions.push(output, watcher);

  const channel = output;
  makeClient = () => createClient(context.extensionPath, channel, watcher);
  client = makeClient();
  context.subscriptions.push(
    vscode.commands.registerCommand('vpnconf.restartServer', restartServer),
    vscode.commands.registerCommand('vpnconf.scaffold', (args?: ScaffoldArgs) => scaffoldCommand(client, args)),
    vscode.commands.registerCommand('vpnconf.importCloudConfig', (args?: ScaffoldArgs) => importCommand(client, args)),
  );

  // A server that fails to start leaves grammars, snippets and the restart command working.
  await startServer();
}

/** Called by VS Code on shutdown; stops the server process. */
export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}

async function startServer(): Promise<void> {
  try {
    await client?.start();
  } catch (err) {
    output?.appendLine(`The vpnconf language server failed to start: ${String(err)}`);
  }
}

/**
 * `vpnconf.restartServer`: restarts a running server in place; a server that never started (or is
 * in a failed state) is replaced by a new client.
 */
async function restartServer(): Promise<void> {
  if (!client || !makeClient) return;
  output?.appendLine('Restarting the vpnconf language server.');
  if (client.isRunning()) {
    try {
      await client.restart();
      return;
    } catch (err) {
      output?.appendLine(`Restarting in place failed: ${String(err)}`);
    }
  }
  const old = client;
  client = makeClient();
  try {
    await old.dispose();
  } catch {
    // the old client was not running; nothing to stop
  }
  await startServer();
}
