import { posix } from 'node:path';
import { addressText, cidrOf, parseCidr, peerOf } from '../../model/ip';
import type { WorkspaceSnapshot } from '../../workspace/types';
import { collectTaken, freeInside, freeName, freeNumber, freePeerAddress, freeVti, hostAt, type Taken } from './allocate';
import { renderBgp, renderStatic } from './frr';
import { INCLUDE_LINE, renderConns, renderIpsecConf, renderSecrets } from './libreswan';
import { peerLabel, type SidePlan, type TunnelPlan } from './plan';
import { generatePsk, type RandomSource } from './psk';
import { validateRequest } from './request';
import type { ScaffoldFile, ScaffoldRequest, ScaffoldResult } from './types';
import { renderYamaha } from './yamaha';

export * from './types';
export { defaultRequest, validateRequest } from './request';
export { parseCloudConfig, requestFromImport } from './import';

/**
 * The scaffold generator (pure apart from the injected random source): both tunnels of a redundant pair
 * for a Libreswan + FRR or Yamaha RTX CPE facing AWS, OCI or another Libreswan host. With a snapshot it
 * picks inside /30s, marks, VTI names, conn/policy names and Yamaha numbers that collide with nothing
 * there, appends to the host's existing FRR / Yamaha files and creates the rest.
 * Throws an Error listing the problems when the request is invalid (messages never hold a PSK).
 */
export function generate(request: ScaffoldRequest, snapshot?: WorkspaceSnapshot, random?: RandomSource): ScaffoldResult {
  const problems = validateRequest(request);
  if (problems.length) throw new Error(problems.join('; '));
  const out = request.target.replace(/\/+$/, '');
  const target = request.cpe === 'yamaha-rtx' ? routerFile(snapshot, out, request) : out;
  const host = snapshot && hostAt(snapshot, target);
  const taken = collectTaken(snapshot, [host]);
  const peerHost = request.peerTarget && snapshot ? hostAt(snapshot, request.peerTarget.replace(/\/+$/, '')) : undefined;
  const peerTaken = request.peer === 'libreswan' ? collectTaken(snapshot, [peerHost]) : undefined;
  if (peerTaken) {
    peerTaken.inside = taken.inside;
    for (const m of peerTaken.marks) taken.marks.add(m);
    for (const v of peerTaken.vtis) taken.vtis.add(v);
  }
  const notes: string[] = [];
  // A host has one outside address: new tunnels on a host with tunnels use theirs unless the user gave one.
  if (request.localOutsideDefaulted && taken.localOutside) request = { ...request, localOutside: taken.localOutside };
  request = { ...request, peerOutside: peerAddresses(request, taken, notes, host?.root ?? target) };
  const ours = planSide(request, taken, random, notes);
  const files: ScaffoldFile[] = [];
  const read = (p: string): string | undefined => snapshotText(snapshot, p);
  if (request.cpe === 'libreswan-frr') files.push(...libreswanFiles(target, ours, taken, read));
  else files.push(yamahaFile(target, ours, taken, read));
  if (peerTaken && request.peerTarget) {
    const mirror = mirrorSide(request, ours);
    files.push(...libreswanFiles(request.peerTarget.replace(/\/+$/, ''), mirror, peerTaken, read));
  }
  if (request.peersFile && request.peer !== 'libreswan') {
    const peers = Object.fromEntries(request.peerOutside.map((a) => [a, request.peer]));
    files.push({ path: request.peersFile, text: JSON.stringify({ peers }, null, 2) + '\n', mode: 'create' });
  }
  for (const f of files) if (f.mode === 'append') f.text = joinAppend(read(f.path) ?? '', f.text);
  return { files, notes };
}

/**
 * The peer outside addresses to use. Defaulted ones (`peerOutsideDefaulted`) move to documentation
 * addresses the host does not use yet, so a second pair on one host never repeats an ID pair (and so
 * never writes a second secrets entry for it). Addresses the user gave are kept, and refused with an Error
 * when a conn, tunnel or secrets entry of the host already uses them as a peer or ID.
 */
function peerAddresses(r: ScaffoldRequest, taken: Taken, notes: string[], where: string): [string, string] {
  if (r.peerOutsideDefaulted) {
    const picked: string[] = [];
    for (const a of r.peerOutside) picked.push(freePeerAddress(taken, a, picked));
    const moved = picked.some((a, i) => a !== r.peerOutside[i]);
    if (moved) notes.push(`The default peer addresses are in use on this host; the new tunnels use ${picked.join(' and ')} (documentation addresses: put the real ones in).`);
    return [picked[0], picked[1]];
  }
  const clashes = r.peerOutside.flatMap((a) => {
    const hit = taken.peers.get(`ip:${parseCidr(a)?.address ?? a}`);
    return hit ? [`${a} (${hit.what} in ${hit.path})`] : [];
  });
  if (clashes.length) {
    throw new Error(`the peer address${clashes.length > 1 ? 'es' : ''} ${clashes.join(', ')} already ha${clashes.length > 1 ? 've' : 's'} a tunnel or secrets entry on ${where}; a second pair to the same peer would repeat its IDs and secrets. Give other peer addresses, or remove the existing tunnel first.`);
  }
  return r.peerOutside;
}

