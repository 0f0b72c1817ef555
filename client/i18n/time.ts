/**
 * Times as a seat reads them: exercise time (T+hh:mm:ss from the start of the exercise) and the
 * wall-clock time in the seat's own time zone, from the scenario's `startDate` (the date shown for
 * T+0) plus simulated time. Formatters are cached: the clock redraws several times a second.
 */
import { formatSimTime } from '../../engine/constants.ts';

/** "T+01:30:00"; hours go past 24 (an exercise day is read as hours on the operations floor). */
export function formatExerciseTime(ms: number): string {
  return formatSimTime(Math.max(0, ms));
}

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale used for dates: the interface language with Latin digits, so that wall times line up
 * with the T+ exercise clock and with times read over the phone between nations.
 */
export function dateLocale(lang: string): string {
  return `${lang}-u-nu-latn`;
}

function formatter(lang: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withDate ? 1 : 0}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(dateLocale(lang), {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
      ...(withDate ? { day: '2-digit', month: 'short', year: 'numeric' } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** Wall-clock time of simulated time `t` in `timeZone`, or '' when the start date is unusable. */
export function formatWallTime(startDate: string, t: number, lang: string, timeZone: string, withDate = false): string {
  const start = Date.parse(startDate);
  if (Number.isNaN(start)) return '';
  try {
    return formatter(lang, timeZone, withDate).format(new Date(start + t));
  } catch {
    return formatter(lang, 'UTC', withDate).format(new Date(start + t)); // an unknown zone name
  }
}

/** Whether the runtime knows this IANA zone name. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time zones to offer: the runtime's list (UTC first), or a short list where it has none. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  const list =
    supported && supported.length > 0 ? supported : ['Asia/Riyadh', 'Asia/Dubai', 'Asia/Kuwait', 'Asia/Qatar', 'Asia/Bahrain', 'Asia/Muscat', 'Europe/Brussels', 'Europe/London', 'America/New_York'];
  return ['UTC', ...list.filter((z) => z !== 'UTC')];
}

/** Short duration for lists: 90000 -> "1m30s" style, localised digits not needed. */
export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}
