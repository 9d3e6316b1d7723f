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
}

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
  return { hosts, hostOfUri };
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
  const hostsField = (data as { hosts?: unknown } | null)?.hosts;
  if (hostsField === undefined) return { base, hosts: {} };
  if (typeof hostsField !== 'object' || hostsField === null || Array.isArray(hostsField)) return { error: 'vpnconf.json: "hosts" must be an object of name -> array of globs.' };
  const hosts: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(hostsField)) {
    if (!Array.isArray(v) || !v.every((g) => typeof g === 'string')) return { error: `vpnconf.json: host "${k}" must map to an array of glob strings.` };
    hosts[k] = v as string[];
  }
  return { base, hosts };
}
