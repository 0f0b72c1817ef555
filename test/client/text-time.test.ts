import { describe, expect, it } from 'vitest';
import { localText, pickLocalText } from '../../engine/constants.ts';
import { formatExerciseTime, formatSpan, formatWallTime, isTimeZone, timeZones } from '../../client/i18n/time.ts';
import { parseRoute } from '../../client/app/route.ts';
import { hasHiddenControls, visibleControls } from '../../client/i18n/visible.ts';

describe('scenario texts (LocalText)', () => {
  const text = { en: 'Start', ar: 'بدء' };
  it("shows the seat's language, its base language, English, then any", () => {
    expect(pickLocalText(text, 'ar')).toEqual({ text: 'بدء', lang: 'ar' });
    expect(pickLocalText(text, 'ar-SA')).toEqual({ text: 'بدء', lang: 'ar' });
    expect(pickLocalText(text, 'fr')).toEqual({ text: 'Start', lang: 'en' });
    expect(pickLocalText({ fr: 'Début' }, 'ar')).toEqual({ text: 'Début', lang: 'fr' });
  });
  it('takes plain strings as they are and absent texts as empty', () => {
    expect(pickLocalText('Plain', 'ar')).toEqual({ text: 'Plain', lang: undefined });
    expect(localText(undefined, 'en')).toBe('');
    expect(localText(null, 'en')).toBe('');
  });
});

describe('times', () => {
  it('writes exercise time as T+hh:mm:ss, hours past a day', () => {
    expect(formatExerciseTime(0)).toBe('T+00:00:00');
    expect(formatExerciseTime(5_400_000)).toBe('T+01:30:00');
    expect(formatExerciseTime(26 * 3_600_000 + 61_000)).toBe('T+26:01:01');
    expect(formatExerciseTime(-5)).toBe('T+00:00:00');
  });
  it("writes the wall time of a simulated time in the seat's zone, with Latin digits in Arabic too", () => {
    const start = '2026-03-12T05:00:00Z';
    expect(formatWallTime(start, 3_600_000, 'en', 'UTC')).toMatch(/^06:00:00 UTC$/);
    expect(formatWallTime(start, 3_600_000, 'en', 'Asia/Riyadh')).toMatch(/^09:00:00 GMT\+3$/);
    const ar = formatWallTime(start, 3_600_000, 'ar', 'Asia/Riyadh');
    expect(ar).toContain('09:00:00');
    expect(ar).not.toMatch(/[٠-٩]/);
    expect(formatWallTime(start, 0, 'en', 'Asia/Riyadh', true)).toMatch(/Mar 12, 2026, 08:00:00 GMT\+3/);
  });
  it('survives an unknown zone or start date', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(formatWallTime('2026-03-12T05:00:00Z', 0, 'en', 'Mars/Olympus')).toMatch(/05:00:00 UTC/);
    expect(formatWallTime('not a date', 0, 'en', 'UTC')).toBe('');
    expect(timeZones()[0]).toBe('UTC');
    expect(timeZones()).toContain('Asia/Riyadh');
  });
  it('writes short spans', () => {
    expect(formatSpan(90_000)).toBe('1m30s');
    expect(formatSpan(7_200_000)).toBe('2h');
    expect(formatSpan(45_000)).toBe('45s');
  });
});

describe('routes', () => {
  const token = 'a'.repeat(43);
  it('reads lobby, join links and replay', () => {
    expect(parseRoute('')).toEqual({ page: 'lobby' });
    expect(parseRoute('#/')).toEqual({ page: 'lobby' });
    expect(parseRoute('#/replay')).toEqual({ page: 'replay' });
    expect(parseRoute('#/studio')).toEqual({ page: 'studio' });
    expect(parseRoute('#/library')).toEqual({ page: 'library' });
    expect(parseRoute('#/library/')).toEqual({ page: 'library' });
    expect(parseRoute(`#/join/exercise_01/${token}`)).toEqual({ page: 'join', exerciseId: 'exercise_01', token });
  });
  it('refuses malformed join links', () => {
    expect(parseRoute(`#/join/short/${token}`).page).toBe('not-found');
    expect(parseRoute('#/join/exercise_01/tooshort').page).toBe('not-found');
    expect(parseRoute(`#/join/exercise_01/${token}/extra`).page).toBe('not-found');
  });
});

describe('hidden characters', () => {
  it('are shown as marks in indicators and names: a right-to-left override cannot make an exe read as a pdf', () => {
    expect(visibleControls('invoice\u202Efdp.exe')).toBe('invoice⟦U+202E⟧fdp.exe');
    expect(visibleControls('a\u200Bb\u2066c\u2069\uFEFF')).toBe('a⟦U+200B⟧b⟦U+2066⟧c⟦U+2069⟧⟦U+FEFF⟧');
    // Arabic text itself, and its ordinary punctuation, are left alone.
    expect(visibleControls('مركز العمليات، الكويت')).toBe('مركز العمليات، الكويت');
    expect(hasHiddenControls('invoice\u202Efdp.exe')).toBe(true);
    expect(hasHiddenControls('invoice.pdf')).toBe(false);
  });
});
