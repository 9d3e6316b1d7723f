/**
 * Validator for Libreswan proposal strings (`ike=`, `esp=`, `ah=`, `phase2alg=`), judged the way
 * `ipsec algparse` does. Grammar and checks follow lib/libswan/v2_proposals.c,
 * v1_proposals.c, proposals.c (proposal_parse_encrypt, proposal_aead_none_ok), alg_byname.c,
 * ike_info.c / esp_info.c / ah_info.c; algorithm facts come from data/algorithms.json.
 * Stricter than Libreswan in one way: weak algorithms get a warning-level issue.
 */
import { algorithmUsable, findAlgorithm, type AlgorithmFact, type AlgorithmPart, type ProposalKind } from './algorithm-data';
import type { LibreswanVersion, ValueIssue } from './value-issue';

export { algorithmNames, describeAlgorithm } from './algorithm-data';
export type { AlgorithmPart, ProposalKind } from './algorithm-data';

/** Options of {@link validateAlgorithms}. */
export interface AlgorithmOptions {
  /** Libreswan major version (selects the algorithm table). */
  version: LibreswanVersion;
  /** IKE version of the connection; default 2 (Libreswan's default since 4.0). */
  ikeVersion?: 1 | 2;
  /** Keyword name used in messages; defaults to `kind`. */
  keyword?: string;
}

interface Token { text: string; start: number; end: number; term: string }
interface Parsed { alg: AlgorithmFact; start: number; end: number }
class Fail { constructor(readonly issue: ValueIssue) {} }

const PART_WORD: Record<AlgorithmPart, string> = { encryption: 'encryption', integrity: 'integrity', prf: 'PRF', dh: 'DH group' };
const SUGGEST: Record<AlgorithmPart, string> = {
  encryption: 'e.g. aes, aes_gcm, chacha20_poly1305',
  integrity: 'e.g. sha2_256, sha2_512, none',
  prf: 'e.g. sha2_256, sha2_384, sha2_512',
  dh: 'e.g. dh19, dh20, dh31, modp2048',
};

/**
 * Validates one proposal string for `kind` (`phase2alg` callers pass 'esp'). Offsets in the
 * returned issues are 0-based UTF-16 offsets into `text`, pointing at the offending token.
 * Errors use code `invalid-algorithm`; weak choices are warning-level issues. Like Libreswan,
 * stops at the first error of each comma-separated proposal. Never throws; linear time.
 */
export function validateAlgorithms(kind: ProposalKind, text: string, opts: AlgorithmOptions): ValueIssue[] {
  const issues: ValueIssue[] = [];
  try {
    const ctx: Ctx = { kind, v: opts.version, ike: opts.ikeVersion ?? 2, kw: opts.keyword ?? kind, warnings: issues };
    if (typeof text !== 'string' || text.length === 0) {
      issues.push(err(0, 0, `\`${ctx.kw}\` needs at least one proposal, e.g. ${kind === 'ah' ? 'sha2_256' : kind === 'ike' ? 'aes256-sha2_256-dh19' : 'aes256-sha2_256'}`));
      return issues;
    }
    let pos = 0;
    for (;;) {
      const comma = text.indexOf(',', pos);
      const end = comma < 0 ? text.length : comma;
      const warnMark = issues.length;
      try {
        parseProposal(ctx, text, pos, end);
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
        issues.splice(warnMark); // a broken proposal: report the error, not its warnings
        issues.push(e.issue);
      }
      if (comma < 0) break;
      pos = comma + 1;
    }
  } catch {
    // Defensive: never throw on any input.
  }
  return issues;
}

interface Ctx { kind: ProposalKind; v: LibreswanVersion; ike: 1 | 2; kw: string; warnings: ValueIssue[] }

function err(start: number, end: number, message: string): ValueIssue {
  return { start, end, message, code: 'invalid-algorithm' };
}

function tokenize(text: string, from: number, to: number, delims: string): Token[] {
  const out: Token[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (delims.includes(text[i]!)) {
      out.push({ text: text.slice(s, i), start: s, end: i, term: text[i]! });
      s = i + 1;
    }
  }
  out.push({ text: text.slice(s, to), start: s, end: to, term: '' });
  return out;
}

