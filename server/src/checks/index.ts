import type { Check } from './types';
import { check as libreswanSyntax } from './libreswan-syntax';
import { check as libreswanLineEnding } from './libreswan-line-ending';
import { check as utf8Bom } from './utf8-bom';
import { check as secretsSyntax } from './secrets-syntax';
import { check as secretsPermissions } from './secrets-permissions';
import { check as unknownKeyword } from './unknown-keyword';
import { check as keywordWrongSection } from './keyword-wrong-section';
import { check as leftrightRequired } from './leftright-required';
import { check as duplicateKeyword } from './duplicate-keyword';
import { check as obsoleteKeyword } from './obsolete-keyword';
import { check as deprecatedKeyword } from './deprecated-keyword';
import { check as emptyValue } from './empty-value';
import { check as vtiWithoutPrefix } from './vti-without-prefix';
import { check as weakPsk } from './weak-psk';
import { check as duplicateConn } from './duplicate-conn';
import { check as alsoMissing } from './also-missing';
import { check as alsoCycle } from './also-cycle';
import { check as alsoDuplicateKey } from './also-duplicate-key';
import { check as includeMissing } from './include-missing';
import { check as includeCycle } from './include-cycle';
import { check as includeTooDeep } from './include-too-deep';
import { check as vtiWithoutMark } from './vti-without-mark';
import { check as defaultrouteBoth } from './defaultroute-both';
import { check as pskMissing } from './psk-missing';
import { check as pskMismatch } from './psk-mismatch';
import { check as secretsDuplicate } from './secrets-duplicate';
import { check as secretsNotIncluded } from './secrets-not-included';
import { check as markDuplicate } from './mark-duplicate';
import { check as insidePeerMismatch } from './inside-peer-mismatch';
import { check as subnetOverlap } from './subnet-overlap';
import { check as cloudInsideCidr } from './cloud-inside-cidr';
import { check as cloudPskFormat } from './cloud-psk-format';
import { check as cloudWeakProposal } from './cloud-weak-proposal';
import { check as invalidValue } from './invalid-value';
import { check as invalidAlgorithm } from './invalid-algorithm';
import { rtxChecks } from './rtx-index';
import { frrChecks } from './frr-index';

/**
 * The explicit registry of every check (markdownlint style: one rule per file, listed here). A meta-test
 * keeps this list, the fixture folders under test/fixtures/ and package.json's settings schema in step.
 */
export const CHECKS: readonly Check[] = [
  libreswanSyntax,
  libreswanLineEnding,
  utf8Bom,
  secretsSyntax,
  secretsPermissions,
  unknownKeyword,
  keywordWrongSection,
  leftrightRequired,
  duplicateKeyword,
  obsoleteKeyword,
  deprecatedKeyword,
  emptyValue,
  vtiWithoutPrefix,
  weakPsk,
  duplicateConn,
  alsoMissing,
  alsoCycle,
  alsoDuplicateKey,
  includeMissing,
  includeCycle,
  includeTooDeep,
  vtiWithoutMark,
  defaultrouteBoth,
  pskMissing,
  pskMismatch,
  secretsDuplicate,
  secretsNotIncluded,
  markDuplicate,
  insidePeerMismatch,
  subnetOverlap,
  cloudInsideCidr,
  cloudPskFormat,
  cloudWeakProposal,
  invalidValue,
  invalidAlgorithm,
  ...rtxChecks,
  ...frrChecks,
];

/** Codes reported outside any check (parser crashes turned into a finding). */
export const INTERNAL_CODES = ['internal-error'] as const;
