/** Human formatting of after-action figures, shared by the findings, the Markdown and the HTML. */

/** A duration for readers: "45s", "12m", "1h 05m", "2d 3h". Null reads as an em dash. */
export function human(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(Math.abs(ms) / 1000);
  const sign = ms < 0 ? '-' : '';
  if (s < 60) return `${sign}${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) {
    const rest = s % 60;
    return `${sign}${m}m${rest > 0 && m < 10 ? ` ${String(rest).padStart(2, '0')}s` : ''}`;
  }
  const h = Math.floor(m / 60);
  if (h < 48) return `${sign}${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${sign}${Math.floor(h / 24)}d ${h % 24}h`;
}

/** Exercise clock: T+hh:mm (T+1d 02:30 past a day). */
export function simTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const total = Math.floor(ms / 60_000);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const hm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return d > 0 ? `T+${d}d ${hm}` : `T+${hm}`;
}

export const pct = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const num = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(digits));

/** "1 report", "3 reports". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** Lists "a, b and c" (at most `max` items, then "and N more"). */
export function listing(items: readonly string[], max = 6): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? (shown[0] as string) : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`;
}