function parseProposal(ctx: Ctx, text: string, from: number, to: number): void {
  const v2 = ctx.ike === 2;
  const toks = tokenize(text, from, to, v2 ? '-;+' : '-;');
  const prev = (i: number) => (i === 0 ? '' : toks[i - 1]!.term);
  const p = { encrypt: [] as Parsed[], integ: [] as Parsed[], prf: [] as Parsed[], dh: [] as Parsed[] };
  let i = 0;
  const n = toks.length;

  if (ctx.kind !== 'ah') {
    if (v2 || prev(i) !== ';') {
      i = parseEncrypt(ctx, toks, i, p.encrypt);
      while (v2 && i < n && prev(i) === '+') i = parseEncrypt(ctx, toks, i, p.encrypt);
    }
  }
  // A list `a+b+c` of one slot; throws on the first bad entry.
  const list = (part: AlgorithmPart, out: Parsed[]): void => {
    out.push(lookup(ctx, part, toks[i]!));
    i++;
    while (v2 && i < n && prev(i) === '+') { out.push(lookup(ctx, part, toks[i]!)); i++; }
  };
  if (v2) {
    let prfFail: Fail | undefined;
    if (ctx.kind === 'ike' && i < n && prev(i) !== ';') {
      const save = i; const got: Parsed[] = [];
      try { list('prf', got); p.prf.push(...got); } catch (e) { if (!(e instanceof Fail)) throw e; prfFail = e; i = save; }
    }
    if (i < n && prev(i) !== ';' && p.prf.length === 0) {
      try { list('integrity', p.integ); } catch (e) { if (!(e instanceof Fail)) throw e; throw prfFail ?? e; }
    }
    if (ctx.kind === 'ike' && i < n && prev(i) !== ';' && p.prf.length === 0) list('prf', p.prf);
    if (i < n) list('dh', p.dh);
  } else {
    if (ctx.kind === 'ike' && i < n && prev(i) !== ';') list('prf', p.prf);
    if (ctx.kind !== 'ike' && i < n && prev(i) !== ';') list('integrity', p.integ);
    if (i < n) list('dh', p.dh);
  }
  if (i < n) {
    const t = toks[i]!;
    const hint = ctx.kind === 'ike' ? 'ENCR-PRF-DH or ENCR-INTEG-PRF-DH' : ctx.kind === 'esp' ? 'ENCR-INTEG or ENCR-INTEG-DH' : 'INTEG or INTEG-DH';
    throw new Fail(err(t.start, to, `\`${ctx.kw}\`: unexpected \`${text.slice(t.start, to)}\` after the last part of the proposal (expected ${hint}${v2 ? '' : ', one algorithm per part in IKEv1'})`));
  }
  finalChecks(ctx, p, text, from, to);
}

function finalChecks(ctx: Ctx, p: Record<'encrypt' | 'integ' | 'prf' | 'dh', Parsed[]>, text: string, from: number, to: number): void {
  const kw = ctx.kw;
  if (ctx.kind !== 'ah' && p.encrypt.length > 0) {
    const aead = p.encrypt.filter((e) => e.alg.aead);
    if (aead.length > 0 && aead.length < p.encrypt.length) {
      throw new Fail(err(from, to, `\`${kw}\`: one proposal cannot mix AEAD ciphers (${aead[0]!.alg.fqn}) with non-AEAD ones; split them with a comma`));
    }
    const isNone = (x: Parsed) => x.alg.fqn === 'NONE';
    if (aead.length > 0) {
      const bad = p.integ.find((x) => !isNone(x));
      if (bad) throw new Fail(err(bad.start, bad.end, `\`${kw}\`: ${p.encrypt[0]!.alg.fqn} is an AEAD cipher, so its integrity must be \`none\` (or left out), not \`${text.slice(bad.start, bad.end)}\``));
    } else if (p.integ.length > 0 && p.integ.every(isNone)) {
      const x = p.integ[0]!;
      throw new Fail(err(x.start, x.end, `\`${kw}\`: ${p.encrypt[0]!.alg.fqn} is not an AEAD cipher, so it needs a real integrity algorithm instead of \`none\``));
    }
  }
  if (ctx.kind === 'ah') {
    const x = p.integ.find((y) => y.alg.fqn === 'NONE');
    if (x) throw new Fail(err(x.start, x.end, `\`${kw}\`: AH exists only for integrity, so \`none\` is not allowed`));
  }
  if (ctx.kind === 'ike') {
    const x = p.dh.find((y) => y.alg.fqn === 'NONE');
    if (x) throw new Fail(err(x.start, x.end, `\`${kw}\`: the IKE SA always needs a DH group; \`none\` is only meaningful for ESP/AH`));
  }
  for (const x of [...p.encrypt, ...p.integ, ...p.prf, ...p.dh]) {
    if (x.alg.weak) {
      ctx.warnings.push({ start: x.start, end: x.end, code: 'invalid-algorithm', severity: 'warning',
        message: `\`${kw}\`: \`${text.slice(x.start, x.end)}\` (${x.alg.fqn}) is weak; prefer ${weakAdvice(x.alg)}` });
    }
  }
}

function weakAdvice(a: AlgorithmFact): string {
  switch (a.kind) {
    case 'encryption': return 'aes_gcm or aes256';
    case 'dh': return 'dh19/dh20/dh31 or modp2048 and larger';
    default: return 'sha2_256 or sha2_512';
  }
}

/** alg_byname + alg_byname_ok for one token of one slot. */
function lookup(ctx: Ctx, part: AlgorithmPart, t: Token, name = t.text, end = t.end): Parsed {
  const kw = ctx.kw;
  if (name.length === 0) {
    throw new Fail(err(t.start, end, `\`${kw}\`: the ${PART_WORD[part]} part is empty (check for doubled or trailing separators)`));
  }
  const alg = findAlgorithm(ctx.v, part, name);
  if (!alg) {
    const other = (['encryption', 'integrity', 'prf', 'dh'] as AlgorithmPart[]).find((q) => q !== part && findAlgorithm(ctx.v, q, name));
    const where = other ? ` (it is a known ${PART_WORD[other]} name: check the order and number of parts)` : '';
    throw new Fail(err(t.start, end, `\`${kw}\`: \`${name}\` is not a known ${PART_WORD[part]} algorithm${where}; ${SUGGEST[part]}`));
  }
  checkUsable(ctx, part, alg, t.start, end, name);
  return { alg, start: t.start, end };
}

