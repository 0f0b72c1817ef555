/**
 * Applies a view delta (made by `diffViews`, delta.ts) WITHOUT copying the whole view: only the
 * objects and arrays on the paths the delta touches are copied; everything else is shared with the
 * previous view. Patching a clone of the whole view (as jsondiffpatch does) costs most of a frame
 * budget for a 2,000-node view at 100 changes per second, and gives every React selector a new
 * reference each time. The result here is deep-equal to jsondiffpatch's own patch (test/client/patch.test.ts
 * checks that on random views against test/protocol/jsondiffpatch.ts), and the input is never mutated.
 *
 * The delta format is jsondiffpatch's: `[new]` added, `[old, new]` replaced, `[old, 0, 0]` deleted,
 * `{ _t: 'a', ... }` an array (keys `_i` remove or move from original index i, keys `i` insert or
 * modify at final index i), any other object a nested object delta. Text diffs (`[d, 0, 2]`) are not
 * produced by the protocol's configuration and are refused here.
 */
import type { ViewPatch } from './delta.ts';

const DELETED = Symbol('deleted');
const ARRAY_MOVE = 3;

type Json = unknown;
type DeltaNode = unknown;

function isArrayDelta(delta: object): delta is Record<string, unknown> & { _t: 'a' } {
  return (delta as { _t?: unknown })._t === 'a';
}

function patchValue(left: Json, delta: DeltaNode): Json | typeof DELETED {
  if (delta === undefined) return left;
  if (Array.isArray(delta)) {
    if (delta.length === 1) return delta[0] as Json;
    if (delta.length === 2) return delta[1] as Json;
    if (delta.length === 3 && delta[2] === 0) return DELETED;
    throw new Error(`unsupported delta entry (type ${String(delta[2])}); the protocol sends no text diffs`);
  }
  if (typeof delta !== 'object' || delta === null) throw new Error('malformed delta: expected an array or an object');
  if (isArrayDelta(delta)) {
    if (!Array.isArray(left)) throw new Error('malformed delta: array delta on a value that is not an array');
    return patchArray(left, delta);
  }
  if (typeof left !== 'object' || left === null || Array.isArray(left)) throw new Error('malformed delta: object delta on a value that is not an object');
  const copy: Record<string, Json> = { ...(left as Record<string, Json>) };
  for (const key of Object.keys(delta)) {
    const next = patchValue(copy[key], (delta as Record<string, DeltaNode>)[key]);
    if (next === DELETED) delete copy[key];
    else copy[key] = next;
  }
  return copy;
}

/** Same order of operations as jsondiffpatch: removals and moves out, insertions, then modifications. */
function patchArray(left: readonly Json[], delta: Record<string, unknown>): Json[] {
  const array = left.slice();
  const removals: number[] = [];
  const inserts: { index: number; value: Json }[] = [];
  const modifies: { index: number; delta: DeltaNode }[] = [];
  for (const key of Object.keys(delta)) {
    if (key === '_t') continue;
    const entry = delta[key];
    if (key.startsWith('_')) {
      if (!Array.isArray(entry) || (entry[2] !== 0 && entry[2] !== ARRAY_MOVE)) throw new Error(`malformed delta at array index ${key}`);
      removals.push(Number.parseInt(key.slice(1), 10));
    } else if (Array.isArray(entry) && entry.length === 1) {
      inserts.push({ index: Number.parseInt(key, 10), value: entry[0] as Json });
    } else {
      modifies.push({ index: Number.parseInt(key, 10), delta: entry });
    }
  }
  removals.sort((a, b) => a - b);
  for (let i = removals.length - 1; i >= 0; i--) {
    const index = removals[i] as number;
    const entry = delta[`_${index}`] as unknown[];
    const [removed] = array.splice(index, 1);
    if (entry[2] === ARRAY_MOVE) inserts.push({ index: entry[1] as number, value: removed });
  }
  inserts.sort((a, b) => a.index - b.index);
  for (const insert of inserts) array.splice(insert.index, 0, insert.value);
  for (const modify of modifies) {
    const next = patchValue(array[modify.index], modify.delta);
    // jsondiffpatch leaves `undefined` in place of a deleted array item; so do we.
    array[modify.index] = next === DELETED ? undefined : next;
  }
  return array;
}

/**
 * The view after `patch`, sharing every untouched object with `view`. `view` is not modified.
 * Throws on a malformed patch (a bug on one side of the wire, not an expected failure).
 */
export function patchShared<V>(view: V, patch: ViewPatch): V {
  if (patch === undefined) return view;
  const next = patchValue(view, patch);
  return (next === DELETED ? undefined : next) as V;
}
