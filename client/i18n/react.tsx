/** React side of i18n: the seat's language from the prefs store, `useT()`, and <LocalTextView>. */
import { Isolated } from './Isolated.tsx';
import { useCallback } from 'react';
import type { LocalTextT } from '../../engine/types.ts';
import { usePrefs } from '../store/react.ts';
import { directionOf } from './catalog.ts';
import { pickLocalText } from '../../engine/constants.ts';
import { t, type Params } from './t.ts';
import { visibleControls } from './visible.ts';

export type Translate = (key: string, params?: Params) => string;

export function useLang(): string {
  return usePrefs((p) => p.lang);
}

export function useT(): Translate {
  const lang = useLang();
  return useCallback((key: string, params?: Params) => t(lang, key, params), [lang]);
}

/**
 * A scenario text in the seat's language, with direction overrides and invisible characters shown
 * (visible.ts: a name cannot pose as another). When it falls back to another language the element says
 * so (`lang`) and takes its own direction (`dir="auto"`), so English inside Arabic reads correctly.
 */
export function LocalTextView({ text, className }: { text: LocalTextT | undefined | null; className?: string }) {
  const lang = useLang();
  const picked = pickLocalText(text, lang);
  const foreign = picked.lang !== undefined && picked.lang !== lang;
  return (
    <span className={className} lang={foreign ? picked.lang : undefined} dir={foreign || picked.lang === undefined ? 'auto' : undefined}>
      <Isolated text={visibleControls(picked.text)} />
    </span>
  );
}

export function useDirection(): 'ltr' | 'rtl' {
  return directionOf(useLang());
}
