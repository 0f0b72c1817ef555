/**
 * MSEL time cells -> scenario durations from T+0. Accepts durations (45m, 1h30m), clock offsets
 * (01:30, 1:30:00, T+01:30) and date-times (2025-03-01T09:30:00+03:00, 2025-03-01 09:30, 3/1/2025 9:30 AM),
 * the last read against the exercise's start date. A duration written correctly is kept as written,
 * so that a scenario -> CSV -> scenario round trip keeps it byte for byte.
 */
import { formatDuration, parseDuration } from '../../engine/index.ts';

export type TimeCell =
  | { ok: true; kind: 'offset'; value: string }
  | { ok: true; kind: 'datetime'; epochMs: number }
  | { ok: false; message: string };

const CLOCK = /^(?:T\s*)?\+?\s*(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;

/** Minutes east of UTC in "+03:00", "-0430", "Z"; undefined when absent. */
function offsetMinutes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

function daysIn(y: number, mo: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
}

function epoch(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number): number | undefined {
  // Date.UTC would roll 31 February over into March: refuse dates that do not exist.
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
}

/** A date-time's epoch milliseconds; without a zone it is read in `defaultOffset` minutes east of UTC. */
export function parseDateTime(text: string, defaultOffset = 0): number | undefined {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const off = offsetMinutes(iso[7]) ?? defaultOffset;
    return epoch(+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0), off);
  }
  const us = US.exec(t);
  if (us) {
    let h = +us[4]!;
    const ampm = us[7]?.toUpperCase();
    if (ampm && (h < 1 || h > 12)) return undefined;
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    return epoch(+us[3]!, +us[1]!, +us[2]!, h, +us[5]!, +(us[6] ?? 0), defaultOffset);
  }
  return undefined;
}

/** The zone offset written in an ISO date-time ("+03:00" -> 180), or 0. */
export function zoneOf(iso: string): number {
  return offsetMinutes(ISO.exec(iso.trim())?.[7]) ?? 0;
}

/** Reads one time cell (never empty: the caller handles blank cells). */
export function parseTimeCell(cell: string, defaultOffset = 0): TimeCell {
  const t = cell.trim();
  if (parseDuration(t).ok) return { ok: true, kind: 'offset', value: t };
  const compact = t.toLowerCase().replace(/\s+/g, '');
  const loose = parseDuration(compact);
  if (loose.ok) return { ok: true, kind: 'offset', value: formatDuration(loose.ms) };
  const clock = CLOCK.exec(t);
  if (clock) {
    const ms = ((Number(clock[1]) * 60 + Number(clock[2])) * 60 + Number(clock[3] ?? 0)) * 1000;
    return { ok: true, kind: 'offset', value: formatDuration(ms) };
  }
  const at = parseDateTime(t, defaultOffset);
  if (at !== undefined) return { ok: true, kind: 'datetime', epochMs: at };
  return { ok: false, message: `"${t}" is not a time: write a duration from T+0 (45m, 1h30m), a clock offset (01:30 or T+01:30) or a date-time (2025-03-01T09:30:00+03:00)` };
}
