import { mergePeersFile } from '../features/scaffold/peers-file';
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultRequest, generate, parseCloudConfig, requestFromImport, type CpeKind, type PeerKind, type ScaffoldRequest } from '../features/scaffold';
import { readDiskFile, toPosix, walk } from '../workspace/disk';
import { uriOfPath, WorkspaceStore } from '../workspace/workspace';

/** Usage text of `vpnconf scaffold`. */
export const SCAFFOLD_USAGE = `usage: vpnconf scaffold --cpe libreswan-frr|yamaha-rtx --cloud aws|oci|libreswan --out DIR [options]
  --peer-address A,B     the peer's two outside addresses (default: documentation addresses the
                         host does not use yet; given addresses it already uses are refused)
  --local-address A      our outside address (default 198.51.100.10)
  --local-id ID          our IKE ID when behind NAT (public address or @fqdn)
  --local-nets N,...     networks we announce over BGP (default 10.10.0.0/16)
  --local-asn N          our ASN (default 65000)    --peer-asn N   the peer's (AWS 64512, OCI 31898)
  --lan-gateway A        next hop of the static routes of the local networks (default Null0)
  --peer-out DIR         --cloud libreswan: the peer host's folder (its side is written too)
  --peer-nets N,...      --cloud libreswan: networks the peer announces
  --import FILE          read both tunnels from an AWS (Generic or Yamaha) or OCI (Libreswan) download
  --force                write into folders that already hold files (append to FRR/Yamaha files)
Pre-shared keys are generated with a CSPRNG unless imported; they are written to the secrets (or .rtx)
file and never printed.
`;

/** Parsed `scaffold` arguments. */
export interface ScaffoldArgs {
  request: ScaffoldRequest;
  force: boolean;
}

const OPTIONS = new Set(['--cpe', '--cloud', '--out', '--peer-address', '--local-address', '--local-id', '--local-nets', '--local-asn', '--peer-asn', '--lan-gateway', '--peer-out', '--peer-nets', '--import']);

/** Parses `scaffold` arguments; returns an error message for bad usage. `cwd` resolves relative paths. */
export function parseScaffoldArgs(argv: readonly string[], cwd = process.cwd()): ScaffoldArgs | string {
  const o = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') {
      force = true;
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(0, eq) : a;
    if (!OPTIONS.has(key)) return a.startsWith('-') ? `unknown option ${a}` : `unexpected argument ${a}`;
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined || v === '') return `${key} needs a value`;
    o.set(key, v);
  }
  const cpe = o.get('--cpe');
  if (cpe !== 'libreswan-frr' && cpe !== 'yamaha-rtx') return `--cpe takes libreswan-frr or yamaha-rtx (got ${cpe ?? 'nothing'})`;
  const out = o.get('--out');
  if (!out) return '--out DIR is required';
  const target = toPosix(resolve(cwd, out));
  let request: ScaffoldRequest;
  const imp = o.get('--import');
  if (imp) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, imp), 'utf8');
    } catch {
      return `cannot read ${imp}`;
    }
    const parsed = parseCloudConfig(text);
    if (!parsed) return `${imp} is not an AWS (Generic or Yamaha) or OCI (Libreswan) VPN configuration download`;
    if (o.has('--cloud') && o.get('--cloud') !== parsed.cloud) return `${imp} is a ${parsed.cloud} download, not ${o.get('--cloud')}`;
    request = requestFromImport(parsed, cpe, target);
  } else {
    const cloud = o.get('--cloud');
    if (cloud !== 'aws' && cloud !== 'oci' && cloud !== 'libreswan') return `--cloud takes aws, oci or libreswan (got ${cloud ?? 'nothing'})`;
    request = defaultRequest(cpe as CpeKind, cloud as PeerKind, target);
  }
  const list = (k: string): string[] | undefined => o.get(k)?.split(',').map((s) => s.trim()).filter(Boolean);
  const asn = (k: string): number | undefined => (o.has(k) ? Number(o.get(k)) : undefined);
  const peers = list('--peer-address');
  if (peers) {
    if (peers.length !== 2) return '--peer-address takes two addresses: A,B';
    request.peerOutside = [peers[0], peers[1]];
    request.peerOutsideDefaulted = false;
  }
  if (o.has('--local-address')) {
    request.localOutside = o.get('--local-address')!;
    request.localOutsideDefaulted = false;
  }
  if (o.has('--local-id')) request.localId = o.get('--local-id')!;
  if (o.has('--lan-gateway')) request.lanGateway = o.get('--lan-gateway')!;
  request.localNets = list('--local-nets') ?? request.localNets;
  request.peerNets = list('--peer-nets') ?? request.peerNets;
  request.localAsn = asn('--local-asn') ?? request.localAsn;
  request.peerAsn = asn('--peer-asn') ?? request.peerAsn;
  if (o.has('--peer-out')) request.peerTarget = toPosix(resolve(cwd, o.get('--peer-out')!));
  if (request.peer !== 'libreswan') request.peersFile = `${target.replace(/\/[^/]*\.rtx$/i, '')}/vpnconf.json`;
  return { request, force };
}

/** Result of a scaffold run: what to print, on which stream, and the exit code. */
export interface ScaffoldOutcome {
  output: string;
  exitCode: 0 | 2;
}

/**
 * Runs `vpnconf scaffold`: reads the target folders (so new names and addresses avoid what is there),
 * generates both tunnels and writes the files. Refuses (exit 2) to touch existing files unless `force`.
 */
export function runScaffold(args: ScaffoldArgs): ScaffoldOutcome {
  const r = args.request;
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  for (const dir of [r.target, r.peerTarget]) {
    if (!dir || !existsSync(dir)) continue;
    const listing = walk(dir);
    for (const f of listing.files) {
      const d = readDiskFile(f);
      if (!d.problem) store.set(uriOfPath(d.path), d.text, 0);
    }
  }
  let result;
  try {
    result = generate(r, store.snapshot());
  } catch (e) {
    return { output: `vpnconf: ${(e as Error).message}\n`, exitCode: 2 };
  }
  const existing = result.files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length && !args.force) {
    return { output: `vpnconf: refusing to change existing files (use --force): ${existing.join(', ')}\n`, exitCode: 2 };
  }
  const lines: string[] = [];
  for (const f of result.files) {
    mkdirSync(dirname(f.path), { recursive: true });
    if (f.path === r.peersFile && existsSync(f.path)) writeFileSync(f.path, mergePeersFile(readFileSync(f.path, 'utf8'), f.text));
    else if (f.mode === 'append' && existsSync(f.path)) appendFileSync(f.path, f.text);
    else writeFileSync(f.path, f.text, { mode: f.secret ? 0o600 : 0o644 });
    lines.push(`${f.mode === 'append' ? 'appended to' : 'wrote'} ${f.path}`);
  }
  for (const f of result.files) if (f.secret) lines.push(`PSKs written to ${f.path}`);
  lines.push(...result.notes);
  return { output: lines.join('\n') + '\n', exitCode: 0 };
}
