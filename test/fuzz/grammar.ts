/**
 * fast-check arbitraries that speak the four languages: lines built from the real keyword names (Libreswan
 * keyword table), the FRR command grammar and the Yamaha RTX catalog, plus secrets entries. Every secret
 * value is a MARKED secret (`SECRET_MARK` + random letters) so a leak is detectable in any output.
 */
import fc from 'fast-check';
import { KEYWORDS } from '../../server/src/languages/libreswan/keywords';
import frrTable from '../../server/src/languages/frr/data/commands.json';
import yamahaTable from '../../server/src/languages/yamaha/data/commands.json';
import type { CatalogCommand, CatalogParam } from '../../server/src/languages/yamaha/catalog';
import { prng as mulberry } from '../support/prng';

/** Prefix of every generated secret value: no product text contains it, so any hit is a leak. */
export const SECRET_MARK = 'Zq7Xk';

/** A marked secret: the mark plus 3..20 letters/digits (safe inside quotes and bare words). */
export const secretArb: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), minLength: 3, maxLength: 20 })
  .map((s) => SECRET_MARK + s);

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.'));
const small = fc.oneof(fc.constantFrom('10.0.0.1', '169.254.10.1', '169.254.10.2', '192.0.2.1', '198.51.100.7', '0.0.0.0', '169.254.10.0'), ipv4);
const prefix = fc.tuple(small, fc.integer({ min: 0, max: 33 })).map(([a, l]) => `${a}/${l}`);
const ipv6 = fc.constantFrom('2001:db8::1', '::', 'fe80::1', '2001:db8:0:1::/64', '::1');
const word = fc.oneof(
  fc.constantFrom('aws', 'oci', 'tun1', 'tun2', 'RM-IN', 'PL-OUT', 'vti1', '%any', '%defaultroute', '@east', '@west', 'yes', 'no', 'on', 'off', '65000', '31898', '64512', '0x10/0xffffffff', '5/0xffffffff', 'aes256-sha2_256', 'aes128-sha1;modp2048', 'ikev2', 'tunnel', 'start', 'add'),
  fc.string({ unit: fc.constantFrom(...'abcxyz019-_./%@:'), minLength: 1, maxLength: 12 }),
);
/** A value-ish word: addresses, prefixes, numbers, names. */
export const valueArb: fc.Arbitrary<string> = fc.oneof(small, prefix, ipv6, word, fc.integer({ min: -5, max: 70000 }).map(String));

/** Odd characters fuzzers like: quotes, tabs, CR, NUL, BOM, astral and combining characters, lone surrogates. */
const oddChar = fc.constantFrom('"', "'", '\t', '\r', '\0', '\uFEFF', '#', '!', '=', ':', '{', '}', '\\', ' ', '\u00e9', '\u{1F600}', 'e\u0301', '\uD800', '\u3042', '\u00a0');
/** A short run of odd characters. */
export const noiseArb: fc.Arbitrary<string> = fc.array(oddChar, { maxLength: 4 }).map((a) => a.join(''));

// ---------------- Libreswan ----------------

const kwNames = [...new Set(KEYWORDS.flatMap((k) => (k.leftright ? [`left${k.name}`, `right${k.name}`, k.name] : [k.name, ...k.aliases])).filter(Boolean))];
const kwValue = (name: string): fc.Arbitrary<string> => {
  const spec = KEYWORDS.find((k) => name === k.name || name === `left${k.name}` || name === `right${k.name}`);
  const vals = spec?.values['5'] ?? spec?.values['4'];
  return vals && vals.length ? fc.oneof(fc.constantFrom(...vals), valueArb) : valueArb;
};
const rareNoise = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: noiseArb });
const kwLine = fc.constantFrom(...kwNames).chain((k) =>
  fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('\t', '    ') }, { weight: 1, arbitrary: fc.constantFrom(' ', '') }), fc.constant(k), fc.oneof({ weight: 8, arbitrary: fc.constant('=') }, { weight: 1, arbitrary: fc.constantFrom('= ', ' =', '', '==') }), kwValue(k), rareNoise),
).map(([i, k, eq, v, n]) => `${i}${k}${eq}${v}${n}`);

