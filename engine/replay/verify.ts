/**
 * Verification of a replay against the events a log recorded: the regenerated events of a record
 * must equal the recorded ones as canonical JSON sees them (key order ignored, undefined members
 * absent).
 */
import type { EngineEvent } from '../sim/events.ts';

/**
 * Equality of plain JSON values as canonical JSON sees it, without building the text: verifying a
 * 100k-event log compared megabytes of strings.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      // canonical JSON writes an undefined array item as null
      if (!sameJson(x === undefined ? null : x, y === undefined ? null : y)) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  let n = 0;
  for (const k in a) {
    const x = (a as Record<string, unknown>)[k];
    if (x === undefined) continue;
    n++;
    const y = (b as Record<string, unknown>)[k];
    if (y === undefined || !sameJson(x, y)) return false;
  }
  for (const k in b) if ((b as Record<string, unknown>)[k] !== undefined) n--;
  return n === 0;
}

/** Whether the events recorded with a record equal the regenerated ones. */
export const sameEvents = (recorded: readonly EngineEvent[], produced: readonly EngineEvent[]): boolean => sameJson(recorded, produced);

/**
 * The same against the recorded events still as text (parseLog with `events: 'text'`). A log this
 * engine wrote holds `JSON.stringify` of the very events it regenerates, so one native serialisation
 * and a string comparison decide most records without decoding anything; a log written with another
 * key order (or spacing) is decoded and compared structurally.
 */
export function sameEventsText(text: string, produced: readonly EngineEvent[]): boolean {
  if (JSON.stringify(produced) === text) return true;
  let recorded: unknown;
  try {
    recorded = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(recorded) && sameJson(recorded, produced);
}
