import { posix } from 'node:path';
import { Minimatch } from 'minimatch';
import type { Range } from '../core/types';
import type { Section, Setting } from '../languages/libreswan/ast';
import { findKeyword, type KeywordSpec, type LibreswanVersion } from '../languages/libreswan/keywords';
import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { libreswanFilesByDir, type FilesByDir } from './files-by-dir';

export { libreswanFilesByDir, type FilesByDir } from './files-by-dir';

/** A `conn` section and the file it is written in. */
export interface ConnDef {
  name: string;
  file: AnalyzedFile;
  section: Section;
}

/** A setting as it applies to a conn after `%default` and `also=` are merged in. */
export interface EffectiveSetting {
  spec: KeywordSpec;
  side: 'left' | 'right' | null;
  setting: Setting;
  /** The conn (or `%default`) the setting is written in, and its file. */
  from: ConnDef;
}

/** A conn with its effective settings, keyed by canonical spelling (`leftsubnet`, `ipsec-lifetime`). */
export interface ResolvedConn {
  def: ConnDef;
  settings: Map<string, EffectiveSetting>;
}

/** An `also=` reference that names no conn of the host. */
export interface AlsoMissing {
  def: ConnDef;
  setting: Setting;
  target: string;
}

/** An `also=` chain that comes back to a conn already on the chain. */
export interface AlsoCycle {
  def: ConnDef;
  setting: Setting;
  chain: string[];
}

/**
 * An `include` that matches no file of the workspace, one that leads back to its own file, or one in a file
 * already nested as deep as Libreswan reads (`too-deep`, see INCLUDE_DEPTH_LIMIT).
 */
export interface IncludeProblem {
  file: AnalyzedFile;
  range: Range;
  path: string;
  kind: 'missing' | 'cycle' | 'too-deep';
  chain?: string[];
}

/** Everything Libreswan-specific that is joined across the files of one host. */
export interface LibreswanHost {
  host: Host;
  /** Conns by name, in file order (more than one = duplicate). `%default` is kept apart. */
  conns: Map<string, ConnDef[]>;
  defaults: ConnDef[];
  alsoMissing: AlsoMissing[];
  alsoCycles: AlsoCycle[];
  includeProblems: IncludeProblem[];
  /** Resolves a conn's effective settings (memoized). */
  resolve(def: ConnDef): ResolvedConn;
}

/** Canonical spelling of a setting's keyword (aliases mapped to their replacement). */
export function canonicalKey(spec: KeywordSpec, side: 'left' | 'right' | null, version: LibreswanVersion): string {
  const name = spec.status[version] === 'deprecated' && spec.replacement[version] ? spec.replacement[version]! : spec.name;
  return spec.leftright ? `${side}${name}` : name;
}

/**
 * Host models, reused across snapshots while none of the host's files changed (same AnalyzedFile objects)
 * and the Libreswan version is the same. Sound because a Host object lives only as long as the set of
 * workspace files and the vpnconf.json overrides: any file added or removed regroups hosts into new Host
 * objects, and include resolution depends only on the host's own files and the set of file paths.
 * Before this, every snapshot (every keystroke) rebuilt every host of the workspace.
 */
const cache = new WeakMap<Host, { files: readonly (AnalyzedFile | undefined)[]; version: LibreswanVersion; model: LibreswanHost }>();

/** The Libreswan view of one host of a snapshot (memoized per host while its files are unchanged). */
export function libreswanHost(snapshot: WorkspaceSnapshot, host: Host): LibreswanHost {
  const files = host.fileUris.map((u) => snapshot.files.get(u));
  const version = snapshot.options.libreswanVersion;
  const hit = cache.get(host);
  if (hit && hit.version === version && hit.files.length === files.length && hit.files.every((f, i) => f === files[i])) return hit.model;
  const model = buildHost(snapshot, host);
  cache.set(host, { files, version, model });
  return model;
}

/**
 * Drops the cached model of `host` (CLI streaming: the host's files are done, and the cache would keep
 * their ASTs alive until the end of the run). The next `libreswanHost` call rebuilds it.
 */
export function forgetLibreswanHost(host: Host): void {
  cache.delete(host);
}

