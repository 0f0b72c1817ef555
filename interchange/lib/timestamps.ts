/**
 * Wall-clock timestamps for exports, derived from the scenario's `meta.startDate` (the date shown for
 * T+0) plus simulated time. Pure arithmetic: the engine may not construct Date objects (it must never
 * read a clock), so parsing and formatting are done here by hand, identically on every machine.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds since 1970-01-01T00:00:00Z of an ISO 8601 date-time with an offset, or null when it is not one. */
export function parseIsoDateTime(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, off] = m as unknown as [string, string, string, string, string, string, string | undefined, string | undefined, string];
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  let offsetMin = 0;
  if (off.toUpperCase() !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  return Number.isFinite(utc) ? utc - offsetMin * 60_000 : null;
}

/** `n` with leading zeros to `w` digits. */
export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Civil date (proleptic Gregorian) of a day count since 1970-01-01 (H. Hinnant's algorithm; no Date object). */
export function civilDate(days: number): { y: number; m: number; d: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const DAY = 86_400_000;

/** RFC 3339 UTC timestamp with milliseconds (the form STIX requires): 2026-11-19T05:00:00.000Z. */
export function isoTimestamp(epochMs: number): string {
  const t = Math.floor(epochMs);
  const days = Math.floor(t / DAY);
  let rest = t - days * DAY;
  const { y, m, d } = civilDate(days);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(rest - s * 1000, 3)}Z`;
}

/** The calendar date (UTC) of an instant: 2026-12-19. */
export function isoDate(epochMs: number): string {
  return isoTimestamp(epochMs).slice(0, 10);
}

/**
 * Converts simulated time to wall-clock instants for one exercise. `startDate` comes from a validated
 * scenario, so it parses; an unparsable one (a hand-edited log) falls back to the Unix epoch rather
 * than failing an export.
 */
export function exerciseClock(startDate: string): { start: number; at(simMs: number): number; iso(simMs: number): string } {
  const start = parseIsoDateTime(startDate) ?? 0;
  return { start, at: (simMs) => start + simMs, iso: (simMs) => isoTimestamp(start + simMs) };
}
