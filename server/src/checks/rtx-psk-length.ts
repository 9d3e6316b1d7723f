import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { MIN_PSK_LENGTH } from './weak-psk';
import { yamahaFactsOf } from '../model/yamaha';

/** Longest text pre-shared key the router takes, in characters (Yamaha command reference, ipsec ike pre-shared-key). */
export const MAX_TEXT_PSK = 128;
/** Longest hexadecimal pre-shared key, in bytes (same source). */
export const MAX_HEX_PSK_BYTES = 128;

/** Pre-shared key length limits. Messages give lengths only, never the key. */
export const check: FileCheck = {
  code: 'rtx-psk-length',
  defaultSeverity: 'error',
  description: 'An ipsec ike pre-shared-key is longer than the router accepts, malformed hex, or too short for cloud peers.',
  scope: 'file',
  languages: ['yamaha-rtx'],
  run(file) {
    const facts = yamahaFactsOf(file);
    if (!facts) return [];
    const out: FileProblem[] = [];
    for (const g of facts.gateways.values()) {
      const k = g.preSharedKey;
      if (!k) continue;
      const code = 'rtx-psk-length';
      if (k.form === 'hex') {
        if (!/^0x([0-9a-f]{2})+$/i.test(k.value)) {
          out.push({ range: k.range, severity: 'error', code,
            message: `The pre-shared key of gateway ${g.id} has no 'text' keyword, so it must be 0x followed by an even number of hex digits (or add 'text').` });
        } else if (k.length > MAX_HEX_PSK_BYTES) {
          out.push({ range: k.range, severity: 'error', code, message: `The pre-shared key of gateway ${g.id} is ${k.length} bytes; at most ${MAX_HEX_PSK_BYTES} are accepted.` });
        }
        continue;
      }
      if (k.length > MAX_TEXT_PSK) {
        out.push({ range: k.range, severity: 'error', code, message: `The pre-shared key of gateway ${g.id} is ${k.length} characters; at most ${MAX_TEXT_PSK} are accepted.` });
      } else if (k.length < MIN_PSK_LENGTH) {
        out.push({ range: k.range, severity: 'warning', code, message: `The pre-shared key of gateway ${g.id} is only ${k.length} characters; use at least ${MIN_PSK_LENGTH} (AWS accepts 8 to 64).` });
      }
    }
    return out;
  },
};
