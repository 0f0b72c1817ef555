/**
 * The language and time zone a seat opens in: its team's (a blue seat), else the browser's. Applied
 * once per seat and browser tab (a choice made afterwards in the seat's header stays for that tab).
 */
import type { Prefs } from './prefs.ts';

/** The first of `wanted` (a BCP 47 tag or its language: `ar-SA` is `ar`) the interface speaks, or null. */
export function supportedLang(wanted: readonly (string | undefined)[], supported: readonly string[]): string | null {
  for (const tag of wanted) {
    if (!tag) continue;
    const base = tag.toLowerCase().split('-')[0] as string;
    if (supported.includes(tag)) return tag;
    if (supported.includes(base)) return base;
  }
  return null;
}

/** Where a seat opens: the team's language and zone when it has them, the browser's otherwise. */
export function seatPrefs(team: { language?: string; timeZone?: string } | undefined, browser: { languages: readonly string[]; timeZone: string }, supported: readonly string[]): Prefs {
  return {
    lang: supportedLang([team?.language, ...browser.languages], supported) ?? 'en',
    timeZone: team?.timeZone || browser.timeZone || 'UTC',
  };
}

/** Whether this tab already opened `seat` (so that its own choices are not overridden on reload). */
export function firstOpening(exerciseId: string, seat: string): boolean {
  const key = `ramparts.seat-opened.${exerciseId}.${seat}`;
  try {
    if (typeof sessionStorage === 'undefined' || sessionStorage.getItem(key)) return false;
    sessionStorage.setItem(key, '1');
    return true;
  } catch {
    return true;
  }
}
