/**
 * Pure validators for Libreswan ipsec.conf keyword values, judged the way Libreswan 4.10 / 5.x
 * do, and stricter where Libreswan silently accepts clearly wrong values (mark=xyz,
 * ikelifetime=abc, bad ike= strings). Sources of the rules: lib/libipsecconf/keywords.c and
 * parser.lex (4.10), lib/libswan/ipsecconf/*.c, option_names.c, timescale.c,
 * binaryscale-iec-60027-2.c and programs/pluto/extract.c (5.x), programs/pluto/connections.c
 * mark_parse (4.10); address rules in values-net.ts; proposals in algorithms.ts.
 */
import { validateAlgorithms, type ProposalKind } from './algorithms';
import { type LibreswanVersion, type ValueIssue, valueError, valueWarning } from './value-issue';
import {
  checkHost, checkId, checkIp, checkIpList, checkProtoport, checkRange, checkSubnet, checkSubnets,
  checkVirtualPrivate, splitWithOffsets,
} from './values-net';

export type { ValueIssue, LibreswanVersion } from './value-issue';

/** Value classes of keywords.json (`type` field of ../shared/reference/libreswan/keywords.json). */
export type ValueType = 'string' | 'enum' | 'list-enum' | 'bool' | 'number' | 'time' | 'percent' | 'binary' | 'byte'
  | 'ip' | 'ip-list' | 'subnet' | 'subnets' | 'range' | 'mark' | 'id' | 'loose-enum' | 'list' | 'algorithms'
  | 'number-or-bool' | 'filename';

/** Arguments of {@link validateValue}. */
export interface ValidateValueArgs {
  /** Canonical keyword without left/right prefix, e.g. 'subnet', 'mark', 'ike'; '' for left=/right=. */
  keyword: string;
  type: ValueType;
  /** Accepted values for enum-like types (from keywords.json), or null when free. */
  allowed: readonly string[] | null;
  /** The value text exactly as written (surrounding quotes, if any, included). */
  text: string;
  version: LibreswanVersion;
}

const BOOL4 = ['yes', 'no', 'y', 'n', 'true', 'false', 'on', 'off'];
const BOOL5 = [...BOOL4, '1', '0'];

/**
 * Validates one keyword value. Issues carry 0-based UTF-16 offsets into `args.text` (end
 * exclusive). Never throws, whatever the input; linear in the value length.
 */
export function validateValue(args: ValidateValueArgs): ValueIssue[] {
  try {
    const { text } = args;
    if (typeof text !== 'string') return [];
    // Strip one pair of surrounding double quotes: offsets are shifted back afterwards.
    const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"') && args.type !== 'subnets';
    const inner = quoted ? text.slice(1, -1) : text;
    const off = quoted ? 1 : 0;
    const issues = dispatch({ ...args, text: inner });
    return off === 0 ? issues : issues.map((i) => ({ ...i, start: i.start + off, end: i.end + off }));
  } catch {
    return [];
  }
}

function name(kw: string): string {
  return kw === '' ? 'left/right' : kw;
}

