/**
 * Appends every item of `items` to `target` in order and returns `target`.
 *
 * Use this instead of `target.push(...items)` wherever `items` can be large: a spread passes each
 * element as a call argument, and V8 throws `RangeError: Maximum call stack size exceeded` once a call
 * has more than roughly 100,000 arguments (a 130,000-line secrets file or a 10 MB ipsec.conf did).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
