/**
 * MSEL time cells, read without a reference: durations (45m, 1h30m), clock offsets (01:30, T+01:30),
 * day offsets (D+0 02:45, D+1), exercise days (Day 2 09:00), clock times (10:00, 0930, 9:30 PM, in a
 * Local Time column) and date-times (2025-03-01T09:30:00+03:00, 2025-03-01 09:30, 09/03/2027 10:00,
 * 9.3.2027). times.ts turns the ones that need it into time since T+0. A duration written correctly
 * is kept as written, so that a scenario -> CSV -> scenario round trip keeps it byte for byte.
 */
import { formatDuration, parseDuration } from '../../engine/index.ts';

export type DateOrder = 'dmy' | 'mdy';

/** A wall-clock reading: calendar date and time of day, with the zone offset when the cell gives one. */
export interface LocalDateTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offset?: number;
}

export type TimeCell =
  | { ok: true; kind: 'offset'; value: string }
  | { ok: true; kind: 'datetime'; at: LocalDateTime }
  /** "Day 2 09:00": the wall clock on the exercise's second calendar day (Day 1 is the start date). */
  | { ok: true; kind: 'day'; day: number; ms: number }
  /** "10:00" in a Local Time column: the wall clock on the start date. */
  | { ok: true; kind: 'clock'; ms: number }
  | { ok: false; message: string; ambiguous?: boolean };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLOCK = /^(?:T\s*)?\+?\s*(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/i;
const DAY_OFFSET = /^D\s*\+\s*(\d{1,3})(?:[\s,]+(\d{1,2}):([0-5]\d)(?::([0-5]\d))?)?$/i;
const EXERCISE_DAY = /^(?:Day|D)\s*(\d{1,3})(?:\s*[,\-–@]?\s*(.+))?$/i;
const TIME_OF_DAY = /^(\d{1,2})(?::?([0-5]\d))(?::([0-5]\d))?\s*([AP]\.?M\.?)?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[,\sT]+(.+))?$/i;

/** Minutes east of UTC in "+03:00", "-0430", "Z"; undefined when absent. */
export function offsetMinutes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

function daysIn(y: number, mo: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
}

/** Whether the date and time exist (Date.UTC would roll 31 February over into March). */
export function validLocal(t: LocalDateTime): boolean {
  return t.mo >= 1 && t.mo <= 12 && t.d >= 1 && t.d <= daysIn(t.y, t.mo) && t.h <= 23 && t.mi <= 59 && t.s <= 59;
}

/** "9:30 PM", "0930", "21:30:15" -> milliseconds into the day. */
export function timeOfDay(text: string): number | undefined {
  const m = TIME_OF_DAY.exec(text.trim());
  if (!m || (m[2] === undefined && m[1]!.length < 3)) return undefined;
  let h = Number(m[1]);
  const ampm = m[4]?.replace(/\./g, '').toUpperCase();
  if (ampm && (h < 1 || h > 12)) return undefined;
  if (ampm === 'PM' && h < 12) h += 12;
  if (ampm === 'AM' && h === 12) h = 0;
  if (h > 23) return undefined;
  return (h * 60 + Number(m[2] ?? 0)) * 60_000 + Number(m[3] ?? 0) * 1000;
}

/** An ISO date-time, read as written (its offset kept when it has one). */
export function parseIsoLocal(text: string): LocalDateTime | undefined {
  const iso = ISO.exec(text.trim());
  if (!iso) return undefined;
  const off = offsetMinutes(iso[7]);
  const t: LocalDateTime = { y: +iso[1]!, mo: +iso[2]!, d: +iso[3]!, h: +iso[4]!, mi: +iso[5]!, s: +(iso[6] ?? 0), ...(off !== undefined ? { offset: off } : {}) };
  return validLocal(t) ? t : undefined;
}

const NOT_A_TIME = 'write a duration from T+0 (45m, 1h30m), a clock offset (01:30 or T+01:30), a day offset (D+1 02:45), an exercise day (Day 2 09:00) or a date-time (2025-03-01T09:30:00+03:00)';

