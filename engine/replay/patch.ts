/**
 * A tracked state's snapshot, record by record (freeze.ts): the previous snapshot's copies shared,
 * the records the engine marked (engine/sim/changes.ts) copied again, the new ones appended.
 */
import { own } from '../lib/own.ts';

/** A keyed record frozen: its keys and a copy of each value, in the live object's order. */
export interface FrozenRecord<T> {
  keys: string[];
  values: T[];
  /**
   * Each key's position, built for a tracked snapshot and shared along the fold's snapshots, only
   * ever added to (a map of another chain, or of a later snapshot, is told by its size and rebuilt).
   */
  at?: Map<string, number>;
}

/** Whether a key is an array index, which an object enumerates before its other keys, in numeric order. */
const indexLike = (k: string): boolean => /^(?:0|[1-9]\d{0,8})$/.test(k);

/** The positions of a frozen record's keys (see FrozenRecord.at). */
export function positions<T>(f: FrozenRecord<T>): Map<string, number> {
  if (f.at !== undefined && f.at.size === f.keys.length) return f.at;
  const at = new Map<string, number>();
  for (let i = 0; i < f.keys.length; i++) at.set(f.keys[i] as string, i);
  return at;
}

/** `prev` with the marked records copied again and the new ones appended; undefined when only enumerating can tell. */
export function patchRecord<T>(live: Record<string, T>, prev: FrozenRecord<T>, marked: Set<string>, copy: (x: T) => T): FrozenRecord<T> | undefined {
  if (marked.size === 0) return prev;
  const at = positions(prev);
  let keys = prev.keys;
  const values = prev.values.slice();
  for (const k of marked) {
    const x = own(live, k);
    if (x === undefined) return undefined;
    const i = at.get(k);
    if (i !== undefined) {
      values[i] = copy(x);
      continue;
    }
    // New records are marked as they are created, so in the order the live object enumerates them.
    if (indexLike(k)) return undefined;
    if (keys === prev.keys) keys = keys.slice();
    at.set(k, keys.length);
    keys.push(k);
    values.push(copy(x));
  }
  return { keys, values, at };
}

/** The same for an array that only grows: the marked items and the new ones copied, the rest shared. */
export function patchArray<T>(live: readonly T[], prev: readonly T[], marked: Set<number>, copy: (x: T) => T): T[] | undefined {
  if (live.length < prev.length) return undefined;
  if (marked.size === 0 && live.length === prev.length) return prev as T[];
  const out = prev.slice();
  for (let i = prev.length; i < live.length; i++) out.push(copy(live[i] as T));
  for (const i of marked) if (i < prev.length) out[i] = copy(live[i] as T);
  return out;
}
