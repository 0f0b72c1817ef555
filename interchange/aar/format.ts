/** Human formatting of after-action figures, shared by the findings, the Markdown and the HTML. */
import { EN } from './i18n/en.ts';
import type { AarMessages } from './i18n/messages.ts';

/** A duration for readers: "45s", "12m", "1h 05m", "2d 3h" (units from the catalog). Null reads as an em dash. */
export function human(ms: number | null | undefined, m: AarMessages = EN): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(Math.abs(ms) / 1000);
  const sign = ms < 0 ? '-' : '';
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 60) return `${sign}${m['dur.s'](String(s))}`;
  const min = Math.floor(s / 60);
  if (min < 60) {
    const rest = s % 60;
    return `${sign}${m['dur.m'](String(min))}${rest > 0 && min < 10 ? ` ${m['dur.s'](two(rest))}` : ''}`;
  }
  const h = Math.floor(min / 60);
  if (h < 48) return `${sign}${m['dur.h'](String(h))} ${m['dur.m'](two(min % 60))}`;
  return `${sign}${m['dur.d'](String(Math.floor(h / 24)))} ${m['dur.h'](String(h % 24))}`;
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

/** Lists "a, b and c" (at most `max` items, then "and N more"), with the catalog's separators. */
export function listing(items: readonly string[], max = 6, m: AarMessages = EN): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  // Arabic joins "و" to the word after it; English puts a space on both sides.
  const and = (last: string): string => (m.and.length > 1 ? ` ${m.and} ${last}` : ` ${m.and}${last}`);
  if (more > 0) return `${shown.join(m.listSep)}${and(m.more(more))}`;
  return shown.length === 1 ? (shown[0] as string) : `${shown.slice(0, -1).join(m.listSep)}${and(shown[shown.length - 1] as string)}`;
}
