/**
 * A small deterministic PRNG (mulberry32) for the test suites that generate data from a seed (mutants,
 * fuzz tokens) and for bench/gen.mjs (which imports the compiled copy): the same 32-bit seed gives the same
 * sequence of floats in [0, 1).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
