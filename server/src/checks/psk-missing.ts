import { randomBytes } from '../core/random';
import type { Finding } from '../core/types';
import { PSK_ALPHABET } from '../model/clouds';
import { pskText } from '../model/secrets';
import { endLabel, hostLabel, tunnelModel, type TunnelEnd } from '../model/tunnels';
import { yamahaFactsOf } from '../model/yamaha';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import type { WorkspaceCheck } from './types';

/**
 * DESIGN §2 `psk-missing`: a loaded conn that authenticates with a PSK (`authby=secret`, or
 * `leftauth`/`rightauth=secret`) has no entry in its host's secrets files that Libreswan would pick for
 * its IDs (model/secrets.ts: most specific match wins; `%any` and a bare `:` line are defaults).
 * A Yamaha RTX tunnel whose IKE gateway authenticates with a PSK (model/ends-yamaha.ts `gatewayUsesPsk`)
 * but has no `ipsec ike pre-shared-key G ...` is reported the same way.
 * Silent on a Libreswan host one of whose secrets files could not be read (`AnalyzedFile.readProblem`): the
 * missing entry may be in it, and that file's `unreadable-file` finding already explains the gap.
 */
export const check: WorkspaceCheck = {
  code: 'psk-missing',
  defaultSeverity: 'error',
  description: 'A conn that authenticates with a PSK has no matching entry in any secrets file of its host.',
  scope: 'workspace',
  run(snapshot) {
    const model = tunnelModel(snapshot);
    const out: Finding[] = [];
    for (const e of model.ends) {
      if (!e.usesPsk || e.psk) continue;
      if (e.vendor === 'yamaha') {
        const f = yamahaFinding(snapshot, e);
        if (f) out.push(f);
        continue;
      }
      if (e.vendor !== 'libreswan') continue;
      const secretsFiles = e.host.fileUris.map((u) => snapshot.files.get(u)).filter((f) => f?.languageId === 'libreswan-secrets');
      // A secrets file that could not be read may hold the entry: its unreadable-file finding says it all.
      if (secretsFiles.some((f) => f?.readProblem !== undefined)) continue;
      const hasSecrets = secretsFiles.length > 0;
      const ids = selectorsFor(e);
      const where = hasSecrets ? 'no entry of this host\'s secrets files matches it' : 'this host has no secrets file (ipsec.secrets)';
      out.push({
        uri: e.uri,
        range: e.nameRange,
        // With no secrets file in view (a lone ipsec.conf) the keys may simply live elsewhere: a note, not an error.
        severity: hasSecrets ? 'error' : 'information',
        code: 'psk-missing',
        message: `${endLabel(e)} authenticates with a PSK but ${where}; add a line \`${ids ? `${ids} ` : ''}: PSK "..."\`.`,
        ...(e.authby ? { related: [{ uri: e.authby.uri, range: e.authby.range, message: `authby=${e.authby.text}` }] } : {}),
        data: { end: e.key },
      });
    }
    return out;
  },
};

/** The selectors a new secrets line should carry: local ID (or address) then the peer's. */
function selectorsFor(e: TunnelEnd): string {
  const pick = (a?: { text: string; value: string | null }, b?: { text: string; value: string | null }): string | null => {
    for (const f of [a, b]) if (f && f.value && f.value !== 'any') return f.text;
    return null;
  };
  return [pick(e.localId, e.local), pick(e.remoteId, e.remote)].filter((x): x is string => !!x).join(' ');
}

/**
 * Generates a PSK of `length` characters from `alphabet` with crypto.randomBytes (rejection sampling,
 * no modulo bias), never starting with `0` (an AWS rule). Only ever written into an edit, never shown.
 */
export function generatePsk(length = 40, alphabet = PSK_ALPHABET): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= Math.floor(256 / alphabet.length) * alphabet.length) continue;
      const ch = alphabet[b % alphabet.length];
      if (out.length === 0 && ch === '0') continue;
      out += ch;
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Quick fixes: append a secrets line for the conn's IDs with a fresh PSK (letters and digits, valid for
 * AWS and OCI) to the host's ipsec.secrets (or its first secrets file); when the other end of the tunnel
 * has a PSK, a second fix copies it instead.
 */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const model = tunnelModel(snapshot);
  const key = (finding.data as { end?: string } | undefined)?.end;
  const e = model.ends.find((x) => x.key === key && x.uri === finding.uri);
  if (!e) return [];
  if (e.vendor === 'yamaha') return yamahaFixes(e, snapshot);
  const secretsUris = e.host.fileUris.filter((u) => snapshot.files.get(u)?.languageId === 'libreswan-secrets');
  const target = secretsUris.find((u) => u.endsWith('/ipsec.secrets')) ?? secretsUris[0];
  if (!target) return [];
  const f = snapshot.files.get(target)!;
  const last = f.lines.length - 1;
  const lastText = f.lines[last] ?? '';
  const at = { uri: target, range: { start: { line: last, character: lastText.length }, end: { line: last, character: lastText.length } } };
  const ids = selectorsFor(e);
  const lineFor = (literal: string): string => `${lastText === '' ? '' : '\n'}${ids ? `${ids} ` : ''}: PSK ${literal}\n`;
  const out: CodeActionLike[] = [];
  const peer = model.peer.get(e);
  const theirs = peer?.psk?.psk.entry.secret;
  if (peer && theirs) {
    out.push({ title: `Add a secrets entry with the PSK of ${hostLabel(peer.host)} (${endLabel(peer, false)})`, edits: [{ ...at, newText: lineFor(secretLiteral(theirs)) }], isPreferred: true });
  }
  out.push({ title: 'Add a secrets entry with a new random PSK', edits: [{ ...at, newText: lineFor(`"${generatePsk()}"`) }], isPreferred: !out.length });
  return out;
}

