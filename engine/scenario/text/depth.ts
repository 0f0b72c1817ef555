/**
 * Measures a parsed value without recursion: how deeply it nests (following YAML aliases, which
 * can share and even contain their own anchor) and how many object keys it holds. Hostile input
 * can nest a million levels or loop through an alias; the walk stops as soon as the limit is passed.
 */
import type { PathSegment } from '../../lib/diagnostic.ts';

/** Deepest nesting a scenario may use; the format itself needs about 10 levels plus nested conditions. */
export const MAX_DEPTH = 64;

export interface Measure {
  /** Containers on the longest path from the root (a scalar root has depth 0). */
  depth: number;
  /** Object keys, counting a shared object once. */
  keys: number;
  /** Where the value nests deeper than the limit, or loops back into itself. */
  problem?: { kind: 'deep' | 'cycle'; path: PathSegment[] };
}

interface Frame {
  v: object;
  seg: PathSegment;
  keys: string[] | undefined;
  items: unknown[] | undefined;
  i: number;
  height: number;
}

/**
 * `shared` must be true for values that may share sub-values (YAML with aliases): heights are then
 * memoised per object and loops detected. JSON values never share, and skip that bookkeeping.
 */
export function measureValue(value: unknown, shared: boolean, limit = MAX_DEPTH): Measure {
  if (value === null || typeof value !== 'object') return { depth: 0, keys: 0 };
  const heights = shared ? new Map<object, number>() : undefined;
  const open = shared ? new Set<object>() : undefined;
  let keys = 0;
  const frame = (v: object, seg: PathSegment): Frame => {
    if (Array.isArray(v)) return { v, seg, keys: undefined, items: v, i: 0, height: 0 };
    const k = Object.keys(v);
    keys += k.length;
    return { v, seg, keys: k, items: undefined, i: 0, height: 0 };
  };
  const stack: Frame[] = [frame(value, '')];
  open?.add(value);
  const pathOf = (extra?: PathSegment) => [...stack.slice(1).map((f) => f.seg), ...(extra === undefined ? [] : [extra])];
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    const n = f.items ? f.items.length : (f.keys?.length ?? 0);
    if (f.i < n) {
      const seg: PathSegment = f.items ? f.i : (f.keys?.[f.i] ?? '');
      const child: unknown = f.items ? f.items[f.i] : (f.v as Record<string, unknown>)[seg as string];
      f.i++;
      if (child === null || typeof child !== 'object') continue;
      const known = heights?.get(child);
      if (known !== undefined) {
        if (known > f.height) f.height = known;
        if (stack.length + known > limit) return { depth: stack.length + known, keys, problem: { kind: 'deep', path: pathOf(seg) } };
        continue;
      }
      if (open?.has(child)) return { depth: Infinity, keys, problem: { kind: 'cycle', path: pathOf(seg) } };
      if (stack.length >= limit) return { depth: stack.length + 1, keys, problem: { kind: 'deep', path: pathOf(seg) } };
      stack.push(frame(child, seg));
      open?.add(child);
      continue;
    }
    const height = f.height + 1;
    stack.pop();
    heights?.set(f.v, height);
    open?.delete(f.v);
    const parent = stack[stack.length - 1];
    if (parent && height > parent.height) parent.height = height;
    if (!parent) return { depth: height, keys };
  }
  return { depth: 0, keys };
}

/** Object keys in a value that shares nothing (parsed JSON): a lean walk, no bookkeeping. */
export function countObjectKeys(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        keys++;
        const item = (v as Record<string, unknown>)[k];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return keys;
}
