import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import type { LanguageId } from '../core/types';

/**
 * Host grouping (DESIGN §3, contract): a host is the folder that holds `ipsec.conf`, or the parent of an
 * `ipsec.d/` or `frr/` folder, or else the file's own folder; a Yamaha command file is a host by itself.
 * A `vpnconf.json` file `{ "hosts": { "name": ["glob", ...] } }` overrides this for the files its globs
 * match (globs relative to the folder of vpnconf.json).
 */
export interface Host {
  /** Display name: the vpnconf.json name, or the host folder (or Yamaha file) path. */
  name: string;
  /** Absolute folder of the host (POSIX); for a Yamaha file, the file itself. */
  root: string;
  /** URIs of the host's files, sorted. */
  fileUris: string[];
}

/** All hosts of a snapshot, and the host of each file. */
export interface HostIndex {
  hosts: ReadonlyMap<string, Host>;
  hostOfUri: ReadonlyMap<string, Host>;
  /** Cloud peers declared in vpnconf.json `"peers"`: peer outside address (or ID, as written) -> cloud. */
  peers?: ReadonlyMap<string, PeerCloud>;
}

/** A cloud provider that can be named as a peer in vpnconf.json. */
export type PeerCloud = 'aws' | 'oci';

/** A file as host grouping sees it. */
export interface HostFile {
  uri: string;
  /** Absolute POSIX path. */
  path: string;
  languageId: LanguageId;
}

/** A parsed vpnconf.json: its folder and its host globs. */
export interface HostOverrides {
  /** Absolute POSIX folder of the vpnconf.json file. */
  base: string;
  hosts: Record<string, string[]>;
  /** `"peers": { "<peer address or ID>": "aws" | "oci" }`: the far end is that cloud (used by the cloud checks). */
  peers?: Record<string, PeerCloud>;
}

/** The default host folder of a file (DESIGN §3). */
export function defaultHostRoot(file: HostFile): string {
  if (file.languageId === 'yamaha-rtx') return file.path;
  const dir = posix.dirname(file.path);
  const name = posix.basename(dir);
  return name === 'ipsec.d' || name === 'frr' ? posix.dirname(dir) : dir;
}

/**
 * Groups files into hosts. `overrides` are applied in order; the first vpnconf.json host whose glob
 * matches a file wins. Pure; runs in O(files × globs).
 */
export function groupHosts(files: Iterable<HostFile>, overrides: readonly HostOverrides[] = []): HostIndex {
  const hosts = new Map<string, Host>();
  const hostOfUri = new Map<string, Host>();
  for (const f of files) {
    let key: string | null = null;
    let name = '';
    let root = '';
    for (const o of overrides) {
      for (const [hostName, globs] of Object.entries(o.hosts)) {
        const rel = posix.relative(o.base, f.path);
        if (!rel.startsWith('..') && globs.some((g) => minimatch(rel, g, { dot: true }))) {
          key = `json:${o.base}:${hostName}`;
          name = hostName;
          root = o.base;
          break;
        }
      }
      if (key) break;
    }
    if (!key) {
      root = defaultHostRoot(f);
      key = `dir:${root}`;
      name = root;
    }
    let host = hosts.get(key);
    if (!host) {
      host = { name, root, fileUris: [] };
      hosts.set(key, host);
    }
    host.fileUris.push(f.uri);
    hostOfUri.set(f.uri, host);
  }
  for (const h of hosts.values()) h.fileUris.sort();
  const peers = new Map<string, PeerCloud>();
  for (const o of overrides) for (const [k, v] of Object.entries(o.peers ?? {})) if (!peers.has(k)) peers.set(k, v);
  return { hosts, hostOfUri, peers };
}

/**
 * Reads a vpnconf.json text. Returns the overrides, or an error message (never throws) when the JSON is
 * malformed or not of the shape `{ "hosts": { "name": ["glob", ...] } }`.
 */
export function parseVpnconfJson(base: string, text: string): HostOverrides | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `vpnconf.json is not valid JSON: ${(e as Error).message}` };
  }
  const peers = parsePeers((data as { peers?: unknown } | null)?.peers);
  if (typeof peers === 'string') return { error: peers };
  const hostsField = (data as { hosts?: unknown } | null)?.hosts;
  if (hostsField === undefined) return { base, hosts: {}, ...(peers ? { peers } : {}) };
  if (typeof hostsField !== 'object' || hostsField === null || Array.isArray(hostsField)) return { error: 'vpnconf.json: "hosts" must be an object of name -> array of globs.' };
  const hosts: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(hostsField)) {
    if (!Array.isArray(v) || !v.every((g) => typeof g === 'string')) return { error: `vpnconf.json: host "${k}" must map to an array of glob strings.` };
    hosts[k] = v as string[];
  }
  return { base, hosts, ...(peers ? { peers } : {}) };
}

/** Reads the optional `"peers"` object; returns an error message when malformed. */
function parsePeers(field: unknown): Record<string, PeerCloud> | undefined | string {
  if (field === undefined) return undefined;
  if (typeof field !== 'object' || field === null || Array.isArray(field)) return 'vpnconf.json: "peers" must be an object of peer address -> "aws" | "oci".';
  const out: Record<string, PeerCloud> = {};
  for (const [k, v] of Object.entries(field)) {
    if (v !== 'aws' && v !== 'oci') return `vpnconf.json: peer "${k}" must map to "aws" or "oci".`;
    out[k] = v;
  }
  return out;
}
