/**
 * Ids are data, never keys that reach Object.prototype. The exercise state is plain JSON (it is
 * hashed, snapshotted and diffed), so records keyed by an id from a command or a scenario stay plain
 * objects; these are the only ways to read and write them. A plain `rec[id]` reads `constructor`,
 * `toString`, `valueOf` or `hasOwnProperty` from the prototype when the record has no such key, and
 * `rec['__proto__'] = v` replaces the record's prototype instead of storing a value: both split a live
 * state from its replay (issue 13). Lookup tables that are not state (the compiled scenario's indexes)
 * are `Map`s instead. test/engine/determinism/proto-ids.test.ts sends those names in every id field.
 */

/** The record's own value for `key`, never an inherited one. */
export function own<V>(rec: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(rec, key) ? rec[key] : undefined;
}

/** Whether the record holds `key` itself. */
export function hasOwnKey(rec: object, key: string): boolean {
  return Object.hasOwn(rec, key);
}

/** Stores `value` under `key` as an own property, `__proto__` included (a plain assignment would set the prototype). */
export function setOwn<V>(rec: Record<string, V>, key: string, value: V): V {
  if (key === '__proto__') Object.defineProperty(rec, key, { value, writable: true, enumerable: true, configurable: true });
  else rec[key] = value;
  return value;
}

/** The record's own value for `key`, stored first from `make()` when it has none. */
export function ownOrSet<V>(rec: Record<string, V>, key: string, make: () => V): V {
  return Object.hasOwn(rec, key) ? (rec[key] as V) : setOwn(rec, key, make());
}
