import { libreswanHost, type EffectiveSetting, type LibreswanHost, type ResolvedConn } from './libreswan';
import type { Host } from '../workspace/hosts';
import type { WorkspaceSnapshot } from '../workspace/types';
import { parseCidr, parseCidrList, type Cidr } from './ip';
import { findPsk, hostPsks, idKey, type PskEntry } from './secrets';
import { sameData } from './same';
import { localIdKey, parseMark, remoteIdKey, type Fact, type TunnelEnd } from './tunnel-types';

/**
 * Adapter: the Libreswan conns of one host as tunnel ends. A conn is an end when it is loaded: not
 * `auto=ignore` and not used only as an `also=` template. Settings are read after `%default` and
 * `also=` are merged (model/libreswan.ts); the PSK is looked up in the host's secrets files the way
 * Libreswan does (model/secrets.ts).
 */
export function libreswanEnds(snapshot: WorkspaceSnapshot, host: Host): TunnelEnd[] {
  if (!host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan')) return [];
  const lh = libreswanHost(snapshot, host);
  const psks = hostPsks(snapshot, host);
  const templates = templateNames(lh);
  const out: TunnelEnd[] = [];
  for (const [name, defs] of lh.conns) {
    if (templates.has(name)) continue;
    const r = lh.resolve(defs[0]);
    if (r.settings.get('auto')?.setting.value?.text === 'ignore') continue;
    out.push(reusedEnd(host, r, psks));
  }
  return out;
}

/** Every effective setting `endOf` reads. */
const READ = ['left', 'right', 'leftid', 'rightid', 'authby', 'leftauth', 'rightauth', 'mark', 'mark-in', 'mark-out', 'vti-interface', 'vti-shared', 'leftvti', 'rightvti', 'leftsubnet', 'leftsubnets', 'rightsubnet', 'rightsubnets', 'ike', 'esp', 'phase2alg'];

/**
 * The end of a conn, reused from the previous build of its host when everything `endOf` reads is the same:
 * the conn's Section object (kept by the incremental parser while its lines are unchanged), its file URI,
 * the host, the host's PSK entries array, and each effective setting's Setting object and file URI. An
 * edit to one conn of a 250-conn file then rebuilds one end, and the per-end caches of the checks hit.
 */
const endMemo = new WeakMap<object, { sig: unknown[]; end: TunnelEnd }>();

function reusedEnd(host: Host, r: ResolvedConn, psks: readonly PskEntry[]): TunnelEnd {
  const sig: unknown[] = [host, r.def.file.uri, r.def.name, psks];
  for (const k of READ) {
    const e = r.settings.get(k);
    sig.push(e?.setting, e?.from.file.uri);
  }
  const hit = endMemo.get(r.def.section);
  if (hit && hit.sig.length === sig.length && hit.sig.every((x, i) => x === sig[i])) return hit.end;
  let end = endOf(host, r, psks);
  // A re-parsed conn whose end reads the same (a typo in a keyword the model ignores): keep the old end.
  let byName = latest.get(host);
  if (!byName) latest.set(host, (byName = new Map()));
  const before = byName.get(r.def.name);
  if (before && sameData(before, end, ['bgp'])) end = before;
  byName.set(r.def.name, end);
  endMemo.set(r.def.section, { sig, end });
  return end;
}

/** The last end built for each conn name of a host (before `attachBgp`'s copies, which compare equal anyway). */
const latest = new WeakMap<Host, Map<string, TunnelEnd>>();

/** Conns named by an `also=` of another conn: templates, not loaded on their own (unless they set `auto=`). */
export function templateNames(lh: LibreswanHost): Set<string> {
  const t = new Set<string>();
  for (const defs of lh.conns.values()) for (const s of defs[0].section.settings) if (s.key.toLowerCase() === 'also' && s.value) t.add(s.value.text);
  for (const name of [...t]) {
    const own = lh.conns.get(name)?.[0]?.section.settings.find((s) => s.key.toLowerCase() === 'auto');
    if (own?.value && own.value.text !== 'ignore') t.delete(name);
  }
  return t;
}

function fact<T>(s: EffectiveSetting | undefined, parse: (text: string) => T): Fact<T> | undefined {
  if (!s?.setting.value) return undefined;
  const text = s.setting.value.text;
  return { value: parse(text), text, uri: s.from.file.uri, range: s.setting.value.innerRange };
}

function cidrFact(s: EffectiveSetting | undefined): Fact<Cidr> | undefined {
  const f = fact(s, parseCidr);
  return f && f.value ? (f as Fact<Cidr>) : undefined;
}

function netFacts(...settings: Array<EffectiveSetting | undefined>): Fact<Cidr>[] {
  const out: Fact<Cidr>[] = [];
  for (const s of settings) {
    if (!s?.setting.value) continue;
    for (const c of parseCidrList(s.setting.value.text)) out.push({ value: c, text: c.networkText, uri: s.from.file.uri, range: s.setting.value.innerRange });
  }
  return out;
}

function endOf(host: Host, r: ResolvedConn, psks: readonly PskEntry[]): TunnelEnd {
  const get = (k: string): EffectiveSetting | undefined => r.settings.get(k);
  const leftText = get('left')?.setting.value?.text;
  const rightText = get('right')?.setting.value?.text;
  // Libreswan decides the local side by the host's interfaces; configs follow the "left is local"
  // convention, and `right=%defaultroute` (or only rightvti set) says the author flipped it.
  const flipped = rightText === '%defaultroute' || (!!get('rightvti') && !get('leftvti') && leftText !== '%defaultroute');
  const [L, R] = flipped ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const authby = fact(get('authby'), (t) => t);
  const auths = [authby?.text, get('leftauth')?.setting.value?.text, get('rightauth')?.setting.value?.text];
  const usesPsk = auths.some((a) => !!a && /(^|[,|\s])(secret|psk)([,|\s]|$)/.test(a));
  const end: TunnelEnd = {
    key: `${host.name}#${r.def.name}`,
    host,
    name: r.def.name,
    vendor: 'libreswan',
    uri: r.def.file.uri,
    nameRange: r.def.section.nameRange,
    declRange: r.def.section.range,
    localSide: L,
    local: fact(get(L), idKey),
    localId: fact(get(`${L}id`), idKey),
    remote: fact(get(R), idKey),
    remoteId: fact(get(`${R}id`), idKey),
    authby,
    usesPsk,
    psk: null,
    mark: fact(get('mark'), parseMark),
    markIn: fact(get('mark-in'), parseMark),
    markOut: fact(get('mark-out'), parseMark),
    vtiInterface: fact(get('vti-interface'), (t) => t),
    vtiShared: get('vti-shared')?.setting.value?.text === 'yes',
    insideLocal: cidrFact(get(`${L}vti`)),
    insideRemote: cidrFact(get(`${R}vti`)),
    localNets: netFacts(get(`${L}subnet`), get(`${L}subnets`)),
    remoteNets: netFacts(get(`${R}subnet`), get(`${R}subnets`)),
    ike: fact(get('ike'), (t) => t),
    esp: fact(get('esp') ?? get('phase2alg'), (t) => t),
    bgp: {},
  };
  if (usesPsk) {
    const p = findPsk(psks, localIdKey(end), remoteIdKey(end));
    if (p) end.psk = { psk: p, uri: p.file.uri, range: p.entry.secretRange ?? p.entry.range };
  }
  return end;
}