/** An ipsec.conf section: a `conn` / `config setup` header and its keyword lines (mostly well-formed). */
export const libreswanSectionArb: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: word.map((n) => `conn ${n}`) }, { weight: 1, arbitrary: fc.constantFrom('config setup', 'conn %default') }), fc.array(fc.oneof({ weight: 8, arbitrary: kwLine }, { weight: 1, arbitrary: word.map((n) => `\talso=${n}`) }), { maxLength: 12 }))
  .map(([h, ls]) => [h, ...ls].join('\n'));

/** A route-based tunnel conn from small pools of addresses, marks and inside CIDRs, so ends pair across hosts. */
export const tunnelConnArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('192.0.2.1', '198.51.100.7', '%defaultroute'), fc.constantFrom('192.0.2.1', '198.51.100.7', '203.0.113.5'), fc.integer({ min: 1, max: 3 }), fc.constantFrom('169.254.10.1/30', '169.254.10.2/30', '169.254.10.0/30', '169.254.11.1/30'), fc.constantFrom('0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24'), fc.constantFrom('secret', 'psk', 'rsasig'), word)
  .map(([l, r, mark, vti, sub, auth, name]) => `conn ${name}\n\tleft=${l}\n\tright=${r}\n\tauthby=${auth}\n\tmark=${mark}/0xffffffff\n\tvti-interface=vti${mark}\n\tleftvti=${vti}\n\tleftsubnet=${sub}\n\trightsubnet=0.0.0.0/0\n\tauto=start`);

/** One line of an ipsec.conf file. */
export const libreswanLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: kwLine },
  { weight: 2, arbitrary: word.map((n) => `conn ${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('config setup', 'conn %default', 'version 2', '', '# comment', '\t# indented comment') },
  { weight: 1, arbitrary: fc.constantFrom('include /etc/ipsec.d/*.conf', 'include ipsec.d/x.conf', 'include /etc/ipsec.conf', 'include') },
  { weight: 1, arbitrary: word.map((n) => `\talso=${n}`) },
  { weight: 1, arbitrary: fc.tuple(kwLine, noiseArb).map(([l, n]) => `${l}"${n}`) },
);

// ---------------- secrets ----------------

const selector = fc.oneof(small, ipv6.filter((a) => a !== '::'), fc.constantFrom('%any', '@east', '@west', '@aws.example.com', '"@quoted id"'));
/** One secrets entry whose secret (if any) is marked. */
export const secretsLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(selector, { maxLength: 3 }), fc.constantFrom('PSK', 'XAUTH', 'PPKS "ppkid"', 'EAP', ''), fc.constantFrom('"', "'", ''), secretArb).map(([sel, kind, q, s]) => `${sel.length ? `${sel.join(' ')} ` : ''}: ${kind} ${q}${s}${q}`) },
  { weight: 1, arbitrary: secretArb.map((s) => `@a @b : PSK 0t${s}`) },
  { weight: 1, arbitrary: fc.tuple(selector, secretArb).map(([sel, s]) => `${sel} :\n\tPSK "${s}"`) },
  { weight: 1, arbitrary: fc.constantFrom('include /etc/ipsec.d/*.secrets', ': RSA { # key', '}', '', '# x', ': PSK', 'a b c') },
);

// ---------------- FRR ----------------

const frrByNode = frrTable.commands as unknown as Record<string, Array<[string, string, number]>>;
const FRR_FOCUS = ['CONFIG_NODE', 'BGP_NODE', 'BGP_IPV4_NODE', 'RMAP_NODE', 'INTERFACE_NODE', 'VTY_NODE', 'KEYCHAIN_KEY_NODE'];
/** Every FRR grammar string; the BGP/route-map/interface/vty nodes we care about are listed twice. */
const frrCommands: string[] = Object.entries(frrByNode).flatMap(([node, cmds]) => cmds.map((c) => c[0]).concat(FRR_FOCUS.includes(node) ? cmds.map((c) => c[0]) : []));
const frrSecretCommands = frrCommands.filter((c) => /password|key-string|authentication-key|md5 KEY/.test(c) && !c.startsWith('no '));

