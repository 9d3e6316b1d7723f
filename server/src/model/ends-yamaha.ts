import type { Range } from '../core/types';
import type { IkeGatewayFacts, TunnelFacts } from '../languages/yamaha/facts';
import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { canonicalAddress, parseCidr, type Cidr } from './ip';
import { decodeSecret, type IdKey } from './secrets';
import type { BgpNeighborFact, Fact, HostBgp, TunnelEnd } from './tunnel-types';
import { yamahaFactsOf } from './yamaha';

/**
 * Adapter: the `tunnel select N` blocks of a Yamaha RTX command file as tunnel ends (DESIGN §3:
 * `ipsec ike local address`/`local name` are the local outside keys, `remote address`/`remote name` the
 * peer's), the PSK from `ipsec ike pre-shared-key G text|0x...`, the inside addresses from `ip tunnel
 * address A/len` and `ip tunnel remote address R`, and the IKE proposal from `ipsec ike encryption/hash/group`.
 */
export function yamahaEnds(snapshot: WorkspaceSnapshot, host: Host): TunnelEnd[] {
  const out: TunnelEnd[] = [];
  for (const file of yamahaFiles(snapshot, host)) {
    const facts = yamahaFactsOf(file);
    if (!facts) continue;
    for (const t of facts.tunnels) if (t.ike && !t.disabled) out.push(endOf(host, file, t, t.ike));
  }
  return out;
}

/** BGP of a Yamaha file: `bgp autonomous-system` and `bgp neighbor N ASN ADDRESS`. */
export function yamahaBgp(snapshot: WorkspaceSnapshot, host: Host): HostBgp | null {
  const bgp: HostBgp = { neighbors: [] };
  for (const file of yamahaFiles(snapshot, host)) {
    const b = yamahaFactsOf(file)?.bgp;
    if (!b) continue;
    if (b.asn && !bgp.localAsn) bgp.localAsn = { value: b.asn.value, text: String(b.asn.value), uri: file.uri, range: b.asn.range };
    for (const n of b.neighbors) {
      const c = parseCidr(n.address.value);
      if (!c) continue;
      const nb: BgpNeighborFact = {
        address: { value: c, text: n.address.value, uri: file.uri, range: n.address.range },
        remoteAsn: { value: n.asn.value, text: String(n.asn.value), uri: file.uri, range: n.asn.range },
        mentions: [{ uri: file.uri, range: n.address.range }],
      };
      bgp.neighbors.push(nb);
    }
  }
  return bgp.neighbors.length || bgp.localAsn ? bgp : null;
}

/** Phase 2 of `ipsec sa policy P G esp ENC [AUTH]`: both algorithm words (the HMAC is the integrity of ESP). */
function espOf(uri: string, t: TunnelFacts): Fact<string> | undefined {
  const enc = t.saPolicy?.espAlgorithm;
  if (!enc) return undefined;
  const auth = t.saPolicy!.ahAlgorithm;
  const text = auth ? `${enc.value} ${auth.value}` : enc.value;
  return { value: text, text, uri, range: auth && auth.range.end.line === enc.range.start.line ? { start: enc.range.start, end: auth.range.end } : enc.range };
}

function yamahaFiles(snapshot: WorkspaceSnapshot, host: Host): AnalyzedFile[] {
  return host.fileUris.map((u) => snapshot.files.get(u)).filter((f): f is AnalyzedFile => f?.languageId === 'yamaha-rtx');
}

/** A Yamaha name (`ipsec ike local name X fqdn`) as an ID key: an address, else an FQDN (as Libreswan `@X`). */
function nameKey(text: string): IdKey {
  const ip = canonicalAddress(text);
  return ip ? `ip:${ip}` : `fqdn:${text.replace(/^@+/, '').replace(/\.$/, '').toLowerCase()}`;
}

function fact<T>(uri: string, v: { value: string; range: Range } | undefined, parse: (t: string) => T): Fact<T> | undefined {
  return v ? { value: parse(v.value), text: v.value, uri, range: v.range } : undefined;
}

/**
 * Whether an IKE gateway authenticates with a pre-shared key. The catalog (reference section 15.3) lists
 * the methods `auto`, `pre-shared-key`, `certificate` and `eap-md5` without a default; we take an absent
 * method as `auto`, and read `auto` as a PSK unless the gateway has a certificate (`ipsec ike pki file G`),
 * which is how an RTX picks between the two. `certificate` and `eap-md5` use no PSK of ours.
 */
export function gatewayUsesPsk(g: IkeGatewayFacts): boolean {
  const m = g.authMethod?.value.toLowerCase() ?? 'auto';
  if (m === 'pre-shared-key') return true;
  if (m !== 'auto') return false;
  return !g.commands.some((c) => c.name === 'ipsec ike pki file');
}

function endOf(host: Host, file: AnalyzedFile, t: TunnelFacts, g: IkeGatewayFacts): TunnelEnd {
  const uri = file.uri;
  const addr = (x: string): IdKey | null => {
    const ip = canonicalAddress(x);
    return ip ? `ip:${ip}` : null;
  };
  const inside = t.insideAddress ? parseCidr(`${t.insideAddress.value}/${t.insideAddress.prefixLength}`) : null;
  const remoteInside = t.insideRemote ? parseCidr(t.insideRemote.value) : null;
  const proposal = [g.encryption, g.hash, g.group].filter((x): x is NonNullable<typeof x> => !!x);
  const end: TunnelEnd = {
    key: `${host.name}#tunnel ${t.id}`,
    host,
    name: `tunnel ${t.id}`,
    vendor: 'yamaha',
    uri,
    nameRange: t.idRange,
    declRange: { start: { line: t.selectLine, character: 0 }, end: { line: t.endLine, character: 0 } },
    localSide: 'left',
    local: fact(uri, g.localAddress, addr),
    localId: fact(uri, g.localName, nameKey),
    remote: fact(uri, g.remoteAddress, addr),
    remoteId: fact(uri, g.remoteName, nameKey),
    usesPsk: gatewayUsesPsk(g),
    ...(g.authMethod ? { authby: { value: g.authMethod.value, text: `ipsec ike auth method ${g.id} ${g.authMethod.value}`, uri, range: g.authMethod.range } } : {}),
    psk: null,
    vtiShared: false,
    insideLocal: inside && t.insideAddress ? { value: inside, text: `${t.insideAddress.value}/${t.insideAddress.prefixLength}`, uri, range: t.insideAddress.range } : undefined,
    insideRemote: remoteInside && t.insideRemote ? ({ value: remoteInside, text: t.insideRemote.value, uri, range: t.insideRemote.range } as Fact<Cidr>) : undefined,
    localNets: [],
    remoteNets: [],
    ike: proposal.length ? { value: proposal.map((p) => p.value).join(' '), text: proposal.map((p) => p.value).join(' '), uri, range: (g.group ?? g.hash ?? g.encryption)!.range } : undefined,
    ikeParts: proposal.map((p) => ({ value: p.value, text: p.value, uri, range: p.range })),
    esp: espOf(uri, t),
    bgp: {},
  };
  const k = g.preSharedKey;
  if (k) {
    const secret = k.form === 'hex' ? k.value : k.value;
    const bytes = k.form === 'hex' && /^0x/i.test(k.value) ? k.value.slice(2).toLowerCase() : decodeSecret(`0t${k.value}`);
    const entry = { selectors: [], kind: 'PSK' as const, kindRange: k.range, secret: k.form === 'text' ? secret : secret, secretRange: k.range, range: k.range };
    end.psk = { psk: { entry, file, bytes, length: k.length }, uri, range: k.range };
  }
  return end;
}
