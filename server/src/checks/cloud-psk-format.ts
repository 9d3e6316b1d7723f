import type { Finding } from '../core/types';
import { AWS_PSK, OCI_PSK, PSK_ALPHABET } from '../model/clouds';
import { pskText } from '../model/secrets';
import { endLabel, tunnelModel } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import { generatePsk } from './psk-missing';
import { secretEditText } from './psk-mismatch';
import type { WorkspaceCheck } from './types';
import { perHostEnds } from './util';

/**
 * The PSK of a tunnel to a cloud must be one the cloud console accepts:
 * - AWS ("Tunnel options for your Site-to-Site VPN connection"; EC2 API VpnTunnelOptionsSpecification):
 *   8 to 64 characters of letters, digits, `.` and `_`, not starting with `0`;
 * - OCI (SDK UpdateIPSecConnectionTunnelSharedSecretDetails): letters, digits and spaces only.
 * Hex (`0x`) and base64 (`0s`) secrets cannot be typed into either console and are reported too.
 * The message names the rule, never the key.
 */
export const check: WorkspaceCheck = {
  code: 'cloud-psk-format',
  defaultSeverity: 'error',
  description: 'The PSK of a tunnel to AWS or OCI is not in the format that cloud accepts (the key is never shown).',
  scope: 'workspace',
  run: perHostEnds((ends, model) => {
    const out: Finding[] = [];
    const seen = new Set<string>(); // per host is enough: an end's PSK is in its host's files
    for (const e of ends) {
      const cloud = model.cloud.get(e);
      if (!cloud || !e.psk) continue;
      const k = `${e.psk.uri}|${e.psk.range.start.line}|${cloud}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const text = pskText(e.psk.psk.entry.secret ?? '');
      const problem = text === null ? 'is written in hex or base64, which the console cannot take' : cloud === 'aws' ? awsProblem(text) : ociProblem(text);
      if (!problem) continue;
      const rule = cloud === 'aws' ? 'AWS accepts 8–64 letters, digits, `.` and `_`, not starting with `0`' : 'OCI accepts letters, digits and spaces';
      out.push({ uri: e.psk.uri, range: e.psk.range, severity: 'error', code: 'cloud-psk-format', message: `The PSK of ${endLabel(e)} ${problem}; ${rule}.`, data: { end: e.key } });
    }
    return out;
  }),
};

function awsProblem(t: string): string | null {
  if (AWS_PSK.test(t)) return null;
  const n = [...t].length;
  if (n < 8 || n > 64) return `has ${n} characters`;
  if (t.startsWith('0')) return 'starts with 0';
  return 'contains characters other than letters, digits, `.` and `_`';
}

function ociProblem(t: string): string | null {
  if (OCI_PSK.test(t)) return null;
  return t.length === 0 ? 'is empty' : t.length > 255 ? `has ${t.length} characters` : 'contains characters other than letters, digits and spaces';
}

/** Quick fix: replace the key with a new random one valid for both clouds (and on the other end when paired). */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const model = tunnelModel(snapshot);
  const e = model.ends.find((x) => x.key === (finding.data as { end?: string } | undefined)?.end);
  if (!e?.psk) return [];
  const key = generatePsk(40, PSK_ALPHABET);
  return [{ title: 'Replace with a new random PSK (40 letters and digits; update the cloud console too)', edits: [{ uri: e.psk.uri, range: e.psk.range, newText: secretEditText(snapshot, e.psk.uri, key) }] }];
}
