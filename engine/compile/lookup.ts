/** What every compile step shares: optional durations read with their default, and id -> index maps. */
import { durationMs } from '../time/duration.ts';

/** An optional duration in ms, or its default. */
export const ms = (d: string | undefined, dflt: number): number => (d === undefined ? dflt : durationMs(d));

/** Id -> index of its first item (duplicates are the validator's to report). */
export function indexOf<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const out = new Map<string, number>();
  items.forEach((x, i) => {
    if (!out.has(x.id)) out.set(x.id, i);
  });
  return out;
}
