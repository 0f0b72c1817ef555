/**
 * The AAR/IP's fixed texts per language. English is the reference and the fallback: a language
 * without a catalog gets English fixed texts around its own scenario texts. To add a language, add
 * a catalog typed `AarMessages` (the compiler lists every missing key) and one line in CATALOGS.
 */
import { TACTICS } from '../../../engine/index.ts';
import { AR, AR_TACTICS } from './ar.ts';
import { EN } from './en.ts';

import type { AarMessages } from './types.ts';

export type { AarMessages } from './types.ts';

const CATALOGS: ReadonlyMap<string, { messages: AarMessages; tactics?: ReadonlyMap<string, string> }> = new Map([
  ['en', { messages: EN }],
  ['ar', { messages: AR, tactics: AR_TACTICS }],
]);

/** Languages written right to left (the document's direction). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'ckb', 'sd', 'ug']);

/** The primary subtag of a language tag: `ar` of `ar-SA`. */
const primary = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? 'en';

export function isRtl(lang: string): boolean {
  return RTL.has(primary(lang));
}

/** The catalog of `lang` (by its primary subtag), else English. */
export function aarMessages(lang: string): AarMessages {
  return CATALOGS.get(primary(lang))?.messages ?? EN;
}

/** Languages with a catalog of their own. */
export const AAR_LANGUAGES: readonly string[] = [...CATALOGS.keys()];

const TACTIC_NAMES = new Map(TACTICS.map((t) => [t.shortname, t.name]));

/** An ATT&CK tactic's display name in `lang` (English names where the catalog has none). */
export function tacticName(shortname: string, lang: string): string {
  return CATALOGS.get(primary(lang))?.tactics?.get(shortname) ?? TACTIC_NAMES.get(shortname) ?? shortname;
}