/** A secret as it must be written in a secrets file: `0x`/`0s`/`0t` forms as they are, text in double quotes. */
export function secretLiteral(secret: string): string {
  return /^0[xXsStT]/.test(secret) ? secret : `"${secret}"`;
}

/** The `tunnel select N` facts and IKE gateway of a Yamaha end (its key ends in `#tunnel N`). */
function yamahaTunnel(snapshot: WorkspaceSnapshot, e: TunnelEnd) {
  const file = snapshot.files.get(e.uri);
  const id = Number(/#tunnel (\d+)$/.exec(e.key)?.[1]);
  const t = file ? yamahaFactsOf(file)?.tunnels.find((x) => x.id === id) : undefined;
  return file && t?.ike ? { file, t, g: t.ike } : null;
}

/** The finding for a Yamaha tunnel whose PSK-authenticated IKE gateway has no pre-shared key. */
function yamahaFinding(snapshot: WorkspaceSnapshot, e: TunnelEnd): Finding | null {
  const y = yamahaTunnel(snapshot, e);
  if (!y) return null;
  const how = y.g.authMethod ? `(ipsec ike auth method ${y.g.id} ${y.g.authMethod.value})` : '(no ipsec ike auth method: a PSK unless a certificate is set)';
  return {
    uri: e.uri,
    range: e.nameRange,
    severity: 'error',
    code: 'psk-missing',
    message: `${endLabel(e)} authenticates its IKE gateway ${y.g.id} with a pre-shared key ${how}, but there is no \`ipsec ike pre-shared-key ${y.g.id} text ...\`.`,
    ...(e.authby ? { related: [{ uri: e.authby.uri, range: e.authby.range, message: e.authby.text }] } : {}),
    data: { end: e.key },
  };
}

/**
 * Quick fixes for a Yamaha tunnel: insert `ipsec ike pre-shared-key G text KEY` after the gateway's last
 * `ipsec ike ... G` line in the tunnel block (same indentation and line ends), with the other end's key
 * when it has one (hex form when that key is not plain printable text), else a fresh random key.
 */
function yamahaFixes(e: TunnelEnd, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const y = yamahaTunnel(snapshot, e);
  if (!y) return [];
  const { file, t, g } = y;
  const inBlock = (l: number): boolean => l >= t.selectLine && l <= t.endLine;
  const anchors = g.commands.filter((c) => c.inTunnel === t.id && inBlock(c.range.start.line)).map((c) => c.range.start.line);
  const line = anchors.length ? Math.max(...anchors) : (t.ipsecTunnel?.range.start.line ?? t.selectLine);
  const indent = /^[\t ]*/.exec(file.lines[line] ?? '')![0] || (line === t.selectLine ? ' ' : '');
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const last = line + 1 >= file.lines.length;
  const at = last ? { line, character: (file.lines[line] ?? '').length } : { line: line + 1, character: 0 };
  const edit = (key: string) => ({ uri: file.uri, range: { start: at, end: at }, newText: `${last ? eol : ''}${indent}ipsec ike pre-shared-key ${g.id} ${key}${last ? '' : eol}` });
  const out: CodeActionLike[] = [];
  const peer = tunnelModel(snapshot).peer.get(e);
  const theirs = peer?.psk?.psk;
  if (peer && theirs) {
    const secret = theirs.entry.secret ?? '';
    const typed = peer.vendor === 'yamaha' ? (/^0x/i.test(secret) ? null : secret) : pskText(secret);
    const key = typed !== null && /^[\x21-\x7e]+$/.test(typed) && !typed.includes('"') ? `text ${typed}` : `0x${theirs.bytes}`;
    out.push({ title: `Add the pre-shared key of ${hostLabel(peer.host)} (${endLabel(peer, false)})`, edits: [edit(key)], isPreferred: true });
  }
  out.push({ title: 'Add a new random pre-shared key', edits: [edit(`text ${generatePsk()}`)], isPreferred: !out.length });
  return out;
}
