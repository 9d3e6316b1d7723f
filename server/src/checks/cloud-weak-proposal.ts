import type { Finding } from '../core/types';
import { cloudName } from '../model/clouds';
import { endLabel, type Cloud, type Fact, type TunnelEnd } from '../model/tunnels';
import type { WorkspaceCheck } from './types';
import { perHostEnds } from './util';

/**
 * Weak or refused algorithms in the proposals of a tunnel to AWS or OCI. Weak (warning): MD5, SHA-1,
 * DH groups 1, 2 and 5 (modp768/1024/1536). Refused (error): 3DES/DES (in neither cloud's list), and DH
 * group 5 in phase 1 towards AWS (AWS phase 1 groups: 2, 14–24). Lists from ../shared/reference/clouds:
 * AWS "Tunnel options for your Site-to-Site VPN connection"; OCI "Supported IPSec Parameters".
 * The message names a set both clouds accept: phase 1 `aes256-sha2_384;ecp384` (AES-256, SHA2-384,
 * DH 20), phase 2 `aes_gcm256;ecp384` (AES-256-GCM, PFS DH 20).
 */
export const check: WorkspaceCheck = {
  code: 'cloud-weak-proposal',
  defaultSeverity: 'warning',
  description: 'A tunnel to AWS or OCI proposes weak (SHA-1, DH 2/5) or refused (3DES, MD5, DH 1, DH 5 in AWS phase 1) algorithms.',
  scope: 'workspace',
  run: perHostEnds((ends, model) => {
    const out: Finding[] = [];
    const seen = new Set<string>(); // per host is enough: a fact's file belongs to the end's host
    for (const e of ends) {
      const cloud = model.cloud.get(e);
      if (!cloud) continue;
      const facts: Array<readonly [Fact<string> | undefined, 1 | 2]> = [...(e.ikeParts?.length ? e.ikeParts.map((p) => [p, 1] as const) : [[e.ike, 1] as const]), [e.esp, 2]];
      for (const [f, phase] of facts) {
        if (!f) continue;
        const k = `${f.uri}|${f.range.start.line}|${cloud}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const found = assessCached(f.text, phase, cloud);
        if (found) out.push(finding(e, f, phase, cloud, found));
      }
    }
    return out;
  }),
};

/** Strong sets accepted by both AWS and OCI (Libreswan syntax). */
export const STRONG = { 1: 'aes256-sha2_384;ecp384', 2: 'aes_gcm256;ecp384' } as const;

/** The same strong sets in Yamaha RTX words (AES-256-CBC, SHA2-256, DH 14 / PFS DH 14). */
export const YAMAHA_STRONG = { 1: 'aes256-cbc, sha256 and modp2048', 2: 'esp aes256-cbc sha256-hmac with PFS modp2048' } as const;

interface Assessment {
  weak: string[];
  refused: string[];
}

const WEAK: ReadonlyArray<[RegExp, string]> = [
  [/^(sha|sha1|sha1_96|hmac_sha1(_96)?)$/, 'SHA-1'],
  [/^(modp1024|dh2)$/, 'DH group 2 (modp1024)'],
  [/^(modp1536|dh5)$/, 'DH group 5 (modp1536)'],
];
/**
 * Algorithms neither cloud lists, so a proposal made only of them never gets an SA: 3DES/DES; MD5 (AWS
 * integrity: SHA1 and SHA2-256/384/512 only; OCI: SHA2-384/256, SHA1-96 in phase 1 and HMAC-SHA2-256-128,
 * HMAC-SHA1-128 in phase 2); DH group 1 (AWS: groups 2 and 14-24; OCI: 2, 5, 14, 19, 20, 24). Source:
 * ../shared/reference/clouds/aws.json and oci.json (AWS "Tunnel options for your Site-to-Site VPN
 * connection", OCI "Supported IPSec Parameters").
 */
const REFUSED: ReadonlyArray<[RegExp, string]> = [
  [/^(3des|3des_cbc|des|des_cbc)$/, '3DES/DES'],
  [/^(md5|hmac_md5(_96)?)$/, 'MD5'],
  [/^(modp768|dh1)$/, 'DH group 1 (modp768)'],
];

/** `assess` results by (phase, cloud, text): every tunnel of a fleet repeats the same few proposals. */
const assessMemo = new Map<string, Assessment | null>();

function assessCached(text: string, phase: 1 | 2, cloud: Cloud): Assessment | null {
  const key = `${phase}|${cloud}|${text}`;
  let a = assessMemo.get(key);
  if (a === undefined) {
    a = assess(text, phase, cloud);
    if (assessMemo.size >= 10_000) assessMemo.clear();
    assessMemo.set(key, a);
  }
  return a;
}

/** Names the weak and refused algorithms of a Libreswan proposal list (`ike=`, `esp=`), or null. */
export function assess(text: string, phase: 1 | 2, cloud: Cloud): Assessment | null {
  const tokens = text.toLowerCase().split(/[\s,;+\-!]+/).filter(Boolean);
  const weak = new Set<string>();
  const refused = new Set<string>();
  for (const t of tokens) {
    for (const [re, name] of REFUSED) if (re.test(t)) refused.add(name);
    for (const [re, name] of WEAK) {
      if (!re.test(t)) continue;
      if (phase === 1 && cloud === 'aws' && name.startsWith('DH group 5')) refused.add(`${name} in phase 1`);
      else weak.add(name);
    }
  }
  return weak.size || refused.size ? { weak: [...weak], refused: [...refused] } : null;
}

function finding(e: TunnelEnd, f: Fact<unknown>, phase: 1 | 2, cloud: Cloud, a: Assessment): Finding {
  const key = phase === 1 ? 'ike' : 'esp';
  const parts: string[] = [];
  if (a.refused.length) parts.push(`${cloudName(cloud)} does not accept ${a.refused.join(', ')}`);
  if (a.weak.length) parts.push(`${a.weak.join(', ')} ${a.weak.length > 1 ? 'are' : 'is'} weak`);
  return {
    uri: f.uri,
    range: f.range,
    severity: a.refused.length ? 'error' : 'warning',
    code: 'cloud-weak-proposal',
    message:
      e.vendor === 'yamaha'
        ? `The ${phase === 1 ? 'IKE' : 'IPsec SA'} proposal of ${endLabel(e)} (to ${cloudName(cloud)}): ${parts.join('; ')}; AWS and OCI both accept ${YAMAHA_STRONG[phase]}.`
        : `${key}= of ${endLabel(e)} (to ${cloudName(cloud)}): ${parts.join('; ')}; AWS and OCI both accept ${key}=${STRONG[phase]}.`,
  };
}
