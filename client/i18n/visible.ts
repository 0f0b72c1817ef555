/**
 * Text made to show what it holds. Direction overrides and isolates (U+202A-202E, U+2066-2069), the
 * direction marks (U+200E, U+200F, U+061C) and the zero-width characters (U+200B-200D, U+2060,
 * U+FEFF) change how a text displays without being seen: `invoice\u202Efdp.exe` displays as
 * `invoiceexe.pdf`. Indicators and names, which other seats and scenario authors write, are shown
 * with each such character as a visible mark (`⟦U+202E⟧`), so what a seat reads is what it is.
 */
const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

export function visibleControls(text: string): string {
  return text.replace(HIDDEN, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** Whether `text` holds a character that `visibleControls` marks. */
export function hasHiddenControls(text: string): boolean {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text);
}
