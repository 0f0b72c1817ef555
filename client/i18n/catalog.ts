/**
 * Translation catalogs: one JSON file per language next to this module (en.json, ar.json, ...).
 * Adding a language is adding a file: `$name` (the language's own name), `$dir` (`ltr` or `rtl`)
 * and the same keys as en.json. A plural message is an object of Intl.PluralRules categories.
 */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export interface Catalog {
  $name: string;
  $dir: 'ltr' | 'rtl';
  [key: string]: Message;
}

const files = import.meta.glob<Catalog>('./*.json', { eager: true, import: 'default' });

/** Language code -> catalog, from the files present at build time. */
export const CATALOGS: Readonly<Record<string, Catalog>> = Object.fromEntries(Object.entries(files).map(([path, catalog]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), catalog]));

export const FALLBACK_LANG = 'en';

/** The languages the interface speaks, English first. */
export function languages(): { code: string; name: string; dir: 'ltr' | 'rtl' }[] {
  return Object.entries(CATALOGS)
    .map(([code, c]) => ({ code, name: c.$name, dir: c.$dir }))
    .sort((a, b) => (a.code === FALLBACK_LANG ? -1 : b.code === FALLBACK_LANG ? 1 : a.code.localeCompare(b.code)));
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return CATALOGS[lang]?.$dir ?? 'ltr';
}
