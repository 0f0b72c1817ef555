/**
 * Bidirectional text in the AAR: values that run against the document's direction (ids, times, TLP
 * labels and Latin texts in an Arabic report; Arabic names in an English one) are wrapped in Unicode
 * isolates, so their neutral characters (`+`, `:`, `/`, parentheses) never join the sentence around
 * them: `TLP:AMBER+STRICT` then `Recipients…` no longer scramble at the direction change. The
 * document model carries the isolates as characters: the Markdown keeps them (Unicode isolates are
 * what plain text has), the HTML turns them into `<bdi>` elements (see `isolatesToHtml`).
 */

export const LRI = '\u2066';
export const RLI = '\u2067';
export const FSI = '\u2068';
export const PDI = '\u2069';

const ISOLATES = /[\u2066-\u2069]/g;
/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms). */
const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG_LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

/** Text from a scenario or a log with any isolate characters of its own removed (they would unbalance ours). */
export const plainText = (s: string): string => s.replace(ISOLATES, '');

export interface Bidi {
  rtl: boolean;
  /** A left-to-right value (id, time, TLP label, technique, hash): isolated in a right-to-left document. */
  ltr(s: string | number): string;
  /** A text of either direction (a name, a title): isolated when it holds letters against the document's direction. */
  auto(s: string): string;
}

export function bidi(rtl: boolean): Bidi {
  return {
    rtl,
    ltr: (s) => (rtl && String(s) !== '' ? `${LRI}${plainText(String(s))}${PDI}` : plainText(String(s))),
    auto: (s) => {
      const t = plainText(s);
      return (rtl ? STRONG_LTR.test(t) : STRONG_RTL.test(t)) ? `${FSI}${t}${PDI}` : t;
    },
  };
}

/**
 * HTML text (already escaped) with isolates as `<bdi>` elements: LRI as `<bdi dir="ltr">`, RLI as
 * `<bdi dir="rtl">`, FSI as `<bdi>` (whose direction is its first strong letter's). Balanced whatever
 * the input: a PDI without an opener is dropped, openers left open are closed at the end.
 */
export function isolatesToHtml(html: string): string {
  let depth = 0;
  const out = html.replace(ISOLATES, (c) => {
    if (c === PDI) {
      if (depth === 0) return '';
      depth--;
      return '</bdi>';
    }
    depth++;
    return c === LRI ? '<bdi dir="ltr">' : c === RLI ? '<bdi dir="rtl">' : '<bdi>';
  });
  return out + '</bdi>'.repeat(depth);
}
