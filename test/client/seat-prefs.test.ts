/** Where a seat opens: its team's language and zone, else the browser's. */
import { describe, expect, it } from 'vitest';
import { seatPrefs, supportedLang } from '../../client/store/seat-prefs.ts';

const SUPPORTED = ['en', 'ar'];
const browser = { languages: ['fr-FR', 'ar-SA', 'en'], timeZone: 'Europe/Paris' };

describe("a seat's language and time zone", () => {
  it("is the team's when it has them", () => {
    expect(seatPrefs({ language: 'ar', timeZone: 'Asia/Riyadh' }, browser, SUPPORTED)).toEqual({ lang: 'ar', timeZone: 'Asia/Riyadh' });
    expect(seatPrefs({ language: 'en-GB' }, { languages: ['ar'], timeZone: 'Asia/Dubai' }, SUPPORTED)).toEqual({ lang: 'en', timeZone: 'Asia/Dubai' });
  });

  it("is the browser's first supported language when the team has none, or speaks one the interface does not", () => {
    expect(seatPrefs(undefined, browser, SUPPORTED)).toEqual({ lang: 'ar', timeZone: 'Europe/Paris' });
    expect(seatPrefs({ language: 'fa' }, browser, SUPPORTED).lang).toBe('ar');
    expect(seatPrefs({}, { languages: ['de'], timeZone: '' }, SUPPORTED)).toEqual({ lang: 'en', timeZone: 'UTC' });
  });

  it('matches a regional tag to its language', () => {
    expect(supportedLang(['AR-eg'], SUPPORTED)).toBe('ar');
    expect(supportedLang([undefined, 'zh'], SUPPORTED)).toBeNull();
  });
});