/** Decides both tunnels of our side. */
function planSide(r: ScaffoldRequest, taken: Taken, random: RandomSource | undefined, notes: string[]): SidePlan {
  const existingAsn = r.cpe === 'yamaha-rtx' ? taken.yamaha.asn : taken.frrAsn;
  let localAsn = r.localAsn;
  if (existingAsn !== undefined && existingAsn !== localAsn) {
    notes.push(`The host already runs BGP as AS ${existingAsn}; the new neighbors use it instead of ${localAsn}.`);
    localAsn = existingAsn;
  }
  const base = r.peer === 'libreswan' ? posix.basename(r.peerTarget ?? 'peer') : r.peer;
  const cloudFirst = r.peer === 'aws';
  const tunnels = [0, 1].map((i): TunnelPlan => {
    let local: string;
    let peer: string;
    if (r.insideLocal) {
      const c = parseCidr(r.insideLocal[i].includes('/') ? r.insideLocal[i] : `${r.insideLocal[i]}/30`)!;
      local = `${c.address}/${c.prefix}`;
      peer = r.insidePeer ? r.insidePeer[i].split('/')[0] : addressText(4, peerOf(c) ?? c.network + 1n);
      taken.inside.push(cidrOf(4, c.addr, Math.min(c.prefix, 30)));
    } else {
      const c = freeInside(taken);
      if (!c) throw new Error('no free /30 left in 169.254.0.0/16');
      const [mine, theirs] = cloudFirst ? [2n, 1n] : [1n, 2n];
      local = `${addressText(4, c.network + mine)}/30`;
      peer = addressText(4, c.network + theirs);
    }
    const prefixLength = Number(local.split('/')[1]);
    return {
      index: i + 1,
      name: freeName(taken.names, `${base}-tunnel-${i + 1}`),
      peerOutside: r.peerOutside[i],
      psk: r.psks?.[i] ?? generatePsk(random),
      insideLocal: local,
      insidePeer: peer,
      prefixLength,
      mark: freeNumber(taken.marks),
      vti: freeVti(taken.vtis),
    };
  }) as [TunnelPlan, TunnelPlan];
  for (const t of tunnels) {
    notes.push(`Tunnel ${t.index} (${t.name}): peer ${t.peerOutside}, inside ${t.insideLocal} (${peerLabel(r.peer, base)} ${t.insidePeer})` + (r.cpe === 'libreswan-frr' ? `, mark ${t.mark}, ${t.vti}.` : '.'));
  }
  if (r.peer === 'aws') notes.push('On AWS, set each tunnel\'s inside IPv4 CIDR and pre-shared key to these values (tunnel options), and the customer gateway ASN to ' + localAsn + '.');
  if (r.peer === 'oci') notes.push('On OCI, enter these inside tunnel interfaces (CPE / Oracle), the shared secrets and the customer BGP ASN ' + localAsn + ' in the IPSec connection\'s tunnels.');
  notes.push(...(r.importNotes ?? []));
  return {
    peer: r.peer,
    localOutside: r.localOutside,
    ...(r.localId ? { localId: r.localId } : {}),
    localNets: r.localNets,
    localAsn,
    peerAsn: r.peerAsn,
    ...(r.lanGateway ? { lanGateway: r.lanGateway } : {}),
    tunnels,
    base,
  };
}

/** The Libreswan peer's side: the same tunnels seen from the other end. */
function mirrorSide(r: ScaffoldRequest, ours: SidePlan): SidePlan {
  const tunnels = ours.tunnels.map((t) => ({
    ...t,
    name: `${posix.basename(r.target)}-tunnel-${t.index}`,
    localOutside: t.peerOutside,
    peerOutside: ours.localOutside,
    insideLocal: `${t.insidePeer}/${t.prefixLength}`,
    insidePeer: t.insideLocal.split('/')[0],
  })) as [TunnelPlan, TunnelPlan];
  return {
    peer: 'libreswan',
    localOutside: r.peerOutside[0],
    ...(ours.localId ? { remoteId: ours.localId } : {}),
    localNets: r.peerNets ?? ['10.20.0.0/16'],
    localAsn: ours.peerAsn,
    peerAsn: ours.localAsn,
    tunnels,
    base: posix.basename(r.target),
  };
}

