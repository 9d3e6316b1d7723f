// Client side of "vpnconf: Scaffold redundant tunnel pair" and "vpnconf: Import cloud VPN configuration":
// ask (QuickPick / InputBox, each step with a default and input validation), send the answers to the
// server, apply the WorkspaceEdit it returns. The generator lives in the server; nothing is analysed here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  IMPORT_CLOUD_CONFIG,
  SCAFFOLD,
  SCAFFOLD_CONTEXT,
  type HostSummary,
  type ImportResponse,
  type ScaffoldContextResult,
  type ScaffoldParams,
  type ScaffoldResponse,
} from '../../../server/src/protocol';
import type { CpeKind, PeerKind, ScaffoldRequest } from '../../../server/src/features/scaffold/types';

/**
 * Arguments that skip questions (tests, keybindings): every field set here is not asked; with `cpe`,
 * `peer` (or an import) and `target` set, nothing is asked and defaults fill the rest.
 */
export type ScaffoldArgs = Partial<ScaffoldRequest> & { importText?: string; importFile?: string; save?: boolean };

/** What the commands return: the files written and the notes, or undefined when cancelled or refused. */
export interface ScaffoldOutcome {
  files: string[];
  notes: string[];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const NET = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([0-9]|[12]\d|3[0-2])$/;
const DOC_PEERS: Record<PeerKind, string> = { aws: '203.0.113.11, 203.0.113.12', oci: '203.0.113.21, 203.0.113.22', libreswan: '203.0.113.31, 203.0.113.32' };
const PEER_ASN: Record<PeerKind, number> = { aws: 64512, oci: 31898, libreswan: 65001 };

/** Input validators (syntax only; the server validates the request as a whole). */
export const validate = {
  ipv4: (s: string): string | undefined => (IPV4.test(s.trim()) ? undefined : 'an IPv4 address, e.g. 198.51.100.10'),
  twoIpv4: (s: string): string | undefined => {
    const p = s.split(/[\s,]+/).filter(Boolean);
    return p.length === 2 && p.every((x) => IPV4.test(x)) ? undefined : 'two IPv4 addresses separated by a comma';
  },
  nets: (s: string): string | undefined => {
    const p = s.split(/[\s,]+/).filter(Boolean);
    return p.length > 0 && p.every((x) => NET.test(x)) ? undefined : 'networks in CIDR form, e.g. 10.10.0.0/16, 10.11.0.0/16';
  },
  asn: (max: number) => (s: string): string | undefined => (/^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= max ? undefined : `an AS number from 1 to ${max}`),
  optionalId: (s: string): string | undefined => (s.trim() === '' || IPV4.test(s.trim()) || /^@[\w.-]+$/.test(s.trim()) ? undefined : 'empty, an IPv4 address or @fqdn'),
};

const split = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

async function ask(title: string, value: string, check: (s: string) => string | undefined, prompt?: string): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, value, prompt, ignoreFocusOut: true, validateInput: check });
}

async function pick<T>(title: string, items: Array<vscode.QuickPickItem & { value: T }>): Promise<T | undefined> {
  const got = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
  return got?.value;
}

/** `vpnconf.scaffold`: the wizard (or `args` without questions), then the server's edit. */
export async function scaffoldCommand(client: LanguageClient | undefined, args?: ScaffoldArgs): Promise<ScaffoldOutcome | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('vpnconf: the language server is not running.');
    return undefined;
  }
  const ctx = await client.sendRequest<ScaffoldContextResult>(SCAFFOLD_CONTEXT);
  const request = await askRequest(ctx, args ?? {}, undefined);
  if (!request) return undefined;
  return run(client, { request }, args?.save ?? true);
}

