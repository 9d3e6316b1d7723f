import { createConnection, ErrorCodes, ResponseError, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Diagnostic, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, CheckCache } from './checks/run';
import type { Finding, LanguageId } from './core/types';
import { isCandidate, isDirectory, readBom, readDiskFile, readMode, walk } from './workspace/disk';
import { canonicalUri, pathOfUri, uriOfPath, WorkspaceStore } from './workspace/workspace';
import { hover } from './features/hover';
import { completion, resolveCompletion } from './features/completion';
import { documentSymbols } from './features/symbols';
import { definition } from './features/definition';
import { references } from './features/references';
import { foldingRanges } from './features/folding';
import { codeActions } from './features/code-actions';
import { toDiagnostic } from './features/diagnostics';
import { redact } from './cli/secrets';
import { workspaceSecrets } from './workspace/secrets';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { defaultRequest, generate, parseCloudConfig, requestFromImport, type ScaffoldRequest } from './features/scaffold';
import { toWorkspaceEdit } from './features/scaffold/edit';
import { scaffoldContext } from './features/scaffold/context';
import { IMPORT_CLOUD_CONFIG, SCAFFOLD, SCAFFOLD_CONTEXT, type ImportParams, type ImportResponse, type ScaffoldContextResult, type ScaffoldParams, type ScaffoldResponse } from './protocol';

/**
 * The only file that talks to the LSP connection. Keeps a WorkspaceStore of every vpnconf file of the
 * workspace folders (open or not), re-analyzes on each change and PUSHES diagnostics
 * (textDocument/publishDiagnostics) so every LSP client sees them. Pure features answer the requests.
 */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = DEFAULT_SETTINGS;
const store = new WorkspaceStore(settings.options);
const cache = new CheckCache();
const published = new Map<string, string>();
let folders: string[] = [];
let hasConfigurationCapability = false;
let hasWatcherRegistration = false;
let timer: NodeJS.Timeout | null = null;
/** Set by the shutdown request: later requests fail with InvalidRequest, as LSP requires. */
let shutDown = false;

const LANGS: ReadonlySet<string> = new Set(['libreswan', 'libreswan-secrets', 'frr', 'yamaha-rtx']);
const langOf = (id: string): LanguageId | null => (LANGS.has(id) ? (id as LanguageId) : null);

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  hasConfigurationCapability = !!caps.workspace?.configuration;
  hasWatcherRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  folders = (params.workspaceFolders ?? []).map((f) => pathOfUri(f.uri));
  if (!folders.length && params.rootUri) folders = [pathOfUri(params.rootUri)];
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['=', ',', '-', ' '], resolveProvider: true },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: true,
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'vpnconf', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (hasWatcherRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.{conf,secrets,rtx,txt,cfg}' },
        { globPattern: '**/vpnconf.json' },
        // Folders created or deleted as a whole (a copied host folder reports only the folder).
        { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
      ],
    });
  }
  await refreshSettings();
  await indexFolders();
});

/** Reads every vpnconf file of the workspace folders from disk, yielding to the event loop between chunks. */
async function indexFolders(): Promise<void> {
  for (const folder of folders) {
    let listing;
    try {
      listing = walk(folder);
    } catch {
      continue;
    }
    for (const j of listing.vpnconfJson) setJson(j);
    let n = 0;
    for (const f of listing.files) {
      const uri = uriOfPath(f);
      if (documents.get(uri)) continue;
      const d = readDiskFile(f);
      if (!d.problem) store.set(uri, d.text, 0, null, d.mode, !!d.bom);
      if (++n % 200 === 0) await new Promise((r) => setImmediate(r));
    }
  }
  schedule(0);
}

function setJson(path: string): void {
  const d = readDiskFile(path);
  const err = store.setVpnconfJson(path, d.problem ? null : d.text);
  if (err) log('warn', err);
}

/** The secrets of the current snapshot (the same array while they are unchanged), for redacting everything the server sends. */
function currentSecrets(): string[] {
  return workspaceSecrets(store.snapshot());
}

/** Logs to the client's output channel, with every known secret masked. */
function log(level: 'error' | 'warn' | 'info', message: string): void {
  connection.console[level](redact(message, currentSecrets()));
}

/** Masks every known secret in the strings of a JSON-shaped answer (hover, completion, ...). */
function redactDeep<T>(value: T): T {
  const secrets = currentSecrets();
  if (value === null || value === undefined || !secrets.length) return value;
  const text = JSON.stringify(value);
  const clean = redact(text, secrets);
  return clean === text ? value : (JSON.parse(clean) as T);
}