function dispatch(a: ValidateValueArgs): ValueIssue[] {
  const kw = name(a.keyword);
  const t = a.text;
  const whole = (msg: string) => [valueError(0, t.length, msg)];
  if (t.length > 0 && /^\s|\s$/.test(t) && a.type !== 'subnets' && a.type !== 'string') {
    return whole(`\`${kw}\`: remove the blanks around the value`);
  }
  switch (a.type) {
    case 'string':
      if (a.keyword === 'protoport') return checkProtoport(kw, t);
      return [];
    case 'filename':
      // An empty value (`dnssec-rootkey-file=""`, `leftupdown=""`) is how Libreswan's own tests switch the file off.
      return [];
    case 'bool':
      return checkBool(kw, t, a.version);
    case 'enum':
      return checkEnum(kw, t, a.allowed);
    case 'list-enum':
      return checkListEnum(kw, t, a.allowed);
    case 'number':
      return checkNumber(kw, a.keyword, t);
    case 'number-or-bool':
      if (/^[0-9]+$/.test(t) || (a.version === '5' ? BOOL5 : BOOL4).includes(t)) return [];
      return whole(`\`${kw}\` takes a number or yes/no, not \`${t}\``);
    case 'time':
      return checkTime(kw, t, a.version);
    case 'percent':
      if (/^[0-9]+%$/.test(t)) return [];
      if (/^[0-9]+$/.test(t)) return whole(`\`${kw}\` is a percentage: write \`${t}%\``);
      return whole(`\`${kw}\` takes a whole percentage such as 100%, not \`${t}\``);
    case 'binary':
    case 'byte':
      return checkBinary(kw, t);
    case 'mark':
      return checkMark(kw, t);
    case 'ip':
      return checkIp(a.keyword, t, a.version);
    case 'ip-list':
      return checkIpList(kw, t);
    case 'subnet':
      return checkSubnet(kw, t, a.version);
    case 'subnets':
      return checkSubnets(kw, t, a.version);
    case 'range':
      return checkRange(kw, t);
    case 'id':
      return checkId(kw, t);
    case 'loose-enum':
      if (a.keyword === '') return checkHost(kw, t, a.allowed);
      if (t.startsWith('%') && a.allowed && !a.allowed.includes(t)) {
        return whole(`\`${kw}\`: \`${t}\` is not one of ${a.allowed.join(', ')}`);
      }
      return [];
    case 'list':
      if (a.keyword === 'authby') return checkAuthby(kw, t, a.version);
      if (a.keyword === 'virtual-private' || a.keyword === 'virtual_private') return checkVirtualPrivate(kw, t);
      return a.allowed ? checkListEnum(kw, t, a.allowed) : [];
    case 'algorithms': {
      const kind: ProposalKind = a.keyword === 'ike' ? 'ike' : a.keyword === 'ah' ? 'ah' : 'esp';
      return validateAlgorithms(kind, t, { version: a.version, keyword: kw });
    }
    default:
      return [];
  }
}

function checkBool(kw: string, t: string, v: LibreswanVersion): ValueIssue[] {
  const ok = v === '5' ? BOOL5 : BOOL4;
  if (ok.includes(t)) return [];
  if (ok.includes(t.toLowerCase())) return [valueError(0, t.length, `\`${kw}\`: write \`${t.toLowerCase()}\` in lower case; Libreswan does not accept \`${t}\``)];
  if (v === '4' && (t === '1' || t === '0')) {
    return [valueError(0, t.length, `\`${kw}\` takes yes or no in Libreswan 4 (1/0 are accepted only from 5.0)`)];
  }
  return [valueError(0, t.length, `\`${kw}\` takes yes or no, not \`${t}\``)];
}

function checkEnum(kw: string, t: string, allowed: readonly string[] | null): ValueIssue[] {
  if (!allowed || allowed.length === 0) return [];
  if (allowed.some((x) => x.toLowerCase() === t.toLowerCase())) return [];
  return [valueError(0, t.length, `\`${kw}\` takes one of ${allowed.join(', ')}, not \`${t}\``)];
}

function checkListEnum(kw: string, t: string, allowed: readonly string[] | null): ValueIssue[] {
  const items = splitWithOffsets(t, /[,\s]/);
  if (!allowed || allowed.length === 0) return [];
  const low = new Set(allowed.map((x) => x.toLowerCase()));
  return items.filter((i) => !low.has(i.text.toLowerCase()) && !low.has(i.text.toLowerCase().replace(/^no-/, '')))
    .map((i) => valueError(i.start, i.start + i.text.length, `\`${kw}\`: \`${i.text}\` is not one of ${allowed.join(', ')}`));
}

function checkNumber(kw: string, keyword: string, t: string): ValueIssue[] {
  if (keyword === 'keyingtries' && t === '%forever') return [];
  if (/^[0-9]+$/.test(t) || /^0x[0-9a-fA-F]+$/.test(t)) {
    if (t.length > 20) return [valueError(0, t.length, `\`${kw}\`: \`${t}\` is too large`)];
    return [];
  }
  if (/^-[0-9]+$/.test(t)) return [valueError(0, t.length, `\`${kw}\` cannot be negative`)];
  return [valueError(0, t.length, `\`${kw}\` takes a whole number, not \`${t}\``)];
}

const TIME4 = /^[0-9]+(s|m|h|d|ms)?$/i;
const TIME5 = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)(us|ms|s|m|h|d|w|seconds?|minutes?|hours?|days?|weeks?)?$/i;

function checkTime(kw: string, t: string, v: LibreswanVersion): ValueIssue[] {
  if ((v === '5' ? TIME5 : TIME4).test(t)) return [];
  if (v === '4' && TIME5.test(t)) {
    return [valueError(0, t.length, `\`${kw}\`: Libreswan 4 takes a whole number with an optional s, m, h, d or ms suffix, not \`${t}\``)];
  }
  const accepted = v === '5' ? 'a number with an optional unit (ms, s, m, h, d, w)' : 'a whole number with an optional s, m, h, d or ms suffix';
  return [valueError(0, t.length, `\`${kw}\` takes a duration: ${accepted}, e.g. 8h; not \`${t}\``)];
}

