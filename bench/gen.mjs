// Deterministic generator of clean benchmark workspaces (never committed: written to a temp dir).
//
// A workspace of N hosts: every 10th host (index % 10 === 9) is a Yamaha RTX1210 branch router, the
// others are Libreswan gateways. Each host has two AWS-style route-based tunnels (one AWS Site-to-Site VPN
// connection: two outside endpoints, two /30 inside CIDRs in 169.254.0.0/16, customer side N+2, BGP to
// ASN 64512 with AWS timers). Each Yamaha router also has a third tunnel to the Libreswan gateway just
// before it (a cross-vendor pair: same PSK on both ends, mirrored inside addresses, eBGP inside), so the
// pairing and psk-mismatch joins have real work to do.
//
// Libreswan host layout (DESIGN §3 grouping: the folder that holds ipsec.conf):
//   site-NNNNN/ipsec.conf            config setup + `include ipsec.d/*.conf` (relative: addconn resolves it
//                                    against the cwd, vpnconf against the file's folder)
//   site-NNNNN/ipsec.d/aws.conf      the two AWS conns (and branch.conf for the cross-vendor tunnel)
//   site-NNNNN/ipsec.d/aws.secrets   one PSK line per tunnel, selectors `leftid right`
//   site-NNNNN/frr/bgpd.conf         router bgp 65000, one neighbor per tunnel (the other host of each /30)
//   site-NNNNN/frr/staticd.conf      the route behind `network`
// Yamaha: branches/branch-NNNNN.rtx (a host by itself).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The seeded PRNG the test suites use (compiled by `npm run build`, which `npm run bench` runs first), so
// every run writes byte-identical workspaces.
import { prng } from '../out/test/support/prng.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A PSK valid for AWS (8-64 of [A-Za-z0-9._], not starting with 0) and OCI. */
function psk(rand, n = 32) {
  let s = ALNUM[Math.floor(rand() * 52)];
  while (s.length < n) s += ALNUM[Math.floor(rand() * ALNUM.length)];
  return s;
}

const ip4 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const IP = (a, b, c, d) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Public (customer gateway) address of host i: 100.64.0.0/10, last octet 1..200 (.254 is the router). */
export const hostAddr = (i) => ip4(IP(100, 64 + Math.floor(i / 51200), Math.floor(i / 200) % 256, (i % 200) + 1));
/** The two AWS endpoint addresses of host i's VPN connection (198.18.0.0/15, unique per host). */
const awsAddr = (i, t) => ip4(IP(198, 18, 0, 0) + 2 * i + t + 16);
/**
 * Inside /30 number `t` of a host as the network address: from 169.254.6.0 (AWS reserves 169.254.0.0/30 ...
 * 169.254.5.0/30) and below 169.254.169.252/30 (also reserved); unique within a host, reused across hosts.
 */
const AWS_FIRST = 6 * 64;
const awsInside = (i, t) => IP(169, 254, 0, 0) + 4 * (AWS_FIRST + ((2 * i + t) % 10000));
/** Inside /30 of the cross-vendor tunnel to branch k (10.255.0.0/16). */
const branchInside = (k) => IP(10, 255, 0, 0) + 4 * k;
/** The LAN behind host i. */
const lan = (i) => `10.${Math.floor(i / 256) % 200}.${i % 256}.0/24`;
const pad = (i) => String(i).padStart(5, '0');

/** One AWS-style Libreswan conn (explicit settings, as AWS's downloadable Libreswan config writes them). */
export function awsConn(name, me, peer, mark, vti, localVti, remoteVti) {
  return [
    `conn ${name}`,
    '    authby=secret',
    '    auto=start',
    '    left=%defaultroute',
    `    leftid=${me}`,
    `    right=${peer}`,
    '    type=tunnel',
    '    ikev2=insist',
    '    ikelifetime=8h',
    '    ipsec-lifetime=1h',
    '    ike=aes256-sha2_256;modp2048',
    '    esp=aes256-sha2_256;modp2048',
    '    leftsubnet=0.0.0.0/0',
    '    rightsubnet=0.0.0.0/0',
    `    mark=${mark}/0xffffffff`,
    `    vti-interface=${vti}`,
    '    vti-routing=no',
    `    leftvti=${localVti}/30`,
    `    rightvti=${remoteVti}/30`,
    '',
  ];
}

