import type { Check } from './types';
import { check as unknownCommand } from './frr-unknown-command';
import { check as incompleteCommand } from './frr-incomplete-command';
import { check as ambiguousCommand } from './frr-ambiguous-command';
import { check as invalidValue } from './frr-invalid-value';
import { check as neighborBeforeRemoteAs } from './frr-neighbor-before-remote-as';
import { check as undefinedRouteMap } from './frr-undefined-route-map';
import { check as undefinedPrefixList } from './frr-undefined-prefix-list';
import { check as unusedDefinition } from './frr-unused-definition';
import { check as secondRouterBgp } from './frr-second-router-bgp';
import { check as ebgpNoPolicy } from './frr-ebgp-no-policy';
import { check as networkNoRoute } from './frr-network-no-route';
import { check as timersDifferCloud } from './frr-timers-differ-cloud';

/** The FRR checks, for the lead to add to the registry in index.ts. */
export const frrChecks: Check[] = [
  unknownCommand, incompleteCommand, ambiguousCommand, invalidValue, neighborBeforeRemoteAs, undefinedRouteMap,
  undefinedPrefixList, unusedDefinition, secondRouterBgp, ebgpNoPolicy, networkNoRoute, timersDifferCloud,
];
