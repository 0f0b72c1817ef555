/**
 * Wall-clock dates in the reader's time zone and locale. The exercise's instants come from the
 * scenario's start date plus simulated time (never from a clock); they are shown in a named IANA zone
 * when the reader gives one (the console sends the seat's, `ramparts export --tz` takes one), else
 * at the start date's own offset, as the scenario was written. Digits stay Latin, as on the consoles,
 * so that a wall time reads the same as the T+ clock beside it.
 */
import { parseIsoDateTime } from '../lib/timestamps.ts';

export interface ReaderDates {
  /** Date and time with the zone: `19 Nov 2026, 08:00 GMT+3`. */
  dateTime(epochMs: number): string;
  /** A calendar date (YYYY-MM-DD, as the improvement plan holds them) in words: `19 December 2026`. */
  date(isoDate: string): string;
  /** The zone the times are in, for the report's method note: `Asia/Riyadh`, `UTC+03:00`. */
  zone: string;
}

/** Whether the runtime knows this IANA zone name (a bad one from a reader is refused before any export). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC offset written at the end of an ISO date-time, in minutes (0 for Z or none). */
function writtenOffset(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso.trim());
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const offsetLabel = (min: number): string => {
  const a = Math.abs(min);
  return `UTC${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The date formatters of one report. `timeZone` absent or unknown: the start date's written offset. */
export function readerDates(startDate: string, lang: string, timeZone?: string): ReaderDates {
  const locale = `${lang}-u-nu-latn`;
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  const date = (iso: string): string => {
    const t = parseIsoDateTime(`${iso}T00:00:00Z`);
    return t === null ? iso : dayFormat.format(t);
  };
  if (timeZone !== undefined && isTimeZone(timeZone)) {
    const f = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone, timeZoneName: 'short' });
    return { dateTime: (ms) => f.format(ms), date, zone: timeZone };
  }
  const offset = writtenOffset(startDate);
  const f = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: 'UTC' });
  const label = offsetLabel(offset);
  return { dateTime: (ms) => `${f.format(ms + offset * 60_000)} ${label}`, date, zone: label };
}