/** `vpnconf.importCloudConfig`: read a download (argument, active editor, or a file), then scaffold from it. */
export async function importCommand(client: LanguageClient | undefined, args?: ScaffoldArgs): Promise<ScaffoldOutcome | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('vpnconf: the language server is not running.');
    return undefined;
  }
  let text = args?.importText;
  if (text === undefined && args?.importFile) text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(args.importFile))).toString('utf8');
  if (text === undefined) {
    const editor = vscode.window.activeTextEditor;
    const from = await pick<'editor' | 'file'>('Import cloud VPN configuration from', [
      ...(editor ? [{ label: 'The active editor', description: path.basename(editor.document.uri.fsPath), value: 'editor' as const }] : []),
      { label: 'A file…', description: 'the text downloaded from AWS or OCI', value: 'file' as const },
    ]);
    if (!from) return undefined;
    if (from === 'editor' && editor) text = editor.document.getText();
    else {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'AWS or OCI VPN configuration download', filters: { Text: ['txt', 'conf', 'cfg'], All: ['*'] } });
      if (!uris?.[0]) return undefined;
      text = Buffer.from(await vscode.workspace.fs.readFile(uris[0])).toString('utf8');
    }
  }
  const imp = await client.sendRequest<ImportResponse>(IMPORT_CLOUD_CONFIG, { text });
  if ('error' in imp) {
    void vscode.window.showErrorMessage(`vpnconf: ${imp.error}`);
    return undefined;
  }
  const i = imp.imported;
  const [a, b] = i.tunnels;
  const known: ScaffoldArgs = {
    peer: i.cloud,
    ...(a.peerOutside && b.peerOutside ? { peerOutside: [a.peerOutside, b.peerOutside] as [string, string] } : {}),
    ...(a.localOutside ? { localOutside: a.localOutside } : {}),
    ...(a.localId ? { localId: a.localId } : {}),
    ...(a.localAsn ? { localAsn: a.localAsn } : {}),
    ...(a.peerAsn ? { peerAsn: a.peerAsn } : {}),
    ...(i.format === 'aws-yamaha' && !args?.cpe ? { cpe: 'yamaha-rtx' as const } : {}),
    ...args,
  };
  const ctx = await client.sendRequest<ScaffoldContextResult>(SCAFFOLD_CONTEXT);
  const request = await askRequest(ctx, known, `${i.cloud.toUpperCase()} ${i.format}`);
  if (!request) return undefined;
  return run(client, { request, importText: text }, args?.save ?? true);
}

/** Asks for every field `args` does not set; undefined when the user cancels. */
async function askRequest(ctx: ScaffoldContextResult, args: ScaffoldArgs, imported: string | undefined): Promise<ScaffoldParams['request'] | undefined> {
  const title = imported ? `Scaffold from ${imported}` : 'Scaffold redundant tunnel pair';
  // With the device, the peer and the target given, nothing is asked: the server's defaults fill the rest.
  if (args.cpe && args.peer && args.target) return { ...args, cpe: args.cpe, target: args.target };
  const cpe: CpeKind | undefined =
    args.cpe ??
    (await pick<CpeKind>(`${title} (1/7): our device`, [
      { label: 'Libreswan + FRR', description: 'ipsec.d conns and secrets, FRR BGP', value: 'libreswan-frr' },
      { label: 'Yamaha RTX', description: 'tunnel select blocks and bgp lines', value: 'yamaha-rtx' },
    ]));
  if (!cpe) return undefined;
  let peer = args.peer;
  let peerTarget = args.peerTarget;
  const libreswanHosts = ctx.hosts.filter((h) => h.kind === 'libreswan');
  if (!peer) {
    const items: Array<vscode.QuickPickItem & { value: { peer: PeerKind; host?: HostSummary } }> = [
      { label: 'AWS', description: 'Site-to-Site VPN, Amazon ASN 64512', value: { peer: 'aws' } },
      { label: 'OCI', description: 'Site-to-Site VPN, Oracle ASN 31898', value: { peer: 'oci' } },
    ];
    if (cpe === 'libreswan-frr') for (const h of libreswanHosts) items.push({ label: `Libreswan host ${h.name}`, description: h.root, value: { peer: 'libreswan', host: h } });
    const got = await pick(`${title} (2/7): the peer`, items);
    if (!got) return undefined;
    peer = got.peer;
    peerTarget = got.host?.root ?? peerTarget;
  }
  const target = args.target ?? (await askTarget(ctx, cpe, peer, title));
  if (!target) return undefined;
  const twoOctet = cpe === 'yamaha-rtx' ? 65535 : 4294967295;
  const peerOutside = args.peerOutside ?? split((await ask(`${title} (4/7): the peer's two outside addresses`, DOC_PEERS[peer], validate.twoIpv4, 'tunnel 1, tunnel 2')) ?? '');
  if (peerOutside.length !== 2) return undefined;
  // The prefilled documentation addresses kept as they are: leave them to the server, which moves them to
  // addresses the host does not use yet (addresses the user typed are refused there if already in use).
  const keptDefault = !args.peerOutside && peerOutside.join(',') === split(DOC_PEERS[peer]).join(',');
  const localOutside = args.localOutside ?? (await ask(`${title} (5/7): our outside address`, '198.51.100.10', validate.ipv4, 'left= / ipsec ike local address'));
  if (!localOutside) return undefined;
  let localId = args.localId;
  if (localId === undefined && !args.localOutside) {
    const id = await ask(`${title} (5/7): our IKE ID behind NAT (empty: the outside address)`, '', validate.optionalId);
    if (id === undefined) return undefined;
    localId = id.trim() || undefined;
  }
  const localNets = args.localNets ?? split((await ask(`${title} (6/7): local networks to advertise`, '10.10.0.0/16', validate.nets)) ?? '');
  if (!localNets.length) return undefined;
  const existingAsn = ctx.hosts.find((h) => h.root === target)?.asn;
  const localAsnText = args.localAsn !== undefined ? String(args.localAsn) : await ask(`${title} (7/7): our ASN`, String(existingAsn ?? 65000), validate.asn(twoOctet));
  if (!localAsnText) return undefined;
  const peerAsnText = args.peerAsn !== undefined ? String(args.peerAsn) : await ask(`${title} (7/7): the peer's ASN`, String(PEER_ASN[peer]), validate.asn(twoOctet));
  if (!peerAsnText) return undefined;
  return {
    ...args,
    cpe,
    peer,
    target,
    ...(peerTarget ? { peerTarget } : {}),
    ...(keptDefault ? {} : { peerOutside: [peerOutside[0], peerOutside[1]] as [string, string] }),
    localOutside: localOutside.trim(),
    ...(localId ? { localId } : {}),
    localNets,
    localAsn: Number(localAsnText),
    peerAsn: Number(peerAsnText),
  };
}

