/**
 * Measures a parsed value without recursion (hostile input can nest a million levels deep):
 * how deep it goes and how many object keys it holds.
 */
import type { PathSegment } from './diagnostic.ts';

/** Deepest nesting a scenario may use; the format itself needs about 10 levels plus nested conditions. */
export const MAX_DEPTH = 64;

export interface Measure {
  depth: number;
  keys: number;
}

export function measureValue(value: unknown, limit = MAX_DEPTH): Measure {
  let depth = 0;
  let keys = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop();
    const d = depths.pop() ?? 0;
    if (v === null || typeof v !== 'object') continue;
    if (d > depth) depth = d;
    if (d > limit) continue; // deep enough to refuse; do not walk hostile structures further
    if (Array.isArray(v)) {
      for (const item of v) { stack.push(item); depths.push(d + 1); }
    } else {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        keys++;
        stack.push((v as Record<string, unknown>)[k]);
        depths.push(d + 1);
      }
    }
  }
  return { depth, keys };
}

/** Path to the first container nested deeper than `limit`, or undefined. */
export function pathDeeperThan(value: unknown, limit = MAX_DEPTH): PathSegment[] | undefined {
  const stack: { v: unknown; path: PathSegment[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() ?? { v: null, path: [] };
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limit) return path;
    const entries: [PathSegment, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [seg, child] = entries[i] ?? [0, null];
      stack.push({ v: child, path: [...path, seg] });
    }
  }
  return undefined;
}
