/**
 * Address-like Libreswan values: IPs, subnets, ranges, host (left=/right=), IDs, protoport,
 * virtual-private. All IPv4/IPv6 parsing and CIDR math uses the `ip-address` package.
 * Rules follow Libreswan's lib/libswan/ttoaddress*.c, ttosubnet.c, ttorange.c, ttoprotoport.c,
 * id.c (atoid) and lib/libipsecconf/confread.c (4.10) / programs/pluto/extract.c (5.x).
 */
import { Address4, Address6 } from 'ip-address';
import { type LibreswanVersion, type ValueIssue, valueError, valueWarning } from './value-issue';

/** A parsed IP address: family and numeric value (unsigned, host order). */
export interface ParsedIp { family: 4 | 6; value: bigint }

/**
 * Parses a bare IPv4/IPv6 address (no prefix, no zone). Returns null when not an address.
 * IPv4 must be dotted quad; IPv6 any RFC 4291 text form.
 */
export function parseIp(text: string): ParsedIp | null {
  if (text.length === 0 || text.length > 64 || text.includes('/') || text.includes('%')) return null;
  try {
    if (text.includes(':')) return Address6.isValid(text) ? { family: 6, value: new Address6(text).bigInt() } : null;
    return /^[0-9.]+$/.test(text) && Address4.isValid(text) ? { family: 4, value: new Address4(text).bigInt() } : null;
  } catch {
    return null;
  }
}

/** A parsed CIDR: address, prefix length, and whether host bits are set. */
export interface ParsedCidr extends ParsedIp { prefix: number; hostBits: boolean }

/** Parses `addr/len` (len required unless `allowBare`, then a bare address is /32 or /128). */
export function parseCidr(text: string, allowBare = false): ParsedCidr | string {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseIp(text);
    if (!ip) return 'not an IP address';
    if (!allowBare) return 'missing /prefix length';
    return { ...ip, prefix: ip.family === 4 ? 32 : 128, hostBits: false };
  }
  const ip = parseIp(text.slice(0, slash));
  if (!ip) return `\`${text.slice(0, slash)}\` is not an IP address`;
  const p = text.slice(slash + 1);
  const max = ip.family === 4 ? 32 : 128;
  if (!/^[0-9]{1,3}$/.test(p) || Number(p) > max) return `prefix length \`${p}\` must be 0-${max}`;
  const prefix = Number(p);
  const hostMask = (1n << BigInt(max - prefix)) - 1n;
  return { ...ip, prefix, hostBits: (ip.value & hostMask) !== 0n };
}

/** Splits on `seps` (a regex char class body), returning non-empty pieces with offsets. */
export function splitWithOffsets(text: string, seps: RegExp): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || seps.test(text[i]!)) {
      if (i > s) out.push({ text: text.slice(s, i), start: s });
      s = i + 1;
    }
  }
  return out;
}

const DNS_NAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** True for a syntactically plausible DNS host name (labels of letters, digits, `-`, `_`). */
export function isDnsName(text: string): boolean {
  return DNS_NAME.test(text) && !/^[0-9.]+$/.test(text);
}

/** `ip`: one address (`sourceip`, `nexthop`, `listen`); nexthop also takes %direct/%defaultroute. */
export function checkIp(kw: string, text: string, v: LibreswanVersion): ValueIssue[] {
  if (kw === 'nexthop' && (text === '%defaultroute' || (text === '%direct' && v === '5'))) return [];
  if (kw === 'nexthop' && text === '%direct') {
    return [valueError(0, text.length, '`nexthop`: Libreswan 4 does not understand %direct in ipsec.conf; leave nexthop unset for a directly connected peer')];
  }
  if (kw === 'sourceip' && v === '5' && text.includes(',')) return checkIpList(kw, text, /[,]/);
  if (parseIp(text)) return [];
  const extra = kw === 'nexthop' ? ', %direct or %defaultroute' : '';
  const why = text.includes('/') ? ' (no /prefix here)' : '';
  return [valueError(0, text.length, `\`${kw}\` takes an IPv4 or IPv6 address${extra}, not \`${text}\`${why}`)];
}