const BINARY = /^([0-9]+(\.[0-9]*)?)(ki|mi|gi|ti|pi|ei|kib|mib|gib|tib|pib|eib)?$/i;

function checkBinary(kw: string, t: string): ValueIssue[] {
  if (BINARY.test(t)) return [];
  if (/^[0-9]+(\.[0-9]*)?\s*[kmgtpe]b?$/i.test(t)) {
    return [valueError(0, t.length, `\`${kw}\`: use binary (IEC) suffixes such as Ki, Mi, Gi (or KiB, MiB, GiB), not \`${t.replace(/^[0-9.]+\s*/, '')}\``)];
  }
  return [valueError(0, t.length, `\`${kw}\` takes a number with an optional IEC suffix (Ki, Mi, Gi, Ti...), not \`${t}\``)];
}

/** Parses a C `strtoul(..., 0)` style number: decimal, 0x hex or 0-prefixed octal. */
function parseCNumber(s: string): number | null {
  let n: number;
  if (/^0[xX][0-9a-fA-F]{1,8}$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[0-7]*$/.test(s) && s.length <= 12) n = s.length === 1 ? 0 : parseInt(s.slice(1), 8);
  else if (/^[1-9][0-9]{0,9}$/.test(s)) n = Number(s);
  else return null;
  return n <= 0xffffffff ? n : null;
}

function checkMark(kw: string, t: string): ValueIssue[] {
  const slash = t.indexOf('/');
  const valText = slash < 0 ? t : t.slice(0, slash);
  const issues: ValueIssue[] = [];
  const unique = valText === '-1';
  const val = unique ? null : parseCNumber(valText);
  if (!unique && val === null) {
    issues.push(valueError(0, valText.length, `\`${kw}\` takes value[/mask] with 32-bit numbers (decimal or 0x hex) or -1 for a unique mark per SA; \`${valText}\` is not valid`));
  }
  let mask = 0xffffffff;
  if (slash >= 0) {
    const m = parseCNumber(t.slice(slash + 1));
    if (m === null) issues.push(valueError(slash + 1, t.length, `\`${kw}\`: the mask \`${t.slice(slash + 1)}\` must be a 32-bit number such as 0xffffffff`));
    else mask = m;
  }
  if (issues.length === 0 && val !== null && (val & ~mask) >>> 0 !== 0) {
    issues.push(valueError(0, t.length, `\`${kw}\`: value ${valText} has bits outside the mask`));
  }
  if (issues.length === 0 && slash >= 0 && mask === 0) {
    issues.push(valueWarning(slash + 1, t.length, `\`${kw}\`: a zero mask matches every packet`));
  }
  return issues;
}

const AUTHBY4 = ['secret', 'rsasig', 'rsa', 'never', 'null', 'rsa-sha1', 'rsa-sha2', 'rsa-sha2_256', 'rsa-sha2_384', 'rsa-sha2_512', 'ecdsa', 'ecdsa-sha2', 'ecdsa-sha2_256', 'ecdsa-sha2_384', 'ecdsa-sha2_512'];
const AUTHBY5 = [...AUTHBY4, 'eddsa'];

function checkAuthby(kw: string, t: string, v: LibreswanVersion): ValueIssue[] {
  const ok = v === '5' ? AUTHBY5 : AUTHBY4;
  const items = splitWithOffsets(t, /[,\s]/);
  if (items.length === 0) return [valueError(0, t.length, `\`${kw}\` needs at least one method, e.g. secret or rsasig`)];
  const issues: ValueIssue[] = [];
  for (const i of items) {
    const end = i.start + i.text.length;
    if (i.text === 'ecdsa-sha1') issues.push(valueError(i.start, end, `\`${kw}\`: ECDSA works only with SHA-2 here; use ecdsa-sha2`));
    else if (i.text === 'psk') issues.push(valueError(i.start, end, `\`${kw}\`: write \`secret\` for a pre-shared key`));
    else if (!ok.includes(i.text)) issues.push(valueError(i.start, end, `\`${kw}\`: \`${i.text}\` is not a method; use secret, rsasig, ecdsa, null, never${v === '5' ? ', eddsa' : ''} or rsa-sha2_256 style variants`));
  }
  return issues;
}
