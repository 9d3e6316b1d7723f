/**
 * Our own short descriptions of VPN-relevant FRR commands and token classes (FRR 8.4.4), keyed by the
 * leading keywords of the normalised command. Other commands get a generic text built from the grammar.
 */
export const COMMAND_DOCS: Record<string, string> = {
  'router bgp': 'Starts the BGP instance for an AS number (asplain 1-4294967295 in 8.4; asdot from 9.1). One AS per VRF; `vrf NAME` makes a per-VRF instance.',
  'neighbor remote-as': 'Creates a BGP peer and sets its AS: a number, `internal` (same AS) or `external` (any other). Must come before other settings of the peer.',
  'neighbor update-source': 'Source address or interface for the BGP TCP session of this peer.',
  'neighbor ebgp-multihop': 'Allows an eBGP peer that is more than one hop away (TTL 1-255, default 255).',
  'neighbor timers': 'Keepalive and hold time for this peer in seconds (hold 0 or >= 3). FRR default 60/180; AWS uses 10/30.',
  'neighbor route-map': 'Applies a route-map to routes received (`in`) or sent (`out`) for this peer in the current address family.',
  'neighbor prefix-list': 'Filters routes from (`in`) or to (`out`) this peer with a prefix-list.',
  'neighbor soft-reconfiguration': 'Keeps an unmodified copy of routes received, so inbound policy can be re-applied without a session reset.',
  'neighbor activate': 'Enables the address family for this peer (ipv4 unicast is active by default).',
  'neighbor password': 'TCP MD5 signature password for the session (RFC 2385).',
  'neighbor next-hop-self': 'Sets this router as next hop for routes sent to the peer.',
  'neighbor description': 'Free text describing the peer.',
  'neighbor peer-group': 'Creates a peer-group or makes the neighbor a member of one.',
  network: 'Announces a prefix in BGP. With `bgp network import-check` (default on) it is announced only while the exact prefix is in the routing table.',
  'address-family': 'Enters per-address-family configuration of the BGP instance; leave with `exit-address-family`.',
  'exit-address-family': 'Leaves the address-family block back to `router bgp`.',
  redistribute: 'Injects routes of another source (connected, static, kernel, ...) into BGP, optionally through a route-map.',
  'route-map': 'One entry of a route-map: `permit` or `deny`, ordered by sequence number (1-65535). An entry without match clauses matches everything.',
  match: 'A route-map condition; all match clauses of an entry must hold.',
  set: 'A route-map action applied to routes a permit entry matches.',
  'ip prefix-list': 'An IPv4 prefix-list entry: permit/deny a prefix, optionally a length range with `ge`/`le` (length <= ge <= le). Sequence numbers default to steps of 5.',
  'ipv6 prefix-list': 'An IPv6 prefix-list entry (see ip prefix-list).',
  'ip route': 'A static route (staticd): prefix via a next-hop address or an interface (e.g. a VTI).',
  interface: 'Enters configuration of a network interface (addresses, description, ...).',
  'ip address': 'Assigns an IPv4 address/prefix to the interface; its network becomes a connected route.',
  'bgp router-id': 'Fixes the BGP router ID (an IPv4 address); otherwise zebra picks the highest loopback/interface address.',
  'bgp ebgp-requires-policy': 'RFC 8212 behaviour (default on in FRR >= 7.4): eBGP peers exchange no routes without inbound and outbound policy.',
  'bgp network import-check': 'Announce `network` prefixes only while they are in the routing table (default on).',
  'timers bgp': 'Default keepalive and hold time in seconds for all peers (hold 0 or >= 3).',
  log: 'Logging destination and level.',
  hostname: 'Router name shown in prompts and logs.',
  password: 'Password for vty access.',
  'line vty': 'Enters configuration of virtual terminal (telnet/vtysh) lines.',
  'frr version': 'Written by FRR when it saves the config; informational.',
  'frr defaults': 'Chooses a defaults profile (`traditional` or `datacenter`); datacenter turns ebgp-requires-policy off and shortens timers.',
};

/** Descriptions of grammar token classes. */
export const TOKEN_DOCS: Record<string, string> = {
  'A.B.C.D': 'IPv4 address: four decimal octets 0-255, no leading zeros.',
  'A.B.C.D/M': 'IPv4 prefix: address / length 0-32.',
  'X:X::X:X': 'IPv6 address.',
  'X:X::X:X/M': 'IPv6 prefix: address / length 0-128.',
  'X:X:X:X:X:X': 'MAC address (six hex octets separated by colons).',
};

/** Our description of a normalised command (longest matching key), or undefined. */
export function describeCommand(norm: readonly string[]): string | undefined {
  const words = norm[0] === 'no' ? norm.slice(1) : norm;
  const cands = [words.slice(0, 3).join(' '), words.slice(0, 2).join(' '), words[0] === 'neighbor' ? `neighbor ${words[2] ?? ''}` : '', words[0]];
  for (const c of cands) if (c && COMMAND_DOCS[c]) return COMMAND_DOCS[c];
  return undefined;
}

/** Description of a grammar token (`A.B.C.D`, `(1-65535)`, `WORD`, keyword). */
export function describeToken(leaf: string): string {
  if (TOKEN_DOCS[leaf]) return TOKEN_DOCS[leaf];
  const r = /^\((-?\d+)-(-?\d+)\)$/.exec(leaf);
  if (r) return `Integer from ${r[1]} to ${r[2]}.`;
  if (/^[A-Z]/.test(leaf)) return `A value (${leaf}).`;
  return `Keyword \`${leaf}\`.`;
}