function checkUsable(ctx: Ctx, part: AlgorithmPart, alg: AlgorithmFact, start: number, end: number, name: string): void {
  const kw = ctx.kw;
  if (!alg.built) {
    throw new Fail(err(start, end, `\`${kw}\`: ${PART_WORD[part]} \`${name}\` (${alg.fqn}) is not supported by default builds of Libreswan ${ctx.v}.x; ${SUGGEST[part]}`));
  }
  const ok = ctx.ike === 1 ? (ctx.kind === 'ike' ? alg.v1Ike : alg.v1EspAh) : alg.v2;
  if (!ok) {
    throw new Fail(err(start, end, `\`${kw}\`: ${PART_WORD[part]} \`${name}\` (${alg.fqn}) cannot be used in an IKEv${ctx.ike} ${ctx.kind.toUpperCase()} proposal`));
  }
  if (ctx.kind === 'ike' && !algorithmUsable(alg, 'ike', ctx.ike)) {
    throw new Fail(err(start, end, `\`${kw}\`: ${PART_WORD[part]} \`${name}\` (${alg.fqn}) is only for ESP/AH; Libreswan cannot use it for the IKE SA`));
  }
}

/**
 * proposal_parse_encrypt: `<ealg>`, `<ealg>-<keylen>`, `<ealg><keylen>` or `<ealg>_<keylen>`.
 * Returns the index of the next token.
 */
function parseEncrypt(ctx: Ctx, toks: Token[], i: number, out: Parsed[]): number {
  const t = toks[i]!;
  const kw = ctx.kw;
  if (t.text.length === 0) throw new Fail(err(t.start, t.end, `\`${kw}\`: the encryption part is empty (check for doubled or trailing separators)`));
  const next = toks[i + 1];
  if (t.term === '-' && next && /^[0-9]/.test(next.text)) {
    const len = keyLength(ctx, next.text, t.start, next.end);
    const p = lookup(ctx, 'encryption', t);
    checkKeyLength(ctx, p.alg, len, t.start, next.end);
    out.push({ alg: p.alg, start: t.start, end: next.end });
    return i + 2;
  }
  const direct = findAlgorithm(ctx.v, 'encryption', t.text);
  if (direct) {
    checkUsable(ctx, 'encryption', direct, t.start, t.end, t.text);
    out.push({ alg: direct, start: t.start, end: t.end });
    return i + 1;
  }
  const m = /[0-9]+$/.exec(t.text);
  if (!m) lookup(ctx, 'encryption', t); // throws "not known"
  const digits = m![0];
  const len = keyLength(ctx, digits, t.start, t.end);
  let base = t.text.slice(0, t.text.length - digits.length);
  if (base.endsWith('_')) base = base.slice(0, -1);
  const alg = findAlgorithm(ctx.v, 'encryption', base);
  if (!alg) {
    throw new Fail(err(t.start, t.end, `\`${kw}\`: \`${t.text}\` is not a known encryption algorithm (with or without a key length); ${SUGGEST.encryption}`));
  }
  checkUsable(ctx, 'encryption', alg, t.start, t.end, base);
  checkKeyLength(ctx, alg, len, t.start, t.end);
  out.push({ alg, start: t.start, end: t.end });
  return i + 1;
}

function keyLength(ctx: Ctx, digits: string, start: number, end: number): number {
  if (!/^[0-9]+$/.test(digits)) throw new Fail(err(start, end, `\`${ctx.kw}\`: key length \`${digits}\` must be a number of bits`));
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed.length === 0) throw new Fail(err(start, end, `\`${ctx.kw}\`: a key length of zero is not allowed`));
  if (trimmed.length > 9) throw new Fail(err(start, end, `\`${ctx.kw}\`: key length \`${digits}\` is far too large`));
  return Number(trimmed);
}

function checkKeyLength(ctx: Ctx, alg: AlgorithmFact, len: number, start: number, end: number): void {
  const sizes = alg.keyLengths ?? [];
  if (alg.keyLengthFixed) {
    throw new Fail(err(start, end, `\`${ctx.kw}\`: ${alg.fqn} has a fixed key size, so no key length may be given (drop \`${len}\`)`));
  }
  if (!sizes.includes(len)) {
    const hint = alg.fqn.startsWith('AES_GCM') || alg.fqn.startsWith('AES_CCM') ? ` (write the ICV size and key length apart, e.g. ${alg.names[0]}_256 or aes_gcm_16_256)` : '';
    throw new Fail(err(start, end, `\`${ctx.kw}\`: ${alg.fqn} does not take a ${len}-bit key; valid sizes are ${sizes.join(', ')}${hint}`));
  }
}