/** Where our side goes: an existing host of the right kind, or a new folder / file in the workspace. */
async function askTarget(ctx: ScaffoldContextResult, cpe: CpeKind, peer: PeerKind, title: string): Promise<string | undefined> {
  const kind = cpe === 'yamaha-rtx' ? 'yamaha' : 'libreswan';
  const items: Array<vscode.QuickPickItem & { value: string }> = ctx.hosts.filter((h) => h.kind === kind).map((h) => ({ label: h.name, description: `add to ${h.root}`, value: h.root }));
  items.push({ label: cpe === 'yamaha-rtx' ? 'New command file…' : 'New host folder…', value: '' });
  const got = items.length > 1 ? await pick(`${title} (3/7): where our side goes`, items) : '';
  if (got === undefined) return undefined;
  if (got) return got;
  const folder = ctx.folders[0] ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    void vscode.window.showErrorMessage('vpnconf: open a folder first; the scaffold writes into the workspace.');
    return undefined;
  }
  const name = await ask(`${title} (3/7): new ${cpe === 'yamaha-rtx' ? 'file' : 'folder'} (relative to the workspace)`, cpe === 'yamaha-rtx' ? `rtx-${peer}.rtx` : `${peer}-gw`, (s) => (s.trim() && !s.includes('..') ? undefined : 'a relative path inside the workspace'));
  return name ? path.posix.join(folder.split(path.sep).join('/'), name.trim()) : undefined;
}

/** Sends the request, applies the edit (then saves the touched files unless `save` is false). */
async function run(client: LanguageClient, params: ScaffoldParams, save: boolean): Promise<ScaffoldOutcome | undefined> {
  const res = await client.sendRequest<ScaffoldResponse>(SCAFFOLD, params);
  if ('error' in res) {
    void vscode.window.showErrorMessage(`vpnconf: ${res.error}`);
    return undefined;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(res.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('vpnconf: the scaffold could not be written (a file already exists?).');
    return undefined;
  }
  const files = res.files.map((f) => f.path);
  if (save) {
    for (const f of files) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === vscode.Uri.file(f).fsPath);
      if (doc?.isDirty) await doc.save();
    }
  }
  const first = res.files.find((f) => !f.secret) ?? res.files[0];
  if (first) await vscode.window.showTextDocument(vscode.Uri.file(first.path), { preview: false });
  const secrets = res.files.filter((f) => f.secret).map((f) => path.basename(f.path));
  void vscode.window.showInformationMessage(`vpnconf: wrote ${files.length} file(s); PSKs written to ${secrets.join(', ')}. ${res.notes.join(' ')}`);
  return { files, notes: res.notes };
}
