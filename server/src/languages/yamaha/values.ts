/**
 * Value validators for Yamaha RTX command parameters. IP syntax and math use the `ip-address` package.
 * Each validator answers how a word relates to a parameter: `ok` (valid), `bad` (has the parameter's shape but
 * an invalid value, e.g. 300 for 1..255, 10.0.0.1/33), or `no` (not this parameter at all; the matcher may try
 * the next optional parameter).
 */
import { Address4, Address6 } from 'ip-address';
import type { CatalogParam } from './catalog';

/** Outcome of checking one word against one parameter; `message` explains a `bad` value (never echoes secrets). */
export type Fit = { kind: 'ok' } | { kind: 'no' } | { kind: 'bad'; message: string };

const OK: Fit = { kind: 'ok' };
const NO: Fit = { kind: 'no' };
const bad = (message: string): Fit => ({ kind: 'bad', message });

/** Looks like a dotted IPv4 literal (digits and dots, with at least one dot), before validity is checked. */
export function looksIPv4(v: string): boolean {
  return /^[0-9]+(\.[0-9]*)+$/.test(v);
}

/** True for a valid dotted-quad IPv4 address without prefix (no leading zeros). */
export function isIPv4(v: string): boolean {
  return looksIPv4(v) && v.split('.').length === 4 && Address4.isValid(v) && !v.includes('/');
}

/** Parses `a.b.c.d/len` (len 0..32; `/` optional when `maskOptional`). Returns the address or an error. */
export function parseIPv4Prefix(v: string, maskOptional: boolean): { address: Address4 } | { error: string } {
  const m = /^([0-9.]+)(?:\/(.*))?$/.exec(v);
  if (!m) return { error: 'not an IPv4 prefix' };
  if (!isIPv4(m[1])) return { error: `'${m[1]}' is not a valid IPv4 address` };
  if (m[2] === undefined) {
    if (!maskOptional) return { error: 'prefix length missing (write address/length)' };
    return { address: new Address4(`${m[1]}/32`) };
  }
  if (/^\d{1,2}$/.test(m[2]) && Number(m[2]) <= 32) return { address: new Address4(`${m[1]}/${m[2]}`) };
  if (isIPv4(m[2])) {
    try {
      const a = Address4.fromAddressAndMask(m[1], m[2]);
      if (validMask(m[2])) return { address: a };
    } catch { /* fall through */ }
    return { error: `'${m[2]}' is not a contiguous netmask` };
  }
  return { error: `prefix length '/${m[2]}' is out of range 0..32` };
}

function validMask(mask: string): boolean {
  const n = mask.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const inv = (~n >>> 0);
  return ((inv + 1) & inv) === 0;
}

const FQDN = /^(?=.{1,253}$)[A-Za-z0-9_*]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;

/** Checks a plain integer against min/max. */
function intFit(p: { min?: number; max?: number; name: string }, v: string): Fit {
  if (!/^-?\d+$/.test(v)) return NO;
  const n = Number(v);
  if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
    return bad(`${v} is out of range for ${p.name} (${p.min ?? '-∞'}..${p.max ?? '∞'})`);
  }
  return OK;
}

function inValues(p: CatalogParam, v: string): boolean {
  if (!p.values) return false;
  const lv = v.toLowerCase();
  for (const x of p.values) {
    if (x.toLowerCase() === lv) return true;
    const r = /^(\d+)\.\.(\d+)$/.exec(x);
    if (r && /^\d+$/.test(v) && Number(v) >= Number(r[1]) && Number(v) <= Number(r[2])) return true;
  }
  return false;
}

/** Describes what a parameter accepts, in our words (for messages and hover). */
export function describeParam(p: CatalogParam): string {
  const vals = p.values?.length ? p.values.join(', ') : '';
  const t = p.type === 'key=value' ? p.valueType ?? 'string' : p.type;
  switch (t) {
    case 'enum': return `one of ${vals}`;
    case 'on-off': return 'on or off';
    case 'int': return `an integer ${p.min ?? ''}..${p.max ?? ''}${vals ? ` or ${vals}` : ''}`;
    case 'ipv4': return `an IPv4 address${vals ? ` or ${vals}` : ''}`;
    case 'ipv4-prefix': return `an IPv4 address with optional /length${vals ? ` or ${vals}` : ''}`;
    case 'ipv6': return 'an IPv6 address';
    case 'host': return 'an IPv4/IPv6 address, a host name, or any';
    case 'quoted-string': return 'a text (quote it when it contains spaces)';
    case 'interface': return 'an interface name (lanN, tunnelN, ...)';
    case 'time': return 'a time value';
    case 'rekey': return 'rekey followed by 70%..90% or off';
    default: return vals ? `a word such as ${vals}` : 'a word';
  }
}

/** Checks the value part of a word against a parameter type (used for plain and `key=value` parameters). */
export function fitValue(p: CatalogParam, v: string, type = p.type === 'key=value' ? p.valueType ?? 'string' : p.type): Fit {
  if (inValues(p, v) && type !== 'enum') return OK;
  switch (type) {
    case 'enum':
      if (inValues(p, v)) return OK;
      return NO;
    case 'on-off':
      return /^(on|off)$/i.test(v) ? OK : NO;
    case 'int':
      return intFit(p, v);
    case 'ipv4':
      if (isIPv4(v)) return OK;
      if (looksIPv4(v) || /^[0-9.]+\/\d+$/.test(v)) return bad(`'${v}' is not a valid IPv4 address`);
      return NO;
    case 'ipv4-prefix': {
      if (!looksIPv4(v.split('/')[0])) return NO;
      const r = parseIPv4Prefix(v, true);
      return 'error' in r ? bad(r.error) : OK;
    }
    case 'ipv6':
      return v.includes(':') ? (Address6.isValid(v) ? OK : bad(`'${v}' is not a valid IPv6 address`)) : NO;
    case 'host':
      if (looksIPv4(v)) return isIPv4(v) ? OK : bad(`'${v}' is not a valid IPv4 address`);
      if (v.includes(':')) return Address6.isValid(v) ? OK : bad(`'${v}' is not a valid IPv6 address`);
      return FQDN.test(v) ? OK : bad(`'${v}' is not an address or host name`);
    default:
      return v.length > 0 ? OK : NO;
  }
}
