/**
 * Words the lobby and the boards show for scenario facts: a duration (`24h`) and modes in the
 * seat's language, and short team labels that stay distinct (a nation code only when no other team
 * shares it: four teams of one nation are told apart by name, not shown as "XZ XZ XZ XZ").
 */
import { localText } from '../../../engine/constants.ts';
import type { LocalTextT } from '../../../engine/types.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `1d2h30m` said in the seat's language ("1 d 2 h 30 min", "يوم 1 ..."); a text it cannot read stays as it is. */
export function durationText(t: Translate, duration: string): string {
  const parts = [...duration.matchAll(/(\d+)\s*([dhms])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration.replace(/\s+/g, '')) return duration;
  return parts.map((p) => t(`unit.${p[2]}`, { count: Number(p[1]) })).join(' ');
}

/** The scenario's modes in the seat's language, joined. */
export function modesText(t: Translate, modes: readonly string[]): string {
  return modes.map((m) => t(`mode.${m}`)).join(t('list.separator'));
}

/** A short label per team: its nation code when that is unique among `teams`, else its name (or id). */
export function teamLabels(teams: readonly { id: string; name?: LocalTextT; nation?: string }[], lang: string): Map<string, string> {
  const count = new Map<string, number>();
  for (const tm of teams) if (tm.nation) count.set(tm.nation, (count.get(tm.nation) ?? 0) + 1);
  return new Map(teams.map((tm) => [tm.id, tm.nation && count.get(tm.nation) === 1 ? tm.nation : localText(tm.name, lang) || tm.id]));
}