/** `ip-list`: addresses separated by commas or blanks (`modecfgdns`). */
export function checkIpList(kw: string, text: string, seps: RegExp = /[,\s]/): ValueIssue[] {
  const items = splitWithOffsets(text, seps);
  if (items.length === 0) return [valueError(0, text.length, `\`${kw}\` needs at least one IP address`)];
  return items.filter((i) => !parseIp(i.text)).map((i) =>
    valueError(i.start, i.start + i.text.length, `\`${kw}\`: \`${i.text}\` is not an IPv4 or IPv6 address`));
}

function subnetItem(kw: string, item: string, at: number, v: LibreswanVersion, interfaceAddr: boolean): ValueIssue[] {
  const end = at + item.length;
  // `0/0` is the IPv4 default route in Libreswan's short form (used throughout its own test suite).
  if (item === '0/0') return [];
  if (!interfaceAddr) {
    if (item === '%no' || item === '%priv') {
      return [valueError(at, end, `\`${kw}\`: \`${item}\` is only meaningful inside vhost:/vnet: (IKEv1), e.g. vhost:%no,%priv`)];
    }
    if (/^v(host|net):/.test(item)) {
      if (v === '5') return [valueError(at, end, `\`${kw}\`: vhost:/vnet: are not supported by Libreswan 5`)];
      const parts = splitWithOffsets(item.slice(item.indexOf(':') + 1), /[,]/);
      const issues: ValueIssue[] = [];
      for (const p of parts) {
        if (p.text === '%no' || p.text === '%priv' || p.text === '%all') continue;
        // virtual-private style entries: %v4:/%v6: prefixes and ! exclusions (same syntax as virtual-private=).
        const r = parseCidr(p.text.replace(/^%v[46]:/, '').replace(/^!/, ''), true);
        if (typeof r === 'string') issues.push(valueError(at + item.indexOf(':') + 1 + p.start, at + item.indexOf(':') + 1 + p.start + p.text.length, `\`${kw}\`: \`${p.text}\` is not %no, %priv or a subnet`));
      }
      issues.push(valueWarning(at, end, `\`${kw}\`: vhost:/vnet: work only for IKEv1 connections`));
      return issues;
    }
  }
  const r = parseCidr(item, !interfaceAddr);
  if (typeof r === 'string') {
    const what = interfaceAddr ? 'an interface address with prefix, e.g. 169.254.0.1/30' : 'a subnet, e.g. 10.1.0.0/24 (or a single address)';
    return [valueError(at, end, `\`${kw}\` takes ${what}: ${r}`)];
  }
  if (!interfaceAddr && r.hostBits) {
    return [valueWarning(at, end, `\`${kw}\`: \`${item}\` has host bits set; Libreswan uses the network ${networkOf(r)}`)];
  }
  return [];
}

function networkOf(c: ParsedCidr): string {
  const max = c.family === 4 ? 32 : 128;
  const net = c.value & ~((1n << BigInt(max - c.prefix)) - 1n);
  const addr = c.family === 4 ? Address4.fromBigInt(net).correctForm() : Address6.fromBigInt(net).correctForm();
  return `${addr}/${c.prefix}`;
}

/**
 * `subnet`: leftsubnet (one CIDR or bare address; 5.x also a comma list; 4.x IKEv1 vhost:/vnet:),
 * vti / interface-ip (address with required prefix).
 */