/** Splits `a <b|c> [d] e` at top-level blanks, keeping bracketed groups whole. */
function topLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('<[{('.includes(ch)) depth++;
    if ('>]})'.includes(ch)) depth--;
    if (ch === sep && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.filter((x) => x.length > 0);
}

/** Keywords after which an FRR LINE/KEY/AUTH_KEY token is a secret. */
const SECRET_BEFORE = /^(password|key-string|authentication-key|md5|\(8-8\)|8)$/;

/** Expands an FRR grammar string into words, choosing alternatives with `pick` (r in [0,1)), secret slots with `secret`. */
export function expandFrr(grammar: string, rnd: () => number, secret: string): string {
  const words: string[] = [];
  const token = (t: string): void => {
    if (t.startsWith('<') && t.endsWith('>')) { const alts = topLevel(t.slice(1, -1), '|'); seq(alts[Math.floor(rnd() * alts.length)] ?? ''); return; }
    if (t.startsWith('[') && t.endsWith(']')) { if (rnd() < 0.5) { const alts = topLevel(t.slice(1, -1), '|'); seq(alts[Math.floor(rnd() * alts.length)] ?? ''); } return; }
    if (t.startsWith('{') && t.endsWith('}')) { for (const a of topLevel(t.slice(1, -1), '|')) if (rnd() < 0.4) seq(a); return; }
    const range = /^\((-?\d+)-(\d+)\)$/.exec(t);
    if (range) { const lo = Number(range[1]); const hi = Number(range[2]); words.push(String(rnd() < 0.1 ? hi + 1 : lo + Math.floor(rnd() * Math.min(hi - lo + 1, 100000)))); return; }
    if (t === 'A.B.C.D') { words.push(`10.${Math.floor(rnd() * 4)}.0.${Math.floor(rnd() * 4)}`); return; }
    if (t === 'A.B.C.D/M') { words.push(`10.${Math.floor(rnd() * 4)}.0.0/${Math.floor(rnd() * 34)}`); return; }
    if (t.startsWith('X:X::X:X')) { words.push(t.endsWith('/M') ? '2001:db8::/64' : '2001:db8::1'); return; }
    if (/^(LINE|KEY|AUTH_KEY)(\.\.\.)?$/.test(t) && SECRET_BEFORE.test(words[words.length - 1] ?? '')) { words.push(secret); return; }
    if (/^[A-Z][A-Z0-9_:.]*(\.\.\.)?$/.test(t)) { words.push(['RM-IN', 'PL-OUT', 'eth0', 'x', '1', 'vti1'][Math.floor(rnd() * 6)]); return; }
    if (/^\$/.test(t)) return;
    words.push(t.replace(/\$\w+/g, ''));
  };
  const seq = (s: string): void => { for (const t of topLevel(s, ' ')) token(t); };
  seq(grammar);
  return words.join(' ');
}

/** FRR blocks: a header that enters a node, then commands of that node (indented), then `exit`. */
const FRR_BLOCKS: Array<[string, string]> = [
  ['router bgp 65000', 'BGP_NODE'], ['router bgp 65000\n address-family ipv4 unicast', 'BGP_IPV4_NODE'], ['route-map RM-IN permit 10', 'RMAP_NODE'],
  ['interface eth0', 'INTERFACE_NODE'], ['line vty', 'VTY_NODE'], ['key chain kc\n key 1', 'KEYCHAIN_KEY_NODE'],
];
const nodeLine = (node: string): fc.Arbitrary<string> => {
  const cmds = (frrByNode[node] ?? []).map((c) => c[0]);
  return fc.tuple(fc.constantFrom(...cmds), fc.integer(), secretArb).map(([g, seed, s]) => '  ' + expandFrr(g, mulberry(seed), s));
};
/** An FRR block of one node, or a few top-level (CONFIG_NODE) commands. */
export const frrBlockArb: fc.Arbitrary<string> = fc.oneof(
  ...FRR_BLOCKS.map(([h, node]) => fc.array(nodeLine(node), { maxLength: 8 }).map((ls) => [h, ...ls, node === 'BGP_IPV4_NODE' ? ' exit-address-family\nexit' : 'exit'].join('\n'))),
  fc.array(nodeLine('CONFIG_NODE').map((l) => l.trim()), { maxLength: 4 }).map((ls) => ls.join('\n')),
);

