/**
 * Scenario texts (LocalText): a plain string, or the same text per language. The seat sees its
 * language when the scenario provides it, then the base language (`ar` for `ar-SA`), then English,
 * then whatever language the author wrote.
 */
import type { LocalTextT } from './schema/index.ts';

export interface PickedText {
  text: string;
  /** The language of `text` (undefined for a plain string: the author's language, unknown). */
  lang: string | undefined;
}

export function pickLocalText(value: LocalTextT | undefined | null, lang: string): PickedText {
  if (value === undefined || value === null) return { text: '', lang: undefined };
  if (typeof value === 'string') return { text: value, lang: undefined };
  const base = lang.split('-')[0] ?? lang;
  for (const candidate of [lang, base, 'en']) {
    const text = value[candidate];
    if (text !== undefined) return { text, lang: candidate };
  }
  const first = Object.entries(value)[0];
  return first ? { text: first[1], lang: first[0] } : { text: '', lang: undefined };
}

/** Just the string, for attributes and sorting. */
export function localText(value: LocalTextT | undefined | null, lang: string): string {
  return pickLocalText(value, lang).text;
}