/** A numeric date "09/03/2027 10:00" (or with "." or "-"), in the given or the only possible order. */
function numericDate(m: RegExpExecArray, order: DateOrder | undefined): TimeCell {
  const [a, b] = [Number(m[1]), Number(m[3])];
  const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const rest = m[5]?.trim();
  const ms = rest === undefined || rest === '' ? 0 : timeOfDay(rest);
  const cell = m[0];
  if (ms === undefined) return { ok: false, message: `"${cell}" has a date but "${rest}" is not a time of day; ${NOT_A_TIME}` };
  let use = order;
  if (a > 12 && b <= 12) use = 'dmy';
  else if (b > 12 && a <= 12) use = 'mdy';
  else if (a !== b && !order) return { ok: false, ambiguous: true, message: `"${cell}" could be ${a} ${MONTHS[b - 1]} or ${MONTHS[a - 1]} ${b}: say which with --date-order dmy or --date-order mdy` };
  const [d, mo] = (use ?? 'dmy') === 'dmy' ? [a, b] : [b, a];
  const h = Math.floor(ms / HOUR);
  const t: LocalDateTime = { y, mo, d, h, mi: Math.floor((ms % HOUR) / 60_000), s: Math.floor((ms % 60_000) / 1000) };
  if (!validLocal(t)) return { ok: false, message: `"${cell}" is not a date that exists (read as day ${d}, month ${mo}); ${NOT_A_TIME}` };
  if (order && use !== order) return { ok: false, message: `"${cell}" cannot be read in ${order === 'dmy' ? 'day/month' : 'month/day'} order (--date-order ${order}); check the cell` };
  return { ok: true, kind: 'datetime', at: t };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Reads one time cell (never empty: the caller handles blank cells). In a column of wall-clock times
 * (`local`), "10:00" is ten o'clock where the exercise runs; elsewhere it is ten hours after T+0.
 */
export function parseTimeCell(cell: string, options: { local?: boolean; dateOrder?: DateOrder } = {}): TimeCell {
  const t = cell.trim().replace(/\r/g, '');
  if (!options.local) {
    if (parseDuration(t).ok) return { ok: true, kind: 'offset', value: t };
    const loose = parseDuration(t.toLowerCase().replace(/\s+/g, ''));
    if (loose.ok) return { ok: true, kind: 'offset', value: formatDuration(loose.ms) };
    const clock = CLOCK.exec(t);
    if (clock) return { ok: true, kind: 'offset', value: formatDuration(((Number(clock[1]) * 60 + Number(clock[2])) * 60 + Number(clock[3] ?? 0)) * 1000) };
  }
  const dplus = DAY_OFFSET.exec(t);
  if (dplus) {
    const [, n, h, mi, s] = dplus;
    if (h !== undefined && Number(h) > 23) return { ok: false, message: `"${t}": the hour after D+${n} is ${h}; write the days in D+N and hours under 24 (D+1 02:00)` };
    return { ok: true, kind: 'offset', value: formatDuration(Number(n) * DAY + ((Number(h ?? 0) * 60 + Number(mi ?? 0)) * 60 + Number(s ?? 0)) * 1000) };
  }
  const day = EXERCISE_DAY.exec(t);
  if (day && !/^D\s*\+/i.test(t)) {
    const n = Number(day[1]);
    const ms = day[2] === undefined ? 0 : timeOfDay(day[2]);
    if (n < 1) return { ok: false, message: `"${t}": exercise days count from Day 1 (the start date); for time since T+0 write D+0 02:45` };
    if (ms === undefined) return { ok: false, message: `"${t}": "${day[2]}" is not a time of day; write e.g. Day ${n} 09:30` };
    return { ok: true, kind: 'day', day: n, ms };
  }
  const iso = ISO.exec(t);
  if (iso) {
    const at = parseIsoLocal(t);
    return at ? { ok: true, kind: 'datetime', at } : { ok: false, message: `"${t}" is not a date and time that exist; ${NOT_A_TIME}` };
  }
  const numeric = NUMERIC.exec(t);
  if (numeric) return numericDate(numeric, options.dateOrder);
  if (options.local) {
    const ms = timeOfDay(t);
    if (ms !== undefined) return { ok: true, kind: 'clock', ms };
    if (parseDuration(t).ok || CLOCK.test(t))
      return {
        ok: false,
        message: `"${t}" is in a column of local clock times (the wall clock where the exercise runs); write a time of day (10:00), an exercise day (Day 2 09:00) or D+0 02:45 for time since T+0`,
      };
  }
  return { ok: false, message: `"${t}" is not a time: ${NOT_A_TIME}` };
}