/** Files of a Libreswan + FRR side below host folder `dir`. */
function libreswanFiles(dir: string, side: SidePlan, taken: Taken, read: (p: string) => string | undefined): ScaffoldFile[] {
  const out: ScaffoldFile[] = [];
  const conf = `${dir}/ipsec.conf`;
  const confText = read(conf);
  if (confText === undefined) out.push({ path: conf, text: renderIpsecConf(), mode: 'create' });
  else if (!/^\s*include\s+\S*ipsec\.d\/\S*\.conf/m.test(confText)) out.push({ path: conf, text: INCLUDE_LINE, mode: 'append' });
  const names = new Set([...taken.paths].filter((p) => p.startsWith(`${dir}/ipsec.d/`)).map((p) => posix.basename(p).replace(/\.(conf|secrets)$/, '')));
  const base = freeName(names, side.base);
  out.push({ path: `${dir}/ipsec.d/${base}.conf`, text: renderConns(side), mode: 'create' });
  out.push({ path: `${dir}/ipsec.d/${base}.secrets`, text: renderSecrets(side), mode: 'create', secret: true });
  const upper = side.base.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
  const frrNames = {
    routeMapIn: freeName(taken.names, `${upper}-IN`),
    routeMapOut: freeName(taken.names, `${upper}-OUT`),
    prefixList: freeName(taken.names, `${upper}-OUT-NETS`),
  };
  const integrated = `${dir}/frr/frr.conf`;
  if (read(integrated) !== undefined) {
    out.push({ path: integrated, text: renderBgp(side, frrNames, false) + renderStatic(side, false), mode: 'append' });
    return out;
  }
  const bgpd = `${dir}/frr/bgpd.conf`;
  const staticd = `${dir}/frr/staticd.conf`;
  const hasBgpd = read(bgpd) !== undefined;
  const hasStatic = read(staticd) !== undefined;
  out.push({ path: bgpd, text: renderBgp(side, frrNames, !hasBgpd), mode: hasBgpd ? 'append' : 'create' });
  out.push({ path: staticd, text: renderStatic(side, !hasStatic), mode: hasStatic ? 'append' : 'create' });
  return out;
}

/**
 * The Yamaha router file for `--out`: a `.rtx` path as given; for a folder, the one Yamaha file directly in
 * it (a router is one file, so new tunnels join it and take its free numbers), else `FOLDER/<peer>.rtx`.
 * Throws when the folder holds several Yamaha files: which router is meant cannot be guessed.
 */
function routerFile(snapshot: WorkspaceSnapshot | undefined, out: string, r: ScaffoldRequest): string {
  if (/\.rtx$/i.test(out)) return out;
  const routers = snapshot ? [...snapshot.files.values()].filter((f) => f.languageId === 'yamaha-rtx' && posix.dirname(f.path) === out).map((f) => f.path).sort() : [];
  if (routers.length > 1) throw new Error(`${out} holds several Yamaha router files (${routers.map((p) => posix.basename(p)).join(', ')}); give the one to add the tunnels to with --out FILE.rtx.`);
  return routers[0] ?? `${out}/${r.peer === 'libreswan' ? posix.basename(r.peerTarget ?? 'peer') : r.peer}.rtx`;
}

/** The Yamaha command file: appended to `target` when it is a known file, else created. */
function yamahaFile(target: string, side: SidePlan, taken: Taken, read: (p: string) => string | undefined): ScaffoldFile {
  const existing = read(target);
  const path = existing !== undefined || /\.rtx$/i.test(target) ? target : `${target}/${side.base}.rtx`;
  const y = taken.yamaha;
  const tunnels: [number, number] = [freeNumber(y.tunnels), freeNumber(y.tunnels)];
  const gateways: [number, number] = [freeNumber(y.gateways, tunnels[0]), freeNumber(y.gateways, tunnels[1])];
  const policies: [number, number] = [freeNumber(y.policies, 200 + tunnels[0]), freeNumber(y.policies, 200 + tunnels[1])];
  const nums = {
    tunnels,
    gateways,
    policies,
    neighbors: [freeNumber(y.neighbors), freeNumber(y.neighbors)] as [number, number],
    filter: freeNumber(y.filters),
    bgpHeader: y.asn === undefined,
  };
  const fresh = existing === undefined;
  return { path, text: renderYamaha(side, nums, fresh), mode: fresh ? 'create' : 'append', secret: true };
}

function snapshotText(snapshot: WorkspaceSnapshot | undefined, path: string): string | undefined {
  if (!snapshot) return undefined;
  for (const f of snapshot.files.values()) if (f.path === path) return f.text;
  return undefined;
}

/** Text appended after `existing`: separated by a newline when the file does not end with one. */
function joinAppend(existing: string, text: string): string {
  return existing === '' || existing.endsWith('\n') ? text : `\n${text}`;
}
