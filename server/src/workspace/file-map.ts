/**
 * An immutable map made of a frozen base map and a small patch that replaces the values of some of the
 * base's keys. Keys, size and iteration order are the base's; a patched key yields its patched value in the
 * base key's place — exactly what a copy of the base with those `set`s applied would give, without copying
 * the base. `WorkspaceStore.snapshot()` uses it so an editor change costs O(changed files), not a copy of
 * the 4,700-entry file map of a 1,000-host workspace per keystroke.
 *
 * Contract: every key of `patch` is a key of `base`, neither map is ever modified after construction, and
 * no value is `undefined`.
 */
export class PatchedMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly patch: ReadonlyMap<K, V>,
  ) {}

  get size(): number {
    return this.base.size;
  }

  get(key: K): V | undefined {
    const v = this.patch.get(key);
    return v !== undefined ? v : this.base.get(key);
  }

  has(key: K): boolean {
    return this.base.has(key);
  }

  keys(): IterableIterator<K> {
    return this.base.keys();
  }

  *values(): IterableIterator<V> {
    for (const [k, v] of this.base) {
      const p = this.patch.get(k);
      yield p !== undefined ? p : v;
    }
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [k, v] of this.base) {
      const p = this.patch.get(k);
      yield [k, p !== undefined ? p : v];
    }
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }
}
