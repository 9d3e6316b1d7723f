/** Keys whose values are compared by identity wherever they occur (see `sameData`). */
const BY_IDENTITY = new Set(['host', 'file', 'entry']);

/**
 * Structural equality of plain model data (objects, arrays, primitives), with an identity shortcut: used to
 * keep an existing model object when a rebuild produced an equal one, so caches keyed by object identity
 * (per-end findings, pairings, the tunnel model itself) keep hitting after an edit that changed nothing
 * they read. Keys listed in `skip` are ignored at the top level; the values of `host`, `file` and `entry`
 * (a Host, an AnalyzedFile, a parsed secrets entry) compare by identity at any level, as do objects nested
 * deeper than `depth` levels and class instances (so the answer may be a false "different", never a false
 * "equal").
 */
export function sameData(a: unknown, b: unknown, skip: readonly string[] = [], depth = 6): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth <= 0) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.prototype && !Array.isArray(a)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) {
    if (skip.includes(k)) continue;
    if (!Object.prototype.hasOwnProperty.call(rb, k)) return false;
    if (BY_IDENTITY.has(k) ? ra[k] !== rb[k] : !sameData(ra[k], rb[k], [], depth - 1)) return false;
  }
  return true;
}
