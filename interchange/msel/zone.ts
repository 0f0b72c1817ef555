/**
 * Wall-clock readings to instants in the exercise's time zone: the scenario's IANA zone
 * (meta.timeZone) when it has one, else the fixed offset of its start date. Intl only (deterministic
 * for a given time-zone database; no clock is read).
 */
import { civilDate } from '../lib/timestamps.ts';
import type { LocalDateTime } from './time.ts';

export interface Zone {
  /** IANA name, e.g. Asia/Riyadh; undefined: the fixed offset below. */
  timeZone?: string;
  /** Minutes east of UTC, used without an IANA name. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone name. */
export function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC of `zone` at the instant `epochMs`. */
export function offsetAt(epochMs: number, zone: Zone): number {
  if (!zone.timeZone) return zone.offset;
  let f = formatters.get(zone.timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone.timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone.timeZone, f);
  }
  const parts = new Map(f.formatToParts(epochMs).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.get('year')!, parts.get('month')! - 1, parts.get('day')!, parts.get('hour')! % 24, parts.get('minute')!, parts.get('second')!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock reading names: its own offset when it has one, else the zone's at that moment. */
export function toEpoch(t: LocalDateTime, zone: Zone): number {
  const naive = Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s);
  if (t.offset !== undefined) return naive - t.offset * 60_000;
  // Two passes settle the offset across a daylight-saving change.
  let guess = naive - offsetAt(naive, zone) * 60_000;
  guess = naive - offsetAt(guess, zone) * 60_000;
  return guess;
}

/** The wall-clock calendar date of an instant in the zone. */
export function localDate(epochMs: number, zone: Zone): { y: number; mo: number; d: number } {
  const shifted = epochMs + offsetAt(epochMs, zone) * 60_000;
  const { y, m, d } = civilDate(Math.floor(shifted / 86_400_000));
  return { y, mo: m, d };
}

/** The calendar date `days` after a date. */
export function addDays(date: { y: number; mo: number; d: number }, days: number): { y: number; mo: number; d: number } {
  const ms = Date.UTC(date.y, date.mo - 1, date.d) + days * 86_400_000;
  return localDate(ms, { offset: 0 });
}
