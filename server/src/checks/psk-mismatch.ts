import type { Finding } from '../core/types';
import { maskPsk } from '../model/secrets';
import { endLabel, hostLabel, peerPairs, tunnelModel, type TunnelEnd, type TunnelModel } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding, TextEditLike } from './fix-types';
import { secretLiteral } from './psk-missing';
import type { WorkspaceCheck } from './types';

/**
 * DESIGN §2 `psk-mismatch`: the two ends of one tunnel (paired across hosts by their outside addresses
 * and IDs, DESIGN §3) hold different pre-shared keys. Keys are compared as decoded bytes (`"text"`,
 * `0x`, `0s`, `0t` forms; Yamaha `text`). Reported on both ends, at each end's key, each with `related`
 * pointing at the other; messages show lengths only, never a key.
 */
export const check: WorkspaceCheck = {
  code: 'psk-mismatch',
  defaultSeverity: 'error',
  description: 'The two ends of one tunnel hold different PSKs (across files, hosts and vendors).',
  scope: 'workspace',
  run(snapshot) {
    const model = tunnelModel(snapshot);
    let out = memo.get(model);
    if (out) return out;
    out = [];
    for (const [a, b] of peerPairs(model)) {
      if (a.key > b.key || !a.psk || !b.psk) continue;
      if (a.psk.psk.bytes === b.psk.psk.bytes) continue;
      out.push(finding(a, b), finding(b, a));
    }
    memo.set(model, out);
    return out;
  },
};

/**
 * The findings depend only on the model's ends and pairs (an edit the model does not read keeps the model
 * object): one array per model, so the runner sees the same array and revisits no file.
 */
const memo = new WeakMap<TunnelModel, Finding[]>();

function finding(e: TunnelEnd, other: TunnelEnd): Finding {
  const mine = e.psk!;
  const theirs = other.psk!;
  return {
    uri: mine.uri,
    range: mine.range,
    severity: 'error',
    code: 'psk-mismatch',
    message: `The PSK of ${endLabel(e)} (${maskPsk(mine.psk.length)}) differs from the one ${hostLabel(other.host)} uses for ${endLabel(other)} (${maskPsk(theirs.psk.length)}); IKE authentication will fail.`,
    related: [
      { uri: theirs.uri, range: theirs.range, message: `PSK of ${hostLabel(other.host)} for ${endLabel(other, false)}` },
      { uri: other.uri, range: other.nameRange, message: `other end of the tunnel: ${endLabel(other, false)}` },
      { uri: e.uri, range: e.nameRange, message: `this end: ${endLabel(e, false)}` },
    ],
    data: { end: e.key, peer: other.key },
  };
}

/** The text that writes `secret` into the file of `uri` (secrets file: quoted; Yamaha: as is). */
export function secretEditText(snapshot: WorkspaceSnapshot, uri: string, secret: string): string {
  return snapshot.files.get(uri)?.languageId === 'libreswan-secrets' ? secretLiteral(secret) : secret.replace(/^0[tT]/, '');
}

/** Quick fixes: use the other end's PSK here, or copy this end's PSK to the other end. */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const model = tunnelModel(snapshot);
  const data = finding.data as { end?: string; peer?: string } | undefined;
  const e = model.ends.find((x) => x.key === data?.end);
  const other = e ? model.peer.get(e) : undefined;
  if (!e || !other || other.key !== data?.peer || !e.psk || !other.psk) return [];
  const theirSecret = other.psk.psk.entry.secret;
  const mySecret = e.psk.psk.entry.secret;
  const out: CodeActionLike[] = [];
  if (theirSecret !== null) {
    const edit: TextEditLike = { uri: e.psk.uri, range: e.psk.range, newText: secretEditText(snapshot, e.psk.uri, theirSecret) };
    out.push({ title: `Use the PSK of ${hostLabel(other.host)} (${endLabel(other, false)}) here`, edits: [edit], isPreferred: true });
  }
  if (mySecret !== null) {
    const edit: TextEditLike = { uri: other.psk.uri, range: other.psk.range, newText: secretEditText(snapshot, other.psk.uri, mySecret) };
    out.push({ title: `Copy this PSK to ${hostLabel(other.host)} (${endLabel(other, false)})`, edits: [edit] });
  }
  return out;
}
