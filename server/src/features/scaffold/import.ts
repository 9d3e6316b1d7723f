import { defaultRequest, isIPv4 } from './request';
import { DEFAULT_ASN, type CpeKind, type ImportedTunnel, type ImportedTunnels, type ScaffoldRequest } from './types';

/**
 * Reads the configuration a user downloads for a cloud VPN connection and returns both tunnels'
 * parameters (formats as described in ../shared/reference/clouds/samples/FORMATS.md):
 * - AWS "Generic" text: `IPSec Tunnel #N` sections with `- Label : value` lines;
 * - AWS Yamaha RTX: `tunnel select N` blocks and `bgp neighbor` lines;
 * - OCI CPE Configuration Helper for Libreswan: `conn` sections, secrets lines and the parameter header.
 * Returns null when the text is none of these or holds fewer than two tunnels.
 */
export function parseCloudConfig(text: string): ImportedTunnels | null {
  const t = text.replace(/\r\n?/g, '\n');
  if (/^\s*IPSec Tunnel #\d+/im.test(t) && /^\s*-\s+Pre-Shared\s+Key\s*:/im.test(t)) return awsGeneric(t);
  if (/^\s*tunnel select \d+/m.test(t) && /^\s*ipsec ike pre-shared-key /m.test(t)) return awsYamaha(t);
  if (/^\s*conn\s+\S+/m.test(t) && /:\s*PSK\s+"/.test(t)) return ociLibreswan(t);
  return null;
}

/** `- Label : value` of a section (labels matched with flexible blanks, first occurrence). */
function field(section: string, label: string): string | undefined {
  const re = new RegExp(`^\\s*-\\s+${label.split(/\s+/).join('\\s+')}\\s*:+\\s*(.*?)\\s*$`, 'im');
  return re.exec(section)?.[1] || undefined;
}

/** The part of `s` from the first line matching `start` up to the next line matching `end` (or the end). */
function between(s: string, start: RegExp, end: RegExp): string {
  const i = s.search(start);
  if (i < 0) return '';
  const rest = s.slice(i);
  const first = rest.indexOf('\n');
  const j = first < 0 ? -1 : rest.slice(first + 1).search(end);
  return j < 0 ? rest : rest.slice(0, first + 1 + j);
}

const num = (s: string | undefined): number | undefined => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);
const addr = (s: string | undefined): string | undefined => (s && isIPv4(s.trim()) ? s.trim() : undefined);

function awsGeneric(t: string): ImportedTunnels | null {
  const parts = t.split(/^\s*IPSec Tunnel #\d+\s*$/im).slice(1);
  if (parts.length < 2) return null;
  const tunnels = parts.slice(0, 2).map((p): ImportedTunnel => {
    const outside = between(p, /^Outside IP Addresses/im, /^\S/m);
    const inside = between(p, /^Inside IP Addresses/im, /^\S/m);
    return clean({
      psk: field(p, 'Pre-Shared Key'),
      localOutside: addr(field(outside, 'Customer Gateway')),
      peerOutside: addr(field(outside, 'Virtual Private Gateway')),
      insideLocal: field(inside, 'Customer Gateway'),
      insidePeer: field(inside, 'Virtual Private Gateway')?.split('/')[0],
      localAsn: num(field(p, 'Customer Gateway ASN')),
      peerAsn: num(field(p, 'Virtual Private Gateway ASN')),
      ikeVersion: num(field(p, 'IKE version')?.replace(/^IKEv/i, '')),
    });
  });
  return { cloud: 'aws', format: 'aws-generic', tunnels: [tunnels[0], tunnels[1]], remoteNets: [] };
}

function awsYamaha(t: string): ImportedTunnels | null {
  const lines = t.split('\n').map((l) => l.replace(/#.*$/, '').trim());
  const byTunnel = new Map<number, ImportedTunnel>();
  let current: ImportedTunnel | undefined;
  let localAsn: number | undefined;
  const neighbors: Array<{ asn: number; address: string; local?: string }> = [];
  for (const l of lines) {
    let m: RegExpExecArray | null;
    if ((m = /^tunnel select (\d+)$/.exec(l))) {
      current = byTunnel.get(Number(m[1])) ?? {};
      byTunnel.set(Number(m[1]), current);
    } else if (l === 'tunnel select none') current = undefined;
    else if ((m = /^ipsec ike pre-shared-key \d+ text (\S+)$/.exec(l)) && current) current.psk = m[1];
    else if ((m = /^ipsec ike local address \d+ (\S+)$/.exec(l)) && current) current.localOutside = addr(m[1]);
    else if ((m = /^ipsec ike remote address \d+ (\S+)$/.exec(l)) && current) current.peerOutside = addr(m[1]);
    else if ((m = /^ip tunnel address (\S+)$/.exec(l)) && current) current.insideLocal = m[1];
    else if ((m = /^ip tunnel remote address (\S+)$/.exec(l)) && current) current.insidePeer = addr(m[1]);
    else if ((m = /^bgp autonomous-system (\d+)$/.exec(l))) localAsn = Number(m[1]);
    else if ((m = /^bgp neighbor \d+ (\d+) (\S+)(.*)$/.exec(l))) neighbors.push({ asn: Number(m[1]), address: m[2], local: /local-address=(\S+)/.exec(m[3])?.[1] });
  }
  const list = [...byTunnel.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  if (list.length < 2) return null;
  for (const tun of list) {
    const n = neighbors.find((x) => x.address === tun.insidePeer) ?? neighbors.find((x) => x.local && tun.insideLocal?.startsWith(`${x.local}/`));
    if (n) tun.peerAsn = n.asn;
    if (localAsn !== undefined) tun.localAsn = localAsn;
  }
  return { cloud: 'aws', format: 'aws-yamaha', tunnels: [clean(list[0]), clean(list[1])], remoteNets: [] };
}

function ociLibreswan(t: string): ImportedTunnels | null {
  const conns: Array<Record<string, string>> = [];
  let cur: Record<string, string> | undefined;
  for (const raw of t.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^conn\s+\S+/.test(line)) conns.push((cur = {}));
    else if (cur && /^\s+[\w-]+=/.test(line)) {
      const [k, ...v] = line.trim().split('=');
      cur[k] = v.join('=').trim();
    } else if (/^\S/.test(line) && !/^#/.test(line)) cur = undefined;
  }
  if (conns.length < 2) return null;
  const secrets = [...t.matchAll(/^(\S+)\s+(\S+)\s*:\s*PSK\s+"(.*)"\s*$/gm)].map((m) => ({ a: m[1], b: m[2], psk: m[3] }));
  const header = (name: string) => new RegExp(`^#\\s*\\$\\{${name}\\}\\s*:\\s*(\\S+)`, 'm').exec(t)?.[1];
  const publicIp = addr(header('cpePublicIpAddress'));
  const details = t.split(/^#\s*Tunnel \d+\s*:/m).slice(1);
  const tunnels = conns.slice(0, 2).map((c, i): ImportedTunnel => {
    const right = addr(c.right);
    const s = secrets.find((x) => x.b === right || x.a === right);
    const d = details[i] ?? '';
    const detail = (label: string) => new RegExp(`^#\\s*${label}\\s*:\\s*(\\S+)`, 'm').exec(d)?.[1];
    const id = addr(c.leftid) ?? publicIp ?? (s ? addr(s.a === right ? s.b : s.a) : undefined);
    const left = addr(c.left) ?? addr(header('cpeLocalIP')) ?? id;
    return clean({
      peerOutside: right,
      localOutside: left,
      localId: id !== left ? id : undefined,
      psk: s?.psk,
      insideLocal: detail('IPv4 inside tunnel interface - CPE'),
      insidePeer: detail('IPv4 inside tunnel interface - Oracle')?.split('/')[0],
      localAsn: num(detail('Customer BGP ASN')),
      peerAsn: num(detail('Oracle BGP ASN')) ?? DEFAULT_ASN.oci,
      ikeVersion: c.ikev2 ? (/^(insist|yes|propose|permit)$/.test(c.ikev2) ? 2 : 1) : undefined,
    });
  });
  const vcn = header('VcnCidrBlock');
  return { cloud: 'oci', format: 'oci-libreswan', tunnels: [tunnels[0], tunnels[1]], remoteNets: vcn ? [vcn] : [] };
}

/** Drops undefined fields (so the object serializes compactly). */
function clean(t: ImportedTunnel): ImportedTunnel {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v !== '')) as ImportedTunnel;
}

/**
 * A scaffold request from an import: the tunnels' addresses, keys, inside addresses and ASNs, with the
 * defaults for what the download does not hold (local networks, and whatever `overrides` sets).
 */
export function requestFromImport(imp: ImportedTunnels, cpe: CpeKind, target: string, overrides: Partial<ScaffoldRequest> = {}): ScaffoldRequest {
  const base = defaultRequest(cpe, imp.cloud, target);
  const [a, b] = imp.tunnels;
  const both = <T>(x: T | undefined, y: T | undefined): [T, T] | undefined => (x !== undefined && y !== undefined ? [x, y] : undefined);
  const psks = both(a.psk, b.psk);
  const insideLocal = both(a.insideLocal, b.insideLocal);
  const insidePeer = both(a.insidePeer, b.insidePeer);
  const importNotes = imp.cloud === 'oci' && (a.ikeVersion === 1 || b.ikeVersion === 1) ? ['The download sets IKEv1; the scaffold uses IKEv2 with AES-256/SHA2-384/DH 20: set the OCI tunnels to IKE version V2.'] : [];
  return {
    ...base,
    ...(importNotes.length ? { importNotes } : {}),
    peerOutside: both(a.peerOutside, b.peerOutside) ?? base.peerOutside,
    peerOutsideDefaulted: !both(a.peerOutside, b.peerOutside),
    localOutside: a.localOutside ?? base.localOutside,
    localOutsideDefaulted: !a.localOutside,
    ...(a.localId ? { localId: a.localId } : {}),
    localAsn: a.localAsn ?? base.localAsn,
    peerAsn: a.peerAsn ?? base.peerAsn,
    ...(psks ? { psks } : {}),
    ...(insideLocal ? { insideLocal } : {}),
    ...(insideLocal && insidePeer ? { insidePeer } : {}),
    ...overrides,
  };
}