/** FRR bgpd.conf for a host with the given neighbors [{addr, asn, aws}] announcing `net`. */
export function bgpd(hostname, routerId, net, neighbors) {
  const out = ['frr defaults traditional', `hostname ${hostname}`, 'log syslog informational', '!', 'router bgp 65000', ` bgp router-id ${routerId}`];
  for (const n of neighbors) {
    out.push(` neighbor ${n.addr} remote-as ${n.asn}`);
    if (n.aws) out.push(` neighbor ${n.addr} timers 10 30`);
  }
  out.push(' !', ' address-family ipv4 unicast', `  network ${net}`);
  for (const n of neighbors) out.push(`  neighbor ${n.addr} route-map ALLOW-ALL in`, `  neighbor ${n.addr} route-map ADVERTISE-OUT out`);
  out.push(' exit-address-family', '!', `ip prefix-list LOCAL-NETS seq 5 permit ${net}`, '!', 'route-map ALLOW-ALL permit 10', '!', 'route-map ADVERTISE-OUT permit 10', ' match ip address prefix-list LOCAL-NETS', '!', 'line vty', '!', '');
  return out.join('\n');
}

function ipsecConf(title) {
  return [`# ${title}`, 'config setup', '    logfile=/var/log/pluto.log', '    plutodebug=none', '', 'include ipsec.d/*.conf', ''].join('\n');
}

/** One Yamaha tunnel block (`tunnel select n`). */
function rtxTunnel(n, name, me, peer, key, insideLocal, insideRemote) {
  return [
    `tunnel select ${n}`,
    ` tunnel name "${name}"`,
    ` ipsec tunnel ${200 + n}`,
    `  ipsec sa policy ${200 + n} ${n} esp aes256-cbc sha256-hmac`,
    `  ipsec ike duration ipsec-sa ${n} 3600`,
    `  ipsec ike encryption ${n} aes256-cbc`,
    `  ipsec ike group ${n} modp2048`,
    `  ipsec ike hash ${n} sha256`,
    `  ipsec ike keepalive use ${n} on dpd 10 3`,
    `  ipsec ike local address ${n} ${me}`,
    `  ipsec ike pfs ${n} on`,
    `  ipsec ike pre-shared-key ${n} text ${key}`,
    `  ipsec ike remote address ${n} ${peer}`,
    ' ipsec tunnel outer df-bit clear',
    ` ip tunnel address ${insideLocal}/30`,
    ` ip tunnel remote address ${insideRemote}`,
    ' ip tunnel tcp mss limit 1379',
    ` tunnel enable ${n}`,
  ];
}

const isYamaha = (i) => i % 10 === 9;

/**
 * Writes a clean workspace of `hosts` hosts under `dir`. Returns counts and the Libreswan host folders
 * (for the addconn loop). Deterministic for a given (hosts, seed).
 */
