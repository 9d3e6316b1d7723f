import { Address4 } from 'ip-address';
import { parseCidr } from '../../model/ip';
import { pskProblem } from './psk';
import { DEFAULT_ASN, type CpeKind, type PeerKind, type ScaffoldRequest } from './types';

/**
 * Defaults and validation of a scaffold request. Defaults use documentation addresses (RFC 5737) for the
 * outside addresses and a private /16 for the local networks, so a request with only the CPE kind, the
 * peer and the target already produces a complete pair.
 */

/** Documentation outside addresses per peer: [peer tunnel 1, peer tunnel 2]. */
const PEER_OUTSIDE: Record<PeerKind, [string, string]> = {
  aws: ['203.0.113.11', '203.0.113.12'],
  oci: ['203.0.113.21', '203.0.113.22'],
  libreswan: ['203.0.113.31', '203.0.113.32'],
};

/**
 * A complete request with default values for everything but the CPE kind, the peer and the target. The
 * peer outside addresses are marked `peerOutsideDefaulted`: whoever sets `peerOutside` must clear it.
 */
export function defaultRequest(cpe: CpeKind, peer: PeerKind, target: string): ScaffoldRequest {
  return {
    cpe,
    peer,
    target,
    peerOutside: [...PEER_OUTSIDE[peer]],
    peerOutsideDefaulted: true,
    localOutside: '198.51.100.10',
    localOutsideDefaulted: true,
    localNets: ['10.10.0.0/16'],
    ...(peer === 'libreswan' ? { peerNets: ['10.20.0.0/16'] } : {}),
    localAsn: DEFAULT_ASN.local,
    peerAsn: DEFAULT_ASN[peer],
  };
}

/** True when `s` is a dotted IPv4 address without prefix. */
export function isIPv4(s: string): boolean {
  return !s.includes('/') && Address4.isValid(s);
}

/** True when `s` is an IPv4 network in CIDR form whose host bits are zero (`10.0.0.0/16`). */
export function isIPv4Network(s: string): boolean {
  const c = parseCidr(s);
  return !!c && c.family === 4 && s.includes('/') && c.addr === c.network;
}

/** Why an ASN is unusable (`twoOctet`: Yamaha RTX takes 1–65535 only), or null. */
export function asnProblem(asn: number, twoOctet: boolean): string | null {
  const max = twoOctet ? 65535 : 4294967295;
  if (!Number.isInteger(asn) || asn < 1 || asn > max) return `an AS number between 1 and ${max}`;
  return null;
}

/** Every problem of a request (empty when it can be generated). Messages never contain a PSK. */
export function validateRequest(r: ScaffoldRequest): string[] {
  const out: string[] = [];
  if (r.cpe !== 'libreswan-frr' && r.cpe !== 'yamaha-rtx') out.push(`unknown CPE kind ${String(r.cpe)} (libreswan-frr or yamaha-rtx)`);
  if (r.peer !== 'aws' && r.peer !== 'oci' && r.peer !== 'libreswan') out.push(`unknown peer ${String(r.peer)} (aws, oci or libreswan)`);
  if (r.peer === 'libreswan' && r.cpe !== 'libreswan-frr') out.push('a Libreswan peer needs a Libreswan + FRR CPE');
  if (r.peer === 'libreswan' && !r.peerTarget) out.push('a Libreswan peer needs the folder of the peer host');
  if (!r.target?.startsWith('/')) out.push('the target must be an absolute path');
  if (!Array.isArray(r.peerOutside) || r.peerOutside.length !== 2 || !r.peerOutside.every(isIPv4)) out.push('two peer outside IPv4 addresses are needed');
  else if (r.peerOutside[0] === r.peerOutside[1] && r.peer !== 'libreswan') out.push('the two peer outside addresses must differ');
  if (!isIPv4(r.localOutside ?? '')) out.push(`our outside address must be an IPv4 address (got ${r.localOutside})`);
  if (r.localId !== undefined && r.localId !== '' && !isIPv4(r.localId) && !/^@[\w.-]+$/.test(r.localId)) out.push('our ID must be an IPv4 address or @fqdn');
  if (!r.localNets?.length || !r.localNets.every(isIPv4Network)) out.push('local networks must be IPv4 networks like 10.10.0.0/16');
  if (r.peerNets && !r.peerNets.every(isIPv4Network)) out.push('peer networks must be IPv4 networks like 10.20.0.0/16');
  const two = r.cpe === 'yamaha-rtx';
  for (const [name, asn] of [['our ASN', r.localAsn], ['the peer ASN', r.peerAsn]] as const) {
    const p = asnProblem(asn, two);
    if (p) out.push(`${name} must be ${p}`);
  }
  if (r.localAsn === r.peerAsn) out.push('our ASN and the peer ASN must differ (eBGP)');
  if (r.psks) {
    if (r.psks.length !== 2) out.push('two pre-shared keys are needed');
    r.psks.forEach((k, i) => {
      const p = pskProblem(k, r.peer);
      if (p) out.push(`the key of tunnel ${i + 1} is not usable: ${p}`);
    });
  }
  for (const [name, list] of [['insideLocal', r.insideLocal], ['insidePeer', r.insidePeer]] as const) {
    if (list && (list.length !== 2 || !list.every((x) => parseCidr(x)?.family === 4))) out.push(`${name} must hold two IPv4 addresses`);
  }
  if (r.lanGateway !== undefined && !isIPv4(r.lanGateway)) out.push('the LAN gateway must be an IPv4 address');
  return out;
}
