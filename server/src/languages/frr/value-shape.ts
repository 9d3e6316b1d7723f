/**
 * Explains why a word that stands where the grammar wants a value (address, prefix, number) was refused.
 * Facts from FRR 8.4.4's token matchers (lib/command_match.c) and bgpd: AS numbers are asplain
 * 1..4294967295 (asdot `X.Y` is accepted only from FRR 9.1 on).
 */
import type { Leaf } from './grammar';
import { parseIPv4, parseIPv6, splitPrefix } from './tokens';

const looksV4 = (w: string): boolean => /^[0-9.]+$/.test(w) && w.includes('.');
const looksV4Prefix = (w: string): boolean => /^[0-9.]+\/[0-9]*$/.test(w);
const looksV6 = (w: string): boolean => /^[0-9a-fA-F:.]+$/.test(w) && w.includes(':');
const looksV6Prefix = (w: string): boolean => /^[0-9a-fA-F:.]+\/[0-9]*$/.test(w) && w.includes(':');

/** A message for `w` if it is a malformed value of a kind one of `expect` wants; else null. */
export function describeBadValue(w: string, expect: readonly Leaf[]): string | null {
  const has = (t: string): boolean => expect.some((l) => l.text === t);
  const ranges = expect.filter((l): l is Leaf & { k: 'range' } => l.k === 'range');
  if (/^[-+]?\d+$/.test(w) && ranges.length > 0) {
    const spans = [...new Set(ranges.map((r) => `${r.lo}-${r.hi}`))].join(' or ');
    return `Value ${w} is out of range (${spans}).`;
  }
  if (/^\d+\.\d+$/.test(w) && ranges.some((r) => r.hi === 4294967295)) {
    const [hi, lo] = w.split('.').map(Number);
    const plain = hi * 65536 + lo;
    const fix = hi <= 65535 && lo <= 65535 ? ` Write it as asplain ${plain}.` : '';
    return `AS number ${w} is in asdot notation, which FRR accepts only from 9.1 on; 8.4 needs asplain (1-4294967295).${fix}`;
  }
  if ((has('A.B.C.D/M') || has('X:X::X:X/M')) && (looksV4Prefix(w) || looksV6Prefix(w))) {
    const p = splitPrefix(w);
    const v6 = w.includes(':');
    const max = v6 ? 128 : 32;
    if (p && (v6 ? parseIPv6(p.addr) : parseIPv4(p.addr)) && /^\d+$/.test(p.len) && Number(p.len) > max)
      return `Prefix length /${p.len} is out of range for ${v6 ? 'IPv6' : 'IPv4'} (0-${max}).`;
    return `\`${w}\` is not a valid ${v6 ? 'IPv6' : 'IPv4'} prefix (address/length).`;
  }
  if ((has('A.B.C.D') || has('A.B.C.D/M')) && looksV4(w)) {
    if (has('A.B.C.D/M') && !has('A.B.C.D') && parseIPv4(w)) return `\`${w}\` needs a prefix length here (e.g. ${w}/24).`;
    return `\`${w}\` is not a valid IPv4 address (four decimal octets 0-255, no leading zeros).`;
  }
  if ((has('X:X::X:X') || has('X:X::X:X/M')) && looksV6(w)) return `\`${w}\` is not a valid IPv6 address.`;
  return null;
}