/** Every host of the snapshot that holds at least one Libreswan ipsec.conf-format file. */
export function libreswanHosts(snapshot: WorkspaceSnapshot): LibreswanHost[] {
  const out: LibreswanHost[] = [];
  for (const host of snapshot.hosts.hosts.values()) {
    if (host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan')) out.push(libreswanHost(snapshot, host));
  }
  return out;
}

function buildHost(snapshot: WorkspaceSnapshot, host: Host): LibreswanHost {
  const version = snapshot.options.libreswanVersion;
  const files = host.fileUris.map((u) => snapshot.files.get(u)).filter((f): f is AnalyzedFile => f?.languageId === 'libreswan');
  const conns = new Map<string, ConnDef[]>();
  const defaults: ConnDef[] = [];
  for (const file of files) {
    if (file.parsed.languageId !== 'libreswan') continue;
    for (const section of file.parsed.ast.sections) {
      if (section.kind !== 'conn') continue;
      const def: ConnDef = { name: section.name, file, section };
      if (section.name === '%default') defaults.push(def);
      else {
        const list = conns.get(section.name) ?? [];
        list.push(def);
        conns.set(section.name, list);
      }
    }
  }
  const alsoMissing: AlsoMissing[] = [];
  const alsoCycles: AlsoCycle[] = [];
  const resolved = new Map<ConnDef, ResolvedConn>();

  const alsoOf = (def: ConnDef): Setting[] => def.section.settings.filter((s) => s.key.toLowerCase() === 'also' && s.value);

  // Detect missing targets and cycles once per conn, iteratively (chains may be thousands deep).
  for (const defs of conns.values()) {
    for (const def of defs) {
      for (const s of alsoOf(def)) {
        const target = s.value!.text;
        if (!conns.has(target)) alsoMissing.push({ def, setting: s, target });
      }
    }
  }
  findCycles(conns, alsoOf, alsoCycles);

  // Effective settings without %default, computed bottom-up over the also= graph with an iterative
  // post-order walk (chains may be 10,000 deep); a conn met again while in progress (a cycle) is skipped.
  const chainMaps = new Map<ConnDef, Map<string, EffectiveSetting>>();
  const own = (d: ConnDef): Map<string, EffectiveSetting> => {
    const m = new Map<string, EffectiveSetting>();
    for (const s of d.section.settings) {
      const k = findKeyword(s.key, 'conn');
      if (!k || k.spec.name === 'also') continue;
      const key = canonicalKey(k.spec, k.side, version);
      if (!m.has(key)) m.set(key, { spec: k.spec, side: k.side, setting: s, from: d });
    }
    return m;
  };
  const targetsOf = (d: ConnDef): ConnDef[] => alsoOf(d).map((s) => conns.get(s.value!.text)?.[0]).filter((x): x is ConnDef => !!x);
  const chain = (root: ConnDef): Map<string, EffectiveSetting> => {
    const done = chainMaps.get(root);
    if (done) return done;
    const grey = new Set<ConnDef>([root]);
    const stack: Array<{ d: ConnDef; targets: ConnDef[]; i: number }> = [{ d: root, targets: targetsOf(root), i: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i < top.targets.length) {
        const t = top.targets[top.i++];
        if (!chainMaps.has(t) && !grey.has(t)) {
          grey.add(t);
          stack.push({ d: t, targets: targetsOf(t), i: 0 });
        }
        continue;
      }
      const m = own(top.d);
      for (const t of top.targets) for (const [k, v] of chainMaps.get(t) ?? []) if (!m.has(k)) m.set(k, v);
      chainMaps.set(top.d, m);
      grey.delete(top.d);
      stack.pop();
    }
    return chainMaps.get(root)!;
  };
  const defaultMaps = defaults.map(own);
  const resolve = (def: ConnDef): ResolvedConn => {
    const done = resolved.get(def);
    if (done) return done;
    const settings = new Map(chain(def));
    for (const dm of defaultMaps) for (const [k, v] of dm) if (!settings.has(k)) settings.set(k, v);
    const r = { def, settings };
    resolved.set(def, r);
    return r;
  };

  return { host, conns, defaults, alsoMissing, alsoCycles, includeProblems: includeProblems(snapshot, files), resolve };
}

/** Finds `also=` cycles with an iterative DFS (white/grey/black), reporting each cycle once at the setting that closes it. */
function findCycles(conns: Map<string, ConnDef[]>, alsoOf: (d: ConnDef) => Setting[], out: AlsoCycle[]): void {
  const state = new Map<ConnDef, 1 | 2>();
  for (const defs of conns.values()) {
    for (const root of defs) {
      if (state.has(root)) continue;
      const stack: Array<{ def: ConnDef; edges: Setting[]; i: number }> = [{ def: root, edges: alsoOf(root), i: 0 }];
      state.set(root, 1);
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top.i >= top.edges.length) {
          state.set(top.def, 2);
          stack.pop();
          continue;
        }
        const s = top.edges[top.i++];
        const next = conns.get(s.value!.text)?.[0];
        if (!next) continue;
        const st = state.get(next);
        if (st === 1) {
          const from = stack.findIndex((f) => f.def === next);
          out.push({ def: top.def, setting: s, chain: [...stack.slice(from).map((f) => f.def.name), next.name] });
        } else if (st === undefined) {
          state.set(next, 1);
          stack.push({ def: next, edges: alsoOf(next), i: 0 });
        }
      }
    }
  }
}

/**
 * Resolves `include` lines against the workspace: relative paths against the including file's folder;
 * absolute paths as written, else re-rooted at the host (`/etc/ipsec.d/*.conf` → `HOST/ipsec.d/*.conf`,
 * the layout of a config folder copied from /etc). A path without a wildcard that matches nothing is
 * missing (Libreswan warns "could not open include filename"); an unmatched glob is fine, as in Libreswan.
 */
