/**
 * How much to fuzz. `npm test` runs a short, reproducible pass (a fixed seed) plus a few runs with a fresh
 * random seed (printed on failure by fast-check, so any find can be replayed). `npm run fuzz` sets
 * VPNCONF_FUZZ_RUNS (e.g. 5000) for a long run; VPNCONF_FUZZ_SEED replays one seed.
 */
import fc from 'fast-check';

/** Runs per property in a long run (0 = the short `npm test` pass). */
export const LONG_RUNS = Number(process.env.VPNCONF_FUZZ_RUNS ?? 0) || 0;

/** The fixed seed of the reproducible pass. */
export const FIXED_SEED = 20261129;

/**
 * Asserts a property twice: `fixedRuns` runs from the fixed seed and `randomRuns` from a random seed
 * (or VPNCONF_FUZZ_SEED). In a long run, both passes use VPNCONF_FUZZ_RUNS runs.
 */
export function check<T>(prop: fc.IProperty<T>, fixedRuns: number, randomRuns = Math.max(1, Math.ceil(fixedRuns / 4))): void {
  const replay = process.env.VPNCONF_FUZZ_SEED ? Number(process.env.VPNCONF_FUZZ_SEED) : undefined;
  if (replay === undefined) fc.assert(prop, { seed: FIXED_SEED, numRuns: LONG_RUNS || fixedRuns, endOnFailure: false, includeErrorInReport: true });
  fc.assert(prop, { seed: replay ?? (Math.random() * 2 ** 31) | 0, numRuns: LONG_RUNS || randomRuns, includeErrorInReport: true });
}
