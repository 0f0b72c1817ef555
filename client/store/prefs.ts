/**
 * Per-browser preferences of a seat: interface language and time zone. Kept in localStorage so that
 * a reload keeps them; each seat (browser) chooses its own.
 */
import { createStore } from 'zustand/vanilla';

export interface Prefs {
  lang: string;
  timeZone: string;
}

const KEY = 'ramparts.prefs';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

function defaults(): Prefs {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return { lang: nav === 'ar' ? 'ar' : 'en', timeZone: zone };
}

function load(): Prefs {
  const base = defaults();
  const raw = storage()?.getItem(KEY);
  if (!raw) return base;
  try {
    const parsed = JSON.parse(raw) as Partial<Prefs>;
    return {
      lang: typeof parsed.lang === 'string' ? parsed.lang : base.lang,
      timeZone: typeof parsed.timeZone === 'string' ? parsed.timeZone : base.timeZone,
    };
  } catch {
    return base;
  }
}

export const prefsStore = createStore<Prefs>()(() => load());

prefsStore.subscribe((prefs) => {
  storage()?.setItem(KEY, JSON.stringify(prefs));
});

export function setLanguage(lang: string): void {
  prefsStore.setState({ lang });
}

export function setTimeZone(timeZone: string): void {
  prefsStore.setState({ timeZone });
}