function includeProblems(snapshot: WorkspaceSnapshot, files: AnalyzedFile[]): IncludeProblem[] {
  const all = libreswanFilesByDir(snapshot);
  const out: IncludeProblem[] = [];
  const edges = new Map<AnalyzedFile, Array<{ to: AnalyzedFile; range: Range; path: string }>>();
  for (const file of files) {
    if (file.parsed.languageId !== 'libreswan') continue;
    const list: Array<{ to: AnalyzedFile; range: Range; path: string }> = [];
    for (const inc of file.parsed.ast.includes) {
      const matches = resolveInclude(file.path, inc.path, all);
      if (matches.length === 0 && !/[*?[]/.test(inc.path)) out.push({ file, range: inc.pathRange, path: inc.path, kind: 'missing' });
      for (const m of matches) list.push({ to: m, range: inc.pathRange, path: inc.path });
    }
    edges.set(file, list);
  }
  // A file that can reach itself through includes loops until Libreswan's depth limit (10).
  for (const start of files) {
    for (const e of edges.get(start) ?? []) {
      const seen = new Set<AnalyzedFile>();
      const stack: Array<{ f: AnalyzedFile; chain: string[] }> = [{ f: e.to, chain: [start.path, e.to.path] }];
      while (stack.length) {
        const { f, chain } = stack.pop()!;
        if (f === start) {
          out.push({ file: start, range: e.range, path: e.path, kind: 'cycle', chain });
          break;
        }
        if (seen.has(f)) continue;
        seen.add(f);
        for (const n of edges.get(f) ?? []) stack.push({ f: n.to, chain: [...chain, n.to.path] });
      }
    }
  }
  tooDeep(files, edges, out);
  return out;
}

/**
 * Libreswan reads at most this many files down one include chain, the top file counted: with ipsec.conf →
 * inc0 → … → inc9, `addconn --listall` (4.10) lists the conns of inc0…inc8 and silently drops inc9 (its
 * parser stops at an include depth of 10 and only warns "exceeds max inclusion depth").
 */
export const INCLUDE_DEPTH_LIMIT = 10;

/**
 * Adds a `too-deep` problem for each include line in a file at nesting depth INCLUDE_DEPTH_LIMIT - 1 (the
 * top file is depth 0): what it names is never read. Top files are those no other file includes; each
 * (file, depth) pair is walked once, so globs and diamonds stay linear. Lines already reported as a cycle
 * are left to include-cycle.
 */
function tooDeep(files: AnalyzedFile[], edges: Map<AnalyzedFile, Array<{ to: AnalyzedFile; range: Range; path: string }>>, out: IncludeProblem[]): void {
  const included = new Set<AnalyzedFile>();
  for (const list of edges.values()) for (const e of list) included.add(e.to);
  const cycles = new Set(out.filter((p) => p.kind === 'cycle').map((p) => p.range));
  const seen = new Set<string>();
  const reported = new Set<Range>();
  const stack: Array<{ f: AnalyzedFile; depth: number }> = files.filter((f) => edges.has(f) && !included.has(f)).map((f) => ({ f, depth: 0 }));
  while (stack.length) {
    const { f, depth } = stack.pop()!;
    const key = `${f.uri}\u0000${depth}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const e of edges.get(f) ?? []) {
      if (depth + 1 < INCLUDE_DEPTH_LIMIT) {
        stack.push({ f: e.to, depth: depth + 1 });
      } else if (!cycles.has(e.range) && !reported.has(e.range)) {
        reported.add(e.range);
        out.push({ file: f, range: e.range, path: e.path, kind: 'too-deep' });
      }
    }
  }
}

/**
 * The paths an include pattern is tried as, in order (see includeProblems for the rules): relative to the
 * including file's folder; an absolute path as written, then re-rooted at the host for `/etc/...` paths.
 */
export function includeTries(fromPath: string, pattern: string): string[] {
  const dir = posix.dirname(fromPath);
  const tries: string[] = [];
  if (pattern.startsWith('/')) {
    tries.push(pattern);
    const m = /^\/etc\/(?:ipsec\.d\/|libreswan\/)?(.*)$/.exec(pattern);
    if (m) {
      const hostRoot = posix.basename(dir) === 'ipsec.d' ? posix.dirname(dir) : dir;
      const rest = pattern.slice('/etc/'.length);
      tries.push(posix.join(hostRoot, rest));
    }
  } else {
    tries.push(posix.join(dir, pattern));
  }
  return tries;
}

/** True when the folder part of an include try holds a wildcard (then every Libreswan file is a candidate). */
export const isGlobDir = (t: string): boolean => /[*?[{]/.test(posix.dirname(t));

/** The workspace files an include pattern matches (see includeProblems for the rules). */
export function resolveInclude(fromPath: string, pattern: string, byDir: FilesByDir): AnalyzedFile[] {
  for (const t of includeTries(fromPath, pattern)) {
    const candidates = isGlobDir(t) ? [...byDir.values()].flat() : (byDir.get(posix.dirname(t)) ?? []);
    if (!candidates.length) continue;
    // One compiled pattern per try, not one per candidate file.
    const mm = new Minimatch(t, { dot: false });
    const hits = candidates.filter((c) => c.path === t || mm.match(c.path));
    if (hits.length) return hits;
  }
  return [];
}
