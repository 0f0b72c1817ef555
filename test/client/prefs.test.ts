import { describe, expect, it } from 'vitest';
import { adoptTeamDefaults, prefsStore, setLanguage } from '../../client/store/prefs.ts';

describe('seat preferences', () => {
  it('a seat that never chose starts from its team language and time zone', () => {
    setLanguage('en');
    adoptTeamDefaults({ language: 'ar', timeZone: 'Asia/Kuwait' }, ['en', 'ar']);
    expect(prefsStore.getState()).toMatchObject({ lang: 'ar', timeZone: 'Asia/Kuwait' });
  });

  it('a team language the interface has no translation for is not adopted', () => {
    setLanguage('en');
    adoptTeamDefaults({ language: 'fr', timeZone: 'Europe/Paris' }, ['en', 'ar']);
    expect(prefsStore.getState()).toMatchObject({ lang: 'en', timeZone: 'Europe/Paris' });
  });
});