async function refreshSettings(): Promise<void> {
  if (!hasConfigurationCapability) return;
  try {
    const raw: unknown = await connection.workspace.getConfiguration({ section: 'vpnconf' });
    settings = readSettings(raw);
    store.setOptions(settings.options);
    schedule(0);
  } catch (e) {
    log('error', `vpnconf: cannot read settings: ${(e as Error).message}`);
  }
}

connection.onDidChangeConfiguration(() => void refreshSettings());

documents.onDidChangeContent((e) => {
  // The permission bits and the BOM stay those read from disk (the editor's text never holds a BOM); a
  // file opened before indexing reached it is stat'ed and its first 3 bytes read once.
  const known = store.get(e.document.uri);
  const onDisk = !known && e.document.uri.startsWith('file:') ? pathOfUri(e.document.uri) : undefined;
  const mode = known ? known.mode : onDisk !== undefined ? readMode(onDisk) : undefined;
  const bom = known ? !!known.bom : onDisk !== undefined && readBom(onDisk);
  store.set(e.document.uri, e.document.getText(), e.document.version, langOf(e.document.languageId), mode, bom);
  editedFirst.add(canonicalUri(e.document.uri));
  schedule(15);
});

documents.onDidClose((e) => {
  // The editor's unsaved text is gone: fall back to what is on disk.
  const path = pathOfUri(e.document.uri);
  const d = readDiskFile(path);
  if (d.problem) store.delete(e.document.uri);
  else store.set(e.document.uri, d.text, -1, null, d.mode, !!d.bom);
  schedule(0);
});

connection.onDidChangeWatchedFiles((params) => {
  for (const c of params.changes) {
    const path = pathOfUri(c.uri);
    if (path.endsWith('/vpnconf.json')) {
      if (c.type === FileChangeType.Deleted) store.setVpnconfJson(path, null);
      else setJson(path);
      continue;
    }
    if (documents.get(c.uri)) continue; // the editor's copy wins while open
    if (c.type === FileChangeType.Deleted) {
      if (!store.delete(c.uri)) store.deleteUnder(path);
    } else if (c.type === FileChangeType.Created && isDirectory(path)) {
      for (const f of walk(path).files) readIntoStore(f);
    } else if (isCandidate(path)) {
      readIntoStore(path);
    }
  }
  schedule(0);
});

/** Reads a closed file from disk into the store (unreadable or foreign files are dropped). */
function readIntoStore(path: string): void {
  const uri = uriOfPath(path);
  if (documents.get(uri)) return;
  const d = readDiskFile(path);
  if (d.problem) store.delete(uri);
  else store.set(uri, d.text, Date.now(), null, d.mode, !!d.bom);
}

/** Debounces re-analysis: `ms` after the last change, run all checks and publish what changed. */
function schedule(ms: number): void {
  if (shutDown) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(publishAll, ms);
}

/** Per URI: the findings array and secrets last turned into diagnostics, and the JSON of what was sent. */
const sent = new Map<string, { findings: Finding[]; secrets: readonly string[]; key: string }>();
let stableSecrets: readonly string[] = [];
/** URIs changed in the editor since the last publish: their diagnostics go out first. */
const editedFirst = new Set<string>();

function publishAll(): void {
  timer = null;
  const snapshot = store.snapshot();
  let analysis: ReturnType<typeof analyze>;
  try {
    analysis = analyze(snapshot, settings.overrides, cache);
  } catch (e) {
    log('error', `vpnconf: analysis failed: ${(e as Error).message}`);
    return;
  }
  const { results, changed } = analysis;
  // One array per distinct secrets list, so the per-file test below is an identity check.
  const fresh = currentSecrets();
  const secretsChanged = !sameStrings(stableSecrets, fresh);
  if (secretsChanged) stableSecrets = fresh;
  const secrets = stableSecrets;
  // Only files whose findings array changed need a look, unless every file must be redacted anew.
  const candidates = changed && !secretsChanged ? changed : results.keys();
  const first = [...editedFirst].filter((u) => results.has(u));
  editedFirst.clear();
  for (const uri of [...first, ...candidates]) {
    const findings = results.get(uri);
    if (!findings) continue;
    const last = sent.get(uri);
    // analyze returns the same array for a file whose findings did not change: nothing to convert.
    if (last && last.findings === findings && last.secrets === secrets) continue;
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, (t) => redact(t, secrets)));
    const key = JSON.stringify(diagnostics);
    sent.set(uri, { findings, secrets, key });
    if (published.get(uri) === key) continue;
    published.set(uri, key);
    void connection.sendDiagnostics({ uri: clientUri(uri), diagnostics });
  }
  // Files gone from the workspace: only possible when the analysis compared everything (changed null).
  if (changed) return;
  for (const uri of [...published.keys()]) {
    if (results.has(uri)) continue;
    published.delete(uri);
    sent.delete(uri);
    void connection.sendDiagnostics({ uri: clientUri(uri), diagnostics: [] });
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** The URI the client used for an open document (its encoding may differ from ours). */
function clientUri(uri: string): string {
  for (const d of documents.all()) if (canonicalUri(d.uri) === uri) return d.uri;
  return uri;
}

connection.onShutdown(() => {
  shutDown = true;
  if (timer) clearTimeout(timer);
  timer = null;
});

/**
 * Runs a feature on the file behind a request; unknown URIs and feature errors give an empty answer. Text
 * answers (hover, completion) pass through the secret redaction: features never show a secret, this is the
 * last line of defence. Structural answers (locations, ranges) are left alone so no URI is mangled.
 */
function withFile<T>(uri: string, empty: T, run: (file: NonNullable<ReturnType<WorkspaceStore['get']>>) => T, text = false): T {
  if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'vpnconf: the server is shutting down');
  const file = store.get(uri);
  if (!file) return empty;
  try {
    const answer = run(file);
    return text ? redactDeep(answer) : answer;
  } catch (e) {
    log('error', `vpnconf: request failed: ${(e as Error).message}`);
    return empty;
  }
}

