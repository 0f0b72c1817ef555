/**
 * `t(lang, key, params)`: the message for `key` in `lang` (English when the language lacks it, the key
 * itself when English lacks it too), with `{name}` placeholders filled from `params` and the plural
 * form chosen by `params.count` with Intl.PluralRules (Arabic has six forms; English two).
 */
import { CATALOGS, FALLBACK_LANG, type Message } from './catalog.ts';

export type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function plural(lang: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

function lookup(lang: string, key: string): { message: Message; lang: string } | undefined {
  const own = CATALOGS[lang]?.[key];
  if (own !== undefined && !key.startsWith('$')) return { message: own, lang };
  const fallback = CATALOGS[FALLBACK_LANG]?.[key];
  if (fallback !== undefined && !key.startsWith('$')) return { message: fallback, lang: FALLBACK_LANG };
  return undefined;
}

export function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(lang: string, key: string, params?: Params): string {
  const found = lookup(lang, key);
  if (!found) return key;
  const { message } = found;
  if (typeof message === 'string') return interpolate(message, params);
  const count = typeof params?.count === 'number' ? params.count : 0;
  const form = message[plural(found.lang, count)] ?? message.other ?? key;
  return interpolate(form, params);
}

/** True when `key` has a message in English (the reference catalog). */
export function hasKey(key: string): boolean {
  return CATALOGS[FALLBACK_LANG]?.[key] !== undefined;
}
