/**
 * Deltas between two views of the same audience. The server diffs each audience's new view against
 * the one it sent last and broadcasts the result; the client patches its copy. Both sides use the
 * same jsondiffpatch configuration from here, so a patch made by one applies on the other.
 *
 * Arrays of objects are matched by `id` (then `seq`, then `key`), so an alert inserted at the head
 * of a list is one small insertion instead of a rewrite of every index; objects without such a key
 * match by position. Removed values are left out of patches (they are never needed to apply one),
 * which roughly halves the size of a change.
 */
import { create, type Delta } from 'jsondiffpatch';

export type ViewPatch = Delta;

function itemKey(item: object | null, index?: number): string {
  // jsondiffpatch asks for every item of type "object", which includes null and arrays.
  if (item !== null && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    for (const key of ['id', 'seq', 'key'] as const) {
      const value = record[key];
      if (typeof value === 'string' || typeof value === 'number') return `${key}:${value}`;
    }
  }
  return `$index:${index ?? -1}`;
}

const differ = create({
  objectHash: itemKey,
  arrays: { detectMove: true, includeValueOnMove: false },
  omitRemovedValues: true,
  // Views are fresh objects from the projection; a patch never shares structure with them.
  cloneDiffValues: false,
});

/** The patch from `before` to `after`, or `undefined` when they are equal. */
export function diffViews(before: unknown, after: unknown): ViewPatch {
  return differ.diff(before, after);
}

/** Applies a patch to a copy of `view` and returns the copy (the input is left untouched). */
export function applyViewPatch<V>(view: V, patch: ViewPatch): V {
  if (patch === undefined) return view;
  return differ.patch(structuredClone(view), patch) as V;
}
