/** Plain-text tables and number formats for command summaries (ASCII only: logs and pipes stay readable). */
import { formatDuration, formatSimTime } from '../engine/index.ts';

/**
 * Aligns rows under a header: text columns to the left, columns whose cells all look numeric to the
 * right. Returns the lines without trailing spaces.
 */
export function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+%?$|^-$/.test(r[i] ?? '')));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** A point in simulated time, or "-" when it never happened. */
export const at = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '-' : formatSimTime(ms));

/** A span of simulated time rounded to the second ("1h30m", "45s"), or "-". */
export function span(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const s = Math.round(ms / 1000) * 1000;
  return s === 0 && ms > 0 ? '<1s' : formatDuration(s);
}

export const fixed = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '-' : x.toFixed(digits));
/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it ("1,234,567"),
 * without it: its first call loads ICU's number formatting, 12 ms of CPU in a short process such as
 * `ramparts run`. Anything but a safe integer (fractions, -0, NaN, huge values) still goes to it.
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let k = out.length; k < digits.length; k += 3) out += `,${digits.slice(k, k + 3)}`;
  return n < 0 ? `-${out}` : out;
}
export const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
