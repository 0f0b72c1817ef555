/**
 * Deltas between two views of the same audience. The server diffs each audience's new view against
 * the one it sent last and broadcasts the result; the client patches its copy (patch.ts).
 *
 * Patches use jsondiffpatch's delta format (documented at
 * https://github.com/benjamine/jsondiffpatch/blob/master/docs/deltas.md), so any jsondiffpatch can
 * apply them (the tests check with jsondiffpatch itself). They are made by `diffViews` below rather than by
 * jsondiffpatch's own differ, which is general (text diffs, LCS over every array, move detection)
 * and took ~100 ms on a 400 KB controller view; this one walks both views once and is made for
 * what views hold:
 *
 * - arrays of records are matched by `id` (then `seq`, then `key`), others by position, so an
 *   item inserted at the head is one insertion, and a changed item is a small nested delta;
 * - after the common head and tail of an array, the rest is replaced item by item (views keep their
 *   lists in a stable order, so this is rare and small);
 * - removed values are left out (`[0, 0, 0]`, `[0, new]`): applying a patch never needs them, and
 *   the audience had them already.
 */
import type { Delta } from 'jsondiffpatch';
import { isRecord } from '../engine/constants.ts';

export type ViewPatch = Delta;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type ObjectDelta = Record<string, unknown>;

/**
 * How an array item is matched between the two views: by its `id`, `seq` or `key` field (the
 * first that is a string or a number), by position (`#`: records without one, arrays), or by value
 * (`=`: anything else).
 */
type Match = 'id' | 'seq' | 'key' | '#' | '=';
const KEYS = ['id', 'seq', 'key'] as const;

function matchOf(item: unknown): Match {
  if (isRecord(item)) {
    for (const key of KEYS) {
      const value = item[key];
      if (typeof value === 'string' || typeof value === 'number') return key;
    }
    return '#';
  }
  return Array.isArray(item) ? '#' : '=';
}

/**
 * Whether item `a` at index `ia` and item `b` at `ib` are the same item (compared without building
 * a key string per item: a controller's view holds lists of thousands). Keys compare as text, so
 * `1` and `'1'` match, as do the values `0` and `-0`.
 */
function sameItem(a: unknown, ia: number, b: unknown, ib: number): boolean {
  const m = matchOf(a);
  if (m !== matchOf(b)) return false;
  if (m === '#') return ia === ib;
  if (m === '=') return typeof a === typeof b && (a === b || String(a) === String(b));
  const va = (a as Record<string, unknown>)[m];
  const vb = (b as Record<string, unknown>)[m];
  return va === vb || String(va) === String(vb);
}

function diffArrays(a: unknown[], b: unknown[]): ObjectDelta | undefined {
  const out: ObjectDelta = {};
  let changed = false;
  let head = 0;
  const shortest = Math.min(a.length, b.length);
  // The same object at the same index is the same item, equal (views reuse unchanged items).
  while (head < shortest && (a[head] === b[head] || sameItem(a[head], head, b[head], head))) {
    const d = diffValues(a[head], b[head]);
    if (d !== undefined) {
      out[head] = d;
      changed = true;
    }
    head++;
  }
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && matchOf(a[tailA - 1]) !== '#' && sameItem(a[tailA - 1], tailA - 1, b[tailB - 1], tailB - 1)) {
    const d = diffValues(a[tailA - 1], b[tailB - 1]);
    if (d !== undefined) {
      out[tailB - 1] = d;
      changed = true;
    }
    tailA--;
    tailB--;
  }
  // The middle: removed at original indices, inserted at final ones.
  for (let i = head; i < tailA; i++) {
    out[`_${i}`] = [0, 0, 0];
    changed = true;
  }
  for (let j = head; j < tailB; j++) {
    out[j] = [b[j]];
    changed = true;
  }
  if (!changed) return undefined;
  out._t = 'a';
  return out;
}

function diffObjects(a: Record<string, unknown>, b: Record<string, unknown>): ObjectDelta | undefined {
  let out: ObjectDelta | undefined;
  for (const key in b) {
    const after = b[key];
    if (after === undefined) continue;
    const before = a[key];
    const d = before === undefined ? [after] : diffValues(before, after);
    if (d !== undefined) (out ??= {})[key] = d;
  }
  for (const key in a) {
    if (a[key] !== undefined && b[key] === undefined) (out ??= {})[key] = [0, 0, 0];
  }
  return out;
}

function diffValues(a: unknown, b: unknown): unknown {
  if (a === b) return undefined;
  if (isRecord(a) && isRecord(b)) return diffObjects(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b);
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return undefined;
  return [0, b];
}

/** The patch from `before` to `after` (two JSON values), or `undefined` when they are equal. */
export function diffViews(before: unknown, after: unknown): ViewPatch {
  return diffValues(before as Json, after as Json) as ViewPatch;
}
