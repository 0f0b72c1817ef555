/**
 * The library page's pure helpers: a refusal as a sentence in the operator's language with its code
 * (the server's message when the code has no sentence), and wall-clock times in the operator's
 * language and time zone.
 */
import { describe, expect, it } from 'vitest';
import { formatWhen, refusalSentence } from '../../client/features/library/operator.ts';
import { t } from '../../client/i18n/t.ts';

describe('the library page', () => {
  it("says a refusal in the operator's language, with the code after it", () => {
    expect(refusalSentence((key, p) => t('en', key, p), { code: 'FORBIDDEN', message: 'only a controller may do this' })).toBe('Your role does not allow this. (FORBIDDEN)');
    expect(refusalSentence((key, p) => t('ar', key, p), { code: 'CONFLICT', message: 'x' })).toMatch(/^حفظ أحدهم نسخة أحدث.*\(CONFLICT\)$/);
    expect(refusalSentence((key, p) => t('en', key, p), { code: 'INVALID_SCENARIO', message: 'the scenario has 2 error(s)' })).toBe('the scenario has 2 error(s) (INVALID_SCENARIO)');
  });

  it("gives times in the operator's time zone, with Latin digits in Arabic", () => {
    expect(formatWhen('2026-12-06T21:30:00.000Z', 'en', 'Asia/Riyadh', true)).toBe('12/7/2026');
    expect(formatWhen('2026-12-06T21:30:00.000Z', 'en', 'UTC', true)).toBe('12/6/2026');
    expect(formatWhen('2026-12-06T21:30:00.000Z', 'ar', 'Asia/Riyadh')).toMatch(/^[\u0600-\u06FF\s\d/,:\u200f\u061c]+$/);
    expect(formatWhen('2026-12-06T21:30:00.000Z', 'ar', 'Asia/Riyadh')).toContain('2026');
    expect(formatWhen('not a date', 'en', 'UTC')).toBe('not a date');
    expect(formatWhen('2026-12-06T21:30:00.000Z', 'en', 'Not/AZone')).toBe('2026-12-06T21:30:00.000Z');
  });
});
