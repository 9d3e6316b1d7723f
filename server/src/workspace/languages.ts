import { posix } from 'node:path';
import type { LanguageId } from '../core/types';

/** First line that `show config` prints on Yamaha routers, e.g. `# RTX1210 Rev.14.01.42 (Fri Jan 1 ...)`. */
export const YAMAHA_HEADER = /^#\s*(RTX|NVR|FWX|vRX)[0-9A-Za-z]*\s+Rev\.[0-9.]+/;

const YAMAHA_TUNNEL = /^[\t ]*tunnel select \d+[\t ]*\r?$/m;
const YAMAHA_IKE = /^[\t ]*ipsec ike (?:pre-shared-key|local address|remote address|encryption|hash|group) \d+ /m;

/** `include PATH` at the start of a line: Libreswan's include (neither FRR nor Yamaha RTX has an `include` command). */
const LIBRESWAN_INCLUDE = /^include[\t ]+\S/;

/**
 * True when every meaningful line of `text` (not blank, not a `#` comment) is an `include PATH` line and
 * there is at least one: a Libreswan file that only pulls in others, e.g. `ipsec.d/aws/main.conf` holding
 * `include /etc/ipsec.d/aws/tunnels/*.conf`. Without this rule such a file had no language and its
 * includer reported it missing.
 */
function onlyIncludes(text: string): boolean {
  let seen = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!LIBRESWAN_INCLUDE.test(line)) return false;
    seen = true;
  }
  return seen;
}

/**
 * Decides the language of a file from its path (the same associations package.json contributes) and,
 * for ambiguous `*.conf` files, from its content. `path` uses POSIX separators. Returns null for files
 * vpnconf does not read.
 */
export function detectLanguage(path: string, text?: string): LanguageId | null {
  const base = posix.basename(path);
  const parent = posix.basename(posix.dirname(path));
  if (base === 'ipsec.conf' || base.endsWith('.ipsec.conf') || (parent === 'ipsec.d' && base.endsWith('.conf'))) return 'libreswan';
  if (base === 'ipsec.secrets' || base.endsWith('.secrets')) return 'libreswan-secrets';
  if (['bgpd.conf', 'frr.conf', 'staticd.conf', 'zebra.conf'].includes(base) || (parent === 'frr' && base.endsWith('.conf'))) return 'frr';
  if (base.endsWith('.rtx')) return 'yamaha-rtx';
  if (text === undefined) return null;
  const head = text.slice(0, 4096);
  if (YAMAHA_HEADER.test(head.replace(/^\uFEFF/, ''))) return 'yamaha-rtx';
  // A Yamaha command file without the show-config header (the AWS Yamaha download saved as .txt, a hand-kept
  // command list): `tunnel select N` together with an `ipsec ike ... N` command is Yamaha and nothing else.
  if (/\.(txt|cfg|conf)$/.test(base)) {
    const body = text.slice(0, 16384); // the AWS download puts a few KB of prose before the first tunnel
    if (YAMAHA_TUNNEL.test(body) && YAMAHA_IKE.test(body)) return 'yamaha-rtx';
  }
  if (base.endsWith('.conf')) {
    if (/^(conn[\t ]+\S|config[\t ]+setup\b)/m.test(head)) return 'libreswan';
    if (/^(router bgp|ip route|ipv6 route|frr version|frr defaults)\b/m.test(head)) return 'frr';
    if (onlyIncludes(head)) return 'libreswan';
  }
  return null;
}

/** A secrets entry line: `[IDs] : KIND ...` with one of Libreswan's secret kinds (lib/libswan/secrets.c). */
const SECRETS_ENTRY = /^[^#\n:]*:[\t ]*(PSK|RSA|ECDSA|XAUTH|EAP|PIN|PPK|NULL)\b/m;

/**
 * The language of a file the user named on the command line, whatever its extension: `detectLanguage` by
 * path and content first, then the same content rules as for an ambiguous `*.conf` (Libreswan `conn` /
 * `config setup` / `include`, FRR `router bgp` ...), then a Libreswan secrets entry (`... : PSK ...`).
 * Null when the content does not tell either: the caller reports the file instead of skipping it.
 */
export function detectNamedFileLanguage(path: string, text: string): LanguageId | null {
  const byPathOrContent = detectLanguage(path, text);
  if (byPathOrContent) return byPathOrContent;
  // The content rules of an ambiguous `*.conf` in the same folder (a neutral name: no name rule applies).
  const asConf = detectLanguage(`${posix.dirname(path)}/.named-file.conf`, text);
  if (asConf) return asConf;
  return SECRETS_ENTRY.test(text.slice(0, 4096).replace(/^\uFEFF/, '')) ? 'libreswan-secrets' : null;
}