export function generateWorkspace(dir, hosts, seed = 7) {
  const rand = prng(seed);
  const siteDirs = [];
  let files = 0;
  let tunnels = 0;
  const write = (p, text) => {
    writeFileSync(p, text);
    files++;
  };
  // Keys are drawn in host order, so a Libreswan host's branch key is known before its Yamaha peer.
  const branchKey = new Map();
  for (let i = 0; i < hosts; i++) {
    const me = hostAddr(i);
    const keys = [psk(rand), psk(rand)];
    if (isYamaha(i)) {
      const k = Math.floor(i / 10);
      const lines = ['# RTX1210 Rev.14.01.42 (Mon Apr  1 10:00:00 2024)', `# branch-${pad(i)}: two IPsec tunnels to AWS, one to site-${pad(i - 1)}; BGP over all three.`, `ip route default gateway ${me.replace(/\.\d+$/, '.254')}`, `ip lan1 address 192.168.${i % 250}.1/24`, `ip lan2 address ${me}/24`];
      for (const t of [0, 1]) lines.push(...rtxTunnel(t + 1, `aws-vpn-tunnel-${t + 1}`, me, awsAddr(i, t), keys[t], ip4(awsInside(i, t) + 2), ip4(awsInside(i, t) + 1)));
      lines.push(...rtxTunnel(3, `site-${pad(i - 1)}`, me, hostAddr(i - 1), branchKey.get(i - 1), ip4(branchInside(k) + 2), ip4(branchInside(k) + 1)));
      lines.push('ipsec auto refresh on', 'bgp use on', 'bgp autonomous-system 65010');
      for (const t of [0, 1]) lines.push(`bgp neighbor ${t + 1} 64512 ${ip4(awsInside(i, t) + 1)} hold-time=30 local-address=${ip4(awsInside(i, t) + 2)}`);
      lines.push(`bgp neighbor 3 65000 ${ip4(branchInside(k) + 1)} hold-time=30 local-address=${ip4(branchInside(k) + 2)}`);
      lines.push(`bgp import filter 1 equal 192.168.${i % 250}.0/24`, 'bgp import 64512 static filter 1', 'bgp import 65000 static filter 1', '');
      mkdirSync(join(dir, 'branches'), { recursive: true });
      write(join(dir, 'branches', `branch-${pad(i)}.rtx`), lines.join('\n'));
      tunnels += 3; // two to AWS, one to the Libreswan site (counted once, here)
      continue;
    }
    const host = join(dir, `site-${pad(i)}`);
    siteDirs.push(host);
    mkdirSync(join(host, 'ipsec.d'), { recursive: true });
    mkdirSync(join(host, 'frr'), { recursive: true });
    write(join(host, 'ipsec.conf'), ipsecConf(`site-${pad(i)}: Libreswan gateway, two route-based tunnels to one AWS Site-to-Site VPN connection.`));
    const conns = [];
    const secrets = ['# One PSK per tunnel, as the AWS console shows them.'];
    const neighbors = [];
    for (const t of [0, 1]) {
      conns.push(...awsConn(`aws-tunnel-${t + 1}`, me, awsAddr(i, t), 100 + t, `vti${t + 1}`, ip4(awsInside(i, t) + 2), ip4(awsInside(i, t) + 1)));
      secrets.push(`${me} ${awsAddr(i, t)} : PSK "${keys[t]}"`);
      neighbors.push({ addr: ip4(awsInside(i, t) + 1), asn: 64512, aws: true });
    }
    write(join(host, 'ipsec.d', 'aws.conf'), conns.join('\n'));
    tunnels += 2;
    if (i + 1 < hosts && isYamaha(i + 1)) {
      const k = Math.floor((i + 1) / 10);
      const key = psk(rand);
      branchKey.set(i, key);
      const c = awsConn(`branch-${pad(i + 1)}`, me, hostAddr(i + 1), 200, 'vti3', ip4(branchInside(k) + 1), ip4(branchInside(k) + 2));
      write(join(host, 'ipsec.d', 'branch.conf'), c.join('\n'));
      secrets.push(`${me} ${hostAddr(i + 1)} : PSK "${key}"`);
      neighbors.push({ addr: ip4(branchInside(k) + 2), asn: 65010, aws: false });
    }
    write(join(host, 'ipsec.d', 'aws.secrets'), secrets.join('\n') + '\n');
    chmodSync(join(host, 'ipsec.d', 'aws.secrets'), 0o600); // as on a real gateway: owner only
    write(join(host, 'frr', 'bgpd.conf'), bgpd(`site-${pad(i)}`, me, lan(i), neighbors));
    write(join(host, 'frr', 'staticd.conf'), `! The LAN, so that network ${lan(i)} has a route to announce.\nip route ${lan(i)} Null0\n!\n`);
  }
  return { hosts, files, tunnels, siteDirs, yamaha: hosts - siteDirs.length };
}

/**
 * Writes one transit-hub host whose ipsec.conf holds at least `minLines` lines (AWS-style conns, each with
 * its own mark, VTI and /30), plus the matching secrets and FRR files. Returns the ipsec.conf path and the
 * line of every conn header.
 */
export function generateBigHost(dir, minLines = 5000, seed = 11) {
  const rand = prng(seed);
  const host = join(dir, 'hub');
  mkdirSync(join(host, 'frr'), { recursive: true });
  const me = '100.127.0.1';
  const lines = ['# hub: transit gateway with many route-based tunnels to AWS.', 'config setup', '    logfile=/var/log/pluto.log', '    plutodebug=none', ''];
  const secrets = [];
  const neighbors = [];
  const headers = [];
  for (let n = 0; lines.length < minLines; n++) {
    const peer = ip4(IP(198, 19, 0, 0) + n + 1);
    const inside = IP(169, 254, 0, 0) + 4 * (AWS_FIRST + n);
    headers.push(lines.length);
    lines.push(...awsConn(`aws-${pad(n)}`, me, peer, 1000 + n, `vti${n + 1}`, ip4(inside + 2), ip4(inside + 1)));
    secrets.push(`${me} ${peer} : PSK "${psk(rand)}"`);
    neighbors.push({ addr: ip4(inside + 1), asn: 64512, aws: true });
  }
  writeFileSync(join(host, 'ipsec.conf'), lines.join('\n'));
  writeFileSync(join(host, 'ipsec.secrets'), secrets.join('\n') + '\n', { mode: 0o600 });
  writeFileSync(join(host, 'frr', 'bgpd.conf'), bgpd('hub', me, '10.250.0.0/16', neighbors));
  writeFileSync(join(host, 'frr', 'staticd.conf'), 'ip route 10.250.0.0/16 Null0\n!\n');
  return { path: join(host, 'ipsec.conf'), lines: lines.length, headers, conns: headers.length };
}