connection.onHover((p) => withFile(p.textDocument.uri, null, (f) => hover(f, p.position, store.snapshot()), true));
connection.onCompletion((p) => withFile(p.textDocument.uri, [], (f) => completion(f, p.position, store.snapshot()), true));
connection.onCompletionResolve((item) => {
  if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'vpnconf: the server is shutting down');
  try {
    return redactDeep(resolveCompletion(item));
  } catch (e) {
    log('error', `vpnconf: request failed: ${(e as Error).message}`);
    return item;
  }
});
connection.onDocumentSymbol((p) => withFile(p.textDocument.uri, [], (f) => documentSymbols(f)));
connection.onDefinition((p) => withFile(p.textDocument.uri, [], (f) => definition(f, p.position, store.snapshot())));
connection.onReferences((p) => withFile(p.textDocument.uri, [], (f) => references(f, p.position, store.snapshot())));
connection.onFoldingRanges((p) => withFile(p.textDocument.uri, [], (f) => foldingRanges(f)));
connection.onCodeAction((p) => withFile(p.textDocument.uri, [], (f) => codeActions(f, p.context.diagnostics, store.snapshot())));

connection.onRequest(SCAFFOLD_CONTEXT, (): ScaffoldContextResult => scaffoldContext(store.snapshot(), folders));

connection.onRequest(SCAFFOLD, (p: ScaffoldParams): ScaffoldResponse => {
  try {
    const r = p.request;
    let base: ScaffoldRequest;
    if (p.importText !== undefined) {
      const imp = parseCloudConfig(p.importText);
      if (!imp) return { error: 'The text is not an AWS (Generic or Yamaha) or OCI (Libreswan) VPN configuration download.' };
      base = requestFromImport(imp, r.cpe, r.target);
    } else {
      if (!r.peer) return { error: 'No peer given (aws, oci or libreswan).' };
      base = defaultRequest(r.cpe, r.peer, r.target);
    }
    const defined = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const snapshot = store.snapshot();
    // Peer addresses the client sent are the user's: a clash with the host is refused, not moved.
    const result = generate({ ...base, ...defined, ...(defined.peerOutside ? { peerOutsideDefaulted: false } : {}), ...(defined.localOutside ? { localOutsideDefaulted: false } : {}) }, snapshot);
    const onDisk = (p: string): string | undefined => {
      const d = readDiskFile(p);
      return d.problem ? undefined : d.text;
    };
    return { edit: toWorkspaceEdit(result.files, snapshot, onDisk), notes: result.notes, files: result.files.map((f) => ({ path: f.path, mode: f.mode, secret: !!f.secret })) };
  } catch (e) {
    return { error: (e as Error).message };
  }
});

connection.onRequest(IMPORT_CLOUD_CONFIG, (p: ImportParams): ImportResponse => {
  const imp = parseCloudConfig(p.text ?? '');
  if (!imp) return { error: 'The text is not an AWS (Generic or Yamaha) or OCI (Libreswan) VPN configuration download.' };
  const hasPsk: [boolean, boolean] = [!!imp.tunnels[0].psk, !!imp.tunnels[1].psk];
  const tunnels = imp.tunnels.map(({ psk: _psk, ...rest }) => rest) as typeof imp.tunnels;
  return { imported: { ...imp, tunnels, hasPsk } };
});

documents.listen(connection);
connection.listen();