export function checkSubnet(kw: string, text: string, v: LibreswanVersion): ValueIssue[] {
  if (text === '0/0' || text === '0.0.0/0') return []; // shorthand for 0.0.0.0/0 that Libreswan's address parser accepts
  const iface = kw === 'vti' || kw === 'interface-ip';
  if (!iface && text.includes(',') && !/^v(host|net):/.test(text)) {
    if (v === '4') return [valueError(0, text.length, `\`${kw}\` takes a single subnet in Libreswan 4; use \`subnets=\` for several`)];
    return splitWithOffsets(text, /[,\s]/).flatMap((i) => subnetItem(kw, i.text, i.start, v, false));
  }
  return subnetItem(kw, text, 0, v, iface);
}

/** `subnets`: `{a b}`, `"a b"` (quotes already removed by the caller or kept) or a comma list. */
export function checkSubnets(kw: string, text: string, v: LibreswanVersion): ValueIssue[] {
  let body = text; let off = 0;
  const m = /^\s*([{"])([\s\S]*?)([}"])\s*$/.exec(text);
  if (m) { off = text.indexOf(m[1]!) + 1; body = m[2]!; }
  const items = splitWithOffsets(body, /[,\s]/);
  if (items.length === 0) return [valueError(0, text.length, `\`${kw}\` needs at least one subnet`)];
  return items.flatMap((i) => subnetItem(kw, i.text, off + i.start, v, false));
}

/** `range`: addresspool `start-end` (same family, start <= end) or a CIDR. */
export function checkRange(kw: string, text: string): ValueIssue[] {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const r = parseCidr(text, false);
    return typeof r === 'string' ? [valueError(0, text.length, `\`${kw}\` takes an address range \`first-last\` or a subnet: ${r}`)] : [];
  }
  const a = parseIp(text.slice(0, dash)); const b = parseIp(text.slice(dash + 1));
  if (!a) return [valueError(0, dash, `\`${kw}\`: \`${text.slice(0, dash)}\` is not an IP address (expected first-last)`)];
  if (!b) return [valueError(dash + 1, text.length, `\`${kw}\`: \`${text.slice(dash + 1)}\` is not an IP address (expected first-last)`)];
  if (a.family !== b.family) return [valueError(0, text.length, `\`${kw}\`: both ends of the range must be the same IP family`)];
  if (a.value > b.value) return [valueError(0, text.length, `\`${kw}\`: the range starts after it ends`)];
  return [];
}

const HOST_SPECIAL = new Set(['%defaultroute', '%defaultroute6', '%any', '%any6', '%', '%oppo', '%opportunistic', '%opportunisticgroup', '%oppogroup', '%group', '%direct']);

/** left=/right= (`loose-enum` host): an address, a DNS name or one of the %-keywords. */
export function checkHost(kw: string, text: string, allowed: readonly string[] | null): ValueIssue[] {
  if (text.startsWith('%')) {
    if (HOST_SPECIAL.has(text) || allowed?.includes(text)) return [];
    // `%IFACE` (e.g. %eth1): the address of that interface (Libreswan 4.10 confread.c, KH_IFACE).
    if (/^%[A-Za-z][A-Za-z0-9_.:-]{0,14}$/.test(text)) return [];
    return [valueError(0, text.length, `\`${kw}\`: \`${text}\` is not a known value; use an address, a DNS name, %defaultroute, %any or %group/%opportunistic`)];
  }
  if (parseIp(text) || isDnsName(text)) return [];
  return [valueError(0, text.length, `\`${kw}\` takes an IP address, a DNS name or a %-keyword such as %defaultroute, not \`${text}\``)];
}

