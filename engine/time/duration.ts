/**
 * Durations as scenario authors and the command line write them: `90s`, `45m`, `8h`, `1d2h`,
 * `1h30m`, `250ms`, or `0`. Simulated time is whole milliseconds from exercise start (T+0).
 */

/**
 * The latest simulated time: a year after T+0. Scenario durations and the times commands name stop
 * here, so simulated time stays a safe integer with room to add to it.
 */
export const MAX_SIM_TIME = 365 * 86_400_000;

/** Matches one duration; units must appear largest first and at most once each. */
export const DURATION_PATTERN = '^(0|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?)$';
const DURATION_RE = new RegExp(DURATION_PATTERN);
const PART_RE = /(\d+)(ms|d|h|m|s)/g;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

/** Parses a duration; never throws. */
export function parseDuration(text: string): DurationResult {
  const trimmed = text.trim();
  if (trimmed === '' || !DURATION_RE.test(trimmed)) {
    return { ok: false, message: `"${text}" is not a duration; write it like 90s, 45m, 8h or 1d2h` };
  }
  let ms = 0;
  for (const match of trimmed.matchAll(PART_RE)) {
    ms += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  }
  if (!Number.isSafeInteger(ms)) return { ok: false, message: `"${text}" is too long a duration` };
  return { ok: true, ms };
}

/** Parses a duration known to be valid (e.g. after schema validation); throws on a bug. */
export function durationMs(text: string): number {
  const r = parseDuration(text);
  if (!r.ok) throw new Error(r.message);
  return r.ms;
}

/** Formats milliseconds the way authors write them: 5400000 -> "1h30m". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  let rest = Math.floor(Math.abs(ms));
  let out = ms < 0 ? '-' : '';
  for (const unit of ['d', 'h', 'm', 's', 'ms'] as const) {
    const size = UNIT_MS[unit] ?? 1;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** Exercise clock label: 5400000 -> "T+01:30:00". */
export function formatSimTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `T+${pad(h)}:${pad(m)}:${pad(s)}`;
}
