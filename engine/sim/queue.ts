/** A binary min-heap over plain arrays, ordered by (t, n): the simulation's event queue. */
import type { ExerciseState, QItem } from './state.ts';

type Body = QItem extends infer Q ? (Q extends QItem ? Omit<Q, 't' | 'n'> : never) : never;

const less = (a: QItem, b: QItem): boolean => a.t < b.t || (a.t === b.t && a.n < b.n);

/** Schedules an item at simulated time `t`. */
export function schedule(state: ExerciseState, t: number, body: Body): void {
  enqueue(state, { ...body, t, n: state.n++ } as QItem);
}

/**
 * Schedules a whole item, its `n` taken by the caller from `state.n++`. The frequent items (red steps,
 * alerts, false positives, score samples, deliveries) are written as literals with their fields in
 * sorted order: one shape per kind instead of a spread's dictionary of shapes, and the state hash
 * writes such records with JSON.stringify (engine/lib/canonical.ts).
 */
export function enqueue(state: ExerciseState, item: QItem): void {
  const q = state.queue;
  let i = q.length;
  q.push(item);
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = q[p] as QItem;
    if (!less(item, parent)) break;
    q[i] = parent;
    i = p;
  }
  q[i] = item;
}

/** The earliest item, without removing it. */
export function peek(state: ExerciseState): QItem | undefined {
  return state.queue[0];
}

/** Removes and returns the earliest item. */
export function pop(state: ExerciseState): QItem | undefined {
  const q = state.queue;
  const top = q[0];
  const last = q.pop();
  if (top === undefined || last === undefined || q.length === 0) return top;
  const n = q.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && less(q[r] as QItem, q[l] as QItem)) c = r;
    if (!less(q[c] as QItem, last)) break;
    q[i] = q[c] as QItem;
    i = c;
  }
  q[i] = last;
  return top;
}

/** Restores the heap order after item times were changed in place (a sorted array is a heap). */
export function rebuild(state: ExerciseState): void {
  state.queue.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