/** `id`: @fqdn, @#hex, @[raw], %fromcert, %any, %none, %null, an address, a DN, or a DNS name. */
export function checkId(kw: string, text: string): ValueIssue[] {
  const end = text.length;
  if (['%fromcert', '%any', '%none', '%null', '%cert'].includes(text)) return [];
  if (text.startsWith('%')) return [valueError(0, end, `\`${kw}\`: \`${text}\` is not a known ID keyword (%fromcert, %any, %none, %null)`)];
  if (text.startsWith('@#')) {
    const hex = text.slice(2);
    return /^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0 ? [] : [valueError(0, end, `\`${kw}\`: \`@#\` must be followed by an even number of hex digits`)];
  }
  if (text.startsWith('@')) {
    return text.length > 1 ? [] : [valueError(0, end, `\`${kw}\`: \`@\` must be followed by a name`)];
  }
  if (parseIp(text)) return [];
  if (/^[A-Za-z][A-Za-z0-9.]*\s*=/.test(text)) return []; // an X.509 distinguished name
  if (text.includes('@')) return []; // user@fqdn (RFC822 ID)
  if (isDnsName(text)) {
    return [valueWarning(0, end, `\`${kw}\`: \`${text}\` will be resolved in DNS to an IP address ID; write @${text} for a name ID`)];
  }
  return [valueError(0, end, `\`${kw}\`: \`${text}\` is neither @name, an address, a DN (CN=...) nor a %-keyword`)];
}

const PROTOCOLS = new Set(['icmp', 'tcp', 'udp', 'gre', 'esp', 'ah', 'sctp', 'icmpv6', 'ipv6-icmp', 'ipencap', 'ipip', 'ospf', 'pim', 'udplite', 'dccp', 'igmp', 'l2tp', 'mh', 'any']);
const SERVICES = new Set(['domain', 'http', 'https', 'ssh', 'telnet', 'ftp', 'smtp', 'ntp', 'isakmp', 'ipsec-nat-t', 'bgp', 'snmp', 'syslog', 'l2tp', 'dns', 'tftp', 'imap', 'pop3', 'ldap', 'bootps', 'bootpc']);

/** `protoport`: `proto[/port]`; proto a name or 0-255, port a service, 0-65535 or %any. */
export function checkProtoport(kw: string, text: string): ValueIssue[] {
  if (text === '%any') return [];
  const slash = text.indexOf('/');
  const proto = slash < 0 ? text : text.slice(0, slash);
  const issues: ValueIssue[] = [];
  const protoOk = (/^[0-9]{1,3}$/.test(proto) && Number(proto) <= 255) || PROTOCOLS.has(proto.toLowerCase()) || proto === '%any';
  if (!protoOk) issues.push(valueError(0, proto.length, `\`${kw}\`: \`${proto}\` is not a protocol name (tcp, udp, icmp, gre...) or number 0-255`));
  if (slash >= 0) {
    const port = text.slice(slash + 1);
    const portOk = (/^[0-9]{1,5}$/.test(port) && Number(port) <= 65535) || port === '%any' || SERVICES.has(port.toLowerCase());
    if (!portOk) {
      const known = /^[a-z][a-z0-9-]*$/i.test(port);
      const msg = `\`${kw}\`: \`${port}\` is not a port number 0-65535, %any or a service name`;
      issues.push(known ? valueWarning(slash + 1, text.length, msg + ' we know of (it must exist in /etc/services)') : valueError(slash + 1, text.length, msg));
    }
  }
  return issues;
}

/** `virtual-private`: comma list of `%v4:CIDR`, `%v6:CIDR`, optionally negated `%v4:!CIDR`. */
export function checkVirtualPrivate(kw: string, text: string): ValueIssue[] {
  const issues: ValueIssue[] = [];
  for (const it of splitWithOffsets(text, /[,\s]/)) {
    const m = /^%v([46]):(!?)(.*)$/.exec(it.text);
    const end = it.start + it.text.length;
    if (!m) { issues.push(valueError(it.start, end, `\`${kw}\`: each entry is %v4:CIDR or %v6:CIDR (a leading ! excludes), not \`${it.text}\``)); continue; }
    const r = parseCidr(m[3]!, false);
    if (typeof r === 'string') issues.push(valueError(it.start, end, `\`${kw}\`: ${r}`));
    else if (String(r.family) !== m[1]) issues.push(valueError(it.start, end, `\`${kw}\`: %v${m[1]} entry holds an IPv${r.family} subnet`));
  }
  return issues;
}