/** One FRR line: a grammar command instantiated (secrets marked), with random indentation. */
export const frrLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...frrCommands), fc.integer(), secretArb, fc.constantFrom('', ' ', '  ')).map(([g, seed, s, ind]) => ind + expandFrr(g, mulberry(seed), s)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...frrSecretCommands), fc.integer(), secretArb).map(([g, seed, s]) => ' ' + expandFrr(g, mulberry(seed), s)) },
  { weight: 1, arbitrary: fc.constantFrom('!', 'exit', 'exit-address-family', 'end', 'router bgp 65000', ' address-family ipv4 unicast', '', 'frr version 8.4.4') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...frrCommands), fc.integer(), secretArb, noiseArb).map(([g, seed, s, n]) => expandFrr(g, mulberry(seed), s).slice(0, 12) + n) },
);

// ---------------- Yamaha ----------------

const yCommands = (yamahaTable.commands as unknown as CatalogCommand[]).filter((c) => !c.operational);
const yParam = (p: CatalogParam, secret: string, rnd: () => number): string => {
  if (p.secret) return secret;
  if (p.values?.length && rnd() < 0.8) return p.values[Math.floor(rnd() * p.values.length)];
  switch (p.type) {
    case 'int': { const lo = p.min ?? 0; const hi = p.max ?? 100; return String(rnd() < 0.1 ? hi + 1 : lo + Math.floor(rnd() * Math.min(hi - lo + 1, 1000))); }
    case 'ipv4': return `169.254.${Math.floor(rnd() * 3)}.${Math.floor(rnd() * 6)}`;
    case 'ipv4-prefix': return `10.${Math.floor(rnd() * 3)}.0.0/${Math.floor(rnd() * 34)}`;
    case 'on-off': return rnd() < 0.5 ? 'on' : 'off';
    case 'interface': return ['lan1', 'lan2', 'tunnel1', 'pp1'][Math.floor(rnd() * 4)];
    case 'key=value': return `${p.name}=${Math.floor(rnd() * 100)}`;
    case 'quoted-string': return `"x ${Math.floor(rnd() * 9)}"`;
    default: return ['x', 'aws', '10', '0x1f', '*'][Math.floor(rnd() * 5)];
  }
};

/** One Yamaha line: a catalogued command with generated arguments (secret parameters get marked secrets). */
export const yamahaLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...yCommands), fc.integer(), secretArb, fc.constantFrom('', ' ', 'no ')).map(([c, seed, s, lead]) => {
    const rnd = mulberry(seed);
    const params = c.params.filter((p) => !p.optional || rnd() < 0.5).map((p) => (p.keyword ? `${p.keyword} ` : '') + yParam(p, s, rnd));
    return `${lead}${c.words.map((w) => (w.startsWith('<') ? 'lan1' : w)).join(' ')} ${params.join(' ')}`.trimEnd();
  }) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 300 }), secretArb, fc.constantFrom('text ', '')).map(([g, s, t]) => `ipsec ike pre-shared-key ${g} ${t}${s}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => `tunnel select ${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('tunnel select none', 'pp select anonymous', '# RTX1210 Rev.14.01.42 (Fri Jan 1 2021)', '', '#', '  tunnel enable 1') },
);

/** A whole file: lines joined with LF or CRLF, maybe a trailing newline. */
export function fileArb(line: fc.Arbitrary<string>, maxLines = 30): fc.Arbitrary<string> {
  return fc.tuple(fc.array(line, { maxLength: maxLines }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, end]) => ls.join(eol) + (end ? eol : ''));
}

export { prng as mulberry } from '../support/prng';
