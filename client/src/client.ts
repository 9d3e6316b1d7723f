// Builds the vpnconf LanguageClient: where the server lives, which documents it sees,
// which settings and files it is told about. No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { maskSecrets } from './mask';

/** Language ids the server analyses; they match `contributes.languages` in package.json. */
export const LANGUAGE_IDS = ['libreswan', 'libreswan-secrets', 'frr', 'yamaha-rtx'] as const;

/** Files whose changes on disk the server must hear about (closed files take part in cross-file checks). */
export const WATCH_GLOB = '**/{ipsec.conf,*.conf,*.secrets,*.rtx,vpnconf.json}';

/** Name of the settings section forwarded to the server. */
export const CONFIG_SECTION = 'vpnconf';

/** Client id; `<id>.trace.server` is the trace setting read by vscode-languageclient. */
export const CLIENT_ID = 'vpnconf';

/**
 * Returns a selector for the four languages, for saved files and for untitled buffers.
 */
export function documentSelector(): DocumentSelector {
  return LANGUAGE_IDS.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/**
 * Describes how to start the bundled server `dist/server.js` as a Node module over IPC.
 * `serverModule` is the absolute path of the bundle.
 */
export function serverOptions(serverModule: string): ServerOptions {
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
}

/**
 * Creates (but does not start) the LanguageClient for the extension installed at `extensionPath`.
 * The caller owns `watcher` and `output` and disposes them.
 */
export function createClient(
  extensionPath: string,
  output: vscode.OutputChannel,
  watcher: vscode.FileSystemWatcher,
): LanguageClient {
  const serverModule = path.join(extensionPath, 'dist', 'server.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: CONFIG_SECTION,
      fileEvents: watcher,
    },
    outputChannel: output,
    traceOutputChannel: maskingChannel(output),
  };
  return new LanguageClient(CLIENT_ID, 'vpnconf language server', serverOptions(serverModule), clientOptions);
}

/**
 * The trace channel (`vpnconf.trace.server`): the protocol trace shows whole documents, so every line goes
 * through `maskSecrets` before it reaches `output`.
 */
export function maskingChannel(output: vscode.OutputChannel): vscode.OutputChannel {
  return {
    name: output.name,
    append: (value: string) => output.append(maskSecrets(value)),
    appendLine: (value: string) => output.appendLine(maskSecrets(value)),
    replace: (value: string) => output.replace(maskSecrets(value)),
    clear: () => output.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? output.show(a) : output.show(a as vscode.ViewColumn | undefined, b)),
    hide: () => output.hide(),
    dispose: () => undefined, // `output` is owned by the caller
  };
}
