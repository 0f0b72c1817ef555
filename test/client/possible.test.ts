/** What a console offers: the engine's phase table, the connection and the control's own command in flight. */
import { describe, expect, it } from 'vitest';
import { whyNot } from '../../client/store/possible.ts';
import { t } from '../../client/i18n/t.ts';

describe('whether a command can be sent now', () => {
  it("follows the engine's phases: nothing before the start, talk but no action while paused, nothing after the end", () => {
    expect(whyNot('action', 'planned', 'online', false)).toBe('possible.planned');
    expect(whyNot('action', 'running', 'online', false)).toBeNull();
    expect(whyNot('action', 'paused', 'online', false)).toBe('possible.paused');
    expect(whyNot('share-intel', 'paused', 'online', false)).toBeNull();
    expect(whyNot('grant-assistance', 'paused', 'online', false)).toBeNull();
    expect(whyNot('sitrep', 'ended', 'online', false)).toBe('possible.ended');
    expect(whyNot('red-launch', 'ended', 'online', false)).toBe('possible.ended');
    expect(whyNot('start', 'running', 'online', false)).toBe('possible.running');
  });

  it("waits for the connection and for the control's own command in flight", () => {
    expect(whyNot('action', 'running', 'online', true)).toBe('possible.pending');
    expect(whyNot('action', 'running', 'reconnecting', false)).toBe('possible.offline');
  });

  it('says every reason in English and Arabic', () => {
    for (const key of ['pending', 'offline', 'planned', 'running', 'paused', 'ended'].map((k) => `possible.${k}`)) {
      for (const lang of ['en', 'ar']) expect(t(lang, key), `${lang} ${key}`).not.toBe(key);
    }
  });
});
