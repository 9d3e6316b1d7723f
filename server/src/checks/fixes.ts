import type { FixProvider } from './fix-types';
import { fixes as pskMissing } from './psk-missing';
import { fixes as pskMismatch } from './psk-mismatch';
import { fixes as markDuplicate } from './mark-duplicate';
import { fixes as insidePeerMismatch } from './inside-peer-mismatch';
import { fixes as cloudInsideCidr } from './cloud-inside-cidr';
import { fixes as cloudPskFormat } from './cloud-psk-format';
import { fixes as secretsDuplicate } from './secrets-duplicate';
import { fixes as secretsNotIncluded } from './secrets-not-included';

/**
 * Quick-fix providers of the cross-file checks, by diagnostic code. Each lives beside its check and is a
 * pure function of (finding, snapshot) returning edits; features/code-actions.ts turns them into LSP
 * code actions. PSKs appear only inside the edits, never in titles.
 */
export const FIXES: Readonly<Record<string, FixProvider>> = {
  'psk-missing': pskMissing,
  'psk-mismatch': pskMismatch,
  'mark-duplicate': markDuplicate,
  'inside-peer-mismatch': insidePeerMismatch,
  'cloud-inside-cidr': cloudInsideCidr,
  'cloud-psk-format': cloudPskFormat,
  'secrets-duplicate': secretsDuplicate,
  'secrets-not-included': secretsNotIncluded,
};
