import type { FrrFile } from '../languages/frr/ast';
import type { YamahaFile } from '../languages/yamaha/ast';
import { bindCommand } from '../languages/yamaha/bind';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';

/** Shortest secret that is redacted: shorter ones would mangle ordinary words of the output. */
export const MIN_REDACTED_LENGTH = 4;

/**
 * Every secret value held in the snapshot, for a last-line defence: output is scanned and any secret of
 * 4+ characters is replaced by `****` before it leaves the process. Secrets are: Libreswan secrets-file
 * entries (PSK, XAUTH, EAP, PPKS, ...), Yamaha parameters the catalog marks secret (`ipsec ike
 * pre-shared-key`, `bgp neighbor pre-shared-key`, xauth/eap passwords) and the last word of any Yamaha
 * `pre-shared-key`/`password` line, and FRR passwords and keys (`password`, `enable password`,
 * `neighbor ... password`, `key-string`, OSPF `authentication-key` / `message-digest-key ... md5`).
 * Longest first, so a secret that contains another is replaced whole.
 */
export function collectSecrets(snapshot: WorkspaceSnapshot): string[] {
  const out = new Set<string>();
  for (const f of snapshot.files.values()) for (const s of secretsOfFile(f)) out.add(s);
  return [...out].sort((a, b) => b.length - a.length);
}

const perFile = new WeakMap<AnalyzedFile, readonly string[]>();

/** The secrets of one file, computed once per file version (an edit re-reads only the edited file). */
export function secretsOfFile(f: AnalyzedFile): readonly string[] {
  let list = perFile.get(f);
  if (list) return list;
  const found: string[] = [];
  const add = (s: string | null | undefined): void => {
    if (s && s.length >= MIN_REDACTED_LENGTH) found.push(s);
  };
  const p = f.parsed;
  if (p.languageId === 'libreswan-secrets') for (const e of p.ast.entries) add(e.secret);
  else if (p.languageId === 'yamaha-rtx') yamahaSecrets(p.ast, add);
  else if (p.languageId === 'frr') frrSecrets(p.ast, add);
  list = found;
  perFile.set(f, list);
  return list;
}

const YAMAHA_SECRET_WORD = /^(pre-shared-key|password)$/i;

/** Yamaha: catalog-secret parameters, plus the last word of a line that names a key or password. */
function yamahaSecrets(ast: YamahaFile, add: (s: string) => void): void {
  for (const c of ast.commands) {
    for (const a of bindCommand(c).args) if (a.param?.secret) add(a.token.key !== undefined ? (a.token.kv ?? '') : a.token.value);
    const k = c.tokens.findIndex((t) => YAMAHA_SECRET_WORD.test(t.value));
    if (k >= 0 && k < c.tokens.length - 1) {
      const last = c.tokens[c.tokens.length - 1];
      if (!/^(text|encrypted|\*)$/i.test(last.value)) add(last.value);
    }
  }
}

/** Grammar tokens that hold an FRR secret, and the keywords they follow. */
const FRR_SECRET_LEAF = /^(LINE|KEY|AUTH_KEY)(\.\.\.)?$/;
const FRR_SECRET_WORD = /^(password|key-string|authentication-key|md5)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * FRR: on an accepted line, the words matched by LINE/KEY/AUTH_KEY after a password/key keyword (each
 * word, and a multi-word LINE as written); on a rejected line, every word after such a keyword except
 * an address and a leading encryption-type digit.
 */
function frrSecrets(ast: FrrFile, add: (s: string) => void): void {
  for (const l of ast.lines) {
    const words = l.norm ?? l.words.map((w) => w.text);
    const k = words.findIndex((w) => FRR_SECRET_WORD.test(w));
    if (k < 0) continue;
    const rest: string[] = [];
    for (let i = k + 1; i < l.words.length; i++) {
      const w = l.words[i].text;
      if (l.status === 'ok' && l.leaves) {
        if (FRR_SECRET_LEAF.test(l.leaves[i] ?? '')) rest.push(w);
      } else if (!IPV4.test(w) && !(i === k + 1 && /^[078]$/.test(w) && i < l.words.length - 1)) rest.push(w);
    }
    for (const w of rest) add(w);
    if (rest.length > 1) add(rest.join(' '));
  }
}

/** Replaces every occurrence of a secret in `text` with `****`. */
export function redact(text: string, secrets: readonly string[]): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join('****');
  return text;
}
