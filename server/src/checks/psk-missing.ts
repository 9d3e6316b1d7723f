import { randomBytes } from 'node:crypto';
import type { Finding } from '../core/types';
import { PSK_ALPHABET } from '../model/clouds';
import { hostLabel, tunnelModel, type TunnelEnd } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import type { WorkspaceCheck } from './types';

/**
 * DESIGN §2 `psk-missing`: a loaded conn that authenticates with a PSK (`authby=secret`, or
 * `leftauth`/`rightauth=secret`) has no entry in its host's secrets files that Libreswan would pick for
 * its IDs (model/secrets.ts: most specific match wins; `%any` and a bare `:` line are defaults).
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
      if (!e.usesPsk || e.psk || e.vendor !== 'libreswan') continue;
      const hasSecrets = e.host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan-secrets');
      const ids = selectorsFor(e);
      const where = hasSecrets ? 'no entry of this host\'s secrets files matches it' : 'this host has no secrets file (ipsec.secrets)';
      out.push({
        uri: e.uri,
        range: e.nameRange,
        // With no secrets file in view (a lone ipsec.conf) the keys may simply live elsewhere: a note, not an error.
        severity: hasSecrets ? 'error' : 'information',
        code: 'psk-missing',
        message: `conn \`${e.name}\` authenticates with a PSK but ${where}; add a line \`${ids ? `${ids} ` : ''}: PSK "..."\`.`,
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
    out.push({ title: `Add a secrets entry with the PSK of ${hostLabel(peer.host)} (${peer.name})`, edits: [{ ...at, newText: lineFor(secretLiteral(theirs)) }], isPreferred: true });
  }
  out.push({ title: 'Add a secrets entry with a new random PSK', edits: [{ ...at, newText: lineFor(`"${generatePsk()}"`) }], isPreferred: !out.length });
  return out;
}

/** A secret as it must be written in a secrets file: `0x`/`0s`/`0t` forms as they are, text in double quotes. */
export function secretLiteral(secret: string): string {
  return /^0[xXsStT]/.test(secret) ? secret : `"${secret}"`;
}
