/**
 * The studio's texts, in its own catalogs beside it (en.json, ar.json: the same keys), so that they
 * load with the studio's chunk and not with every console. `useStudioT()` reads them in the seat's
 * language, English when a text is missing, and the shared catalogs (client/i18n) for other keys.
 */
import { useCallback } from 'react';
import { useLang } from '../../../i18n/react.tsx';
import { interpolate, type Params, t as sharedT } from '../../../i18n/t.ts';
import ar from './ar.json';
import en from './en.json';

export const STUDIO_CATALOGS: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, ar };

export function studioT(lang: string, key: string, params?: Params): string {
  const own = STUDIO_CATALOGS[lang];
  const message = (own && Object.hasOwn(own, key) ? own[key] : undefined) ?? (Object.hasOwn(en, key) ? (en as Record<string, string>)[key] : undefined);
  return message !== undefined ? interpolate(message, params) : sharedT(lang, key, params);
}

export function useStudioT(): (key: string, params?: Params) => string {
  const lang = useLang();
  return useCallback((key: string, params?: Params) => studioT(lang, key, params), [lang]);
}
