/** The Yamaha RTX checks (codes prefixed rtx-), listed explicitly. The lead's registry imports `rtxChecks`. */
import type { Check } from './types';
import { check as rtxSyntax } from './rtx-syntax';
import { check as rtxInvalidValue } from './rtx-invalid-value';
import { check as rtxUnknownCommand } from './rtx-unknown-command';
import { check as rtxWrongContext } from './rtx-wrong-context';
import { check as rtxGatewayMismatch } from './rtx-gateway-mismatch';
import { check as rtxUndefinedSaPolicy } from './rtx-undefined-sa-policy';
import { check as rtxTunnelNotEnabled } from './rtx-tunnel-not-enabled';
import { check as rtxInsideAddressMismatch } from './rtx-inside-address-mismatch';
import { check as rtxUndefinedBgpFilter } from './rtx-undefined-bgp-filter';
import { check as rtxPskLength } from './rtx-psk-length';
import { check as rtxModelRange } from './rtx-model-range';

/** Every Yamaha check, in reporting order. */
export const rtxChecks: Check[] = [
  rtxSyntax, rtxInvalidValue, rtxUnknownCommand, rtxWrongContext, rtxGatewayMismatch, rtxUndefinedSaPolicy,
  rtxTunnelNotEnabled, rtxInsideAddressMismatch, rtxUndefinedBgpFilter, rtxPskLength, rtxModelRange,
];
