import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, QUOTAS } from '../../protocol/errors.ts';
import { refusalParts, refusalText } from '../../client/net/refusal.ts';
import { CATALOGS, directionOf, languages } from '../../client/i18n/catalog.ts';
import { t } from '../../client/i18n/t.ts';
import { ACTION_KINDS, CHANNELS, NODE_KINDS, SENSOR_KINDS, ZONES } from '../../engine/constants.ts';
import { STATUSES } from '../../client/map/model.ts';
import { STUDIO_CATALOGS } from '../../client/features/studio/i18n/texts.ts';

const CLIENT = fileURLToPath(new URL('../../client', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const en = CATALOGS.en as Record<string, unknown>;

describe('translation catalogs', () => {
  it('has English and Arabic, Arabic right to left', () => {
    expect(languages().map((l) => l.code)).toEqual(['en', 'ar']);
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('xx')).toBe('ltr');
  });

  it('every key in one language exists in every other, with every plural form the language needs', () => {
    const reference = Object.keys(en).sort();
    for (const [code, catalog] of Object.entries(CATALOGS)) {
      expect(Object.keys(catalog).sort(), `keys of ${code}.json`).toEqual(reference);
      const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalog)) {
        expect(message, `${code}:${key}`).not.toBe('');
        if (typeof message === 'object') {
          for (const form of needed) expect(message[form], `${code}:${key} needs "${form}"`).toBeTypeOf('string');
        }
      }
    }
  });

  it('has the same placeholders in every language', () => {
    const names = (m: unknown) => [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].filter((p) => p !== '{count}').sort();
    for (const [code, catalog] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(en)) expect(names(catalog[key]), `${code}:${key}`).toEqual(names(en[key]));
    }
  });

  it('has every key the client source asks for', () => {
    const missing: string[] = [];
    // The studio's texts are in its own catalogs (client/features/studio/i18n), beside the shared ones.
    const studio = STUDIO_CATALOGS.en ?? {};
    for (const file of sources(CLIENT)) {
      const text = readFileSync(file, 'utf8');
      const known = (key: string) => key in en || (file.includes(join('features', 'studio')) && Object.hasOwn(studio, key));
      for (const m of text.matchAll(/\bt\('([^']+)'/g)) if (!known(m[1] as string)) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/key: '([a-z][\w.]+)'/g)) if (!((m[1] as string) in en)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a label for every value the consoles name through a key prefix', () => {
    const want = [
      ...NODE_KINDS.map((k) => `kind.${k}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...ACTION_KINDS.map((a) => `actionKind.${a}`),
      ...SENSOR_KINDS.map((s) => `source.${s}`),
      ...ZONES.map((z) => `zone.${z}`),
      ...STATUSES.map((s) => `status.${s}`),
      ...['planned', 'running', 'paused', 'ended'].map((p) => `phase.${p}`),
      ...['scheduled', 'delivered', 'acknowledged', 'answered', 'evaluated'].map((s) => `inject.${s}`),
      ...['requested', 'inProgress', 'done', 'failed', 'cancelled'].map((s) => `actionStatus.${s}`),
      ...['pending', 'ready', 'held', 'running', 'succeeded', 'failed', 'aborted'].map((s) => `redStatus.${s}`),
      ...['idle', 'connecting', 'online', 'reconnecting', 'refused'].map((s) => `conn.${s}`),
      ...['white', 'blue', 'red', 'evaluator'].map((r) => `role.${r}`),
      ...Object.values(QUOTAS).map((q) => `refusal.${q}`),
    ];
    expect(want.filter((k) => !(k in en))).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders and picks plural forms by language', () => {
    expect(t('en', 'map.alerts', { count: 1 })).toBe('1 alert');
    expect(t('en', 'map.alerts', { count: 4 })).toBe('4 alerts');
    expect(t('ar', 'map.alerts', { count: 2 })).toBe('تنبيهان');
    expect(t('ar', 'map.alerts', { count: 3 })).toBe('3 تنبيهات');
    expect(t('ar', 'map.alerts', { count: 11 })).toBe('11 تنبيهًا');
    expect(t('ar', 'map.alerts', { count: 100 })).toBe('100 تنبيه');
    expect(t('en', 'intel.fromTeam', { team: 'XS' })).toBe('From XS');
  });

  it('falls back to English, then to the key', () => {
    expect(t('fr', 'control.start')).toBe('Start');
    expect(t('ar', 'no.such.key')).toBe('no.such.key');
    expect(t('en', '$dir')).toBe('$dir');
  });
});

describe('refusals', () => {
  it("say a quota in the seat's language with the code after it, and other refusals as the server wrote them", () => {
    const reply = { code: 'QUOTA_EXCEEDED', message: 'your seat has used its 2 MiB of free text', detail: { quota: QUOTAS.TEXT_BYTES, limit: 2 * 1024 * 1024, used: 2_000_000 } };
    expect(refusalText((key, params) => t('en', key, params), reply)).toBe(
      'Your seat has used its 2 MiB of free text for this exercise (reports, sitreps, answers, requests). This was not sent. (QUOTA_EXCEEDED)',
    );
    const ar = refusalText((key, params) => t('ar', key, params), { ...reply, detail: { quota: QUOTAS.SITREPS, limit: 500, used: 500 } });
    expect(ar).toMatch(/^قدّم فريقك تقارير الموقف المسموح بها لهذا التمرين \(500\)/);
    expect(ar.endsWith('(QUOTA_EXCEEDED)')).toBe(true);
  });

  it("say every other refusal as a sentence of its code in the seat's language; the code and the server's words are the detail", () => {
    const en = (key: string) => t('en', key);
    const ar = (key: string) => t('ar', key);
    const phase = { code: 'WRONG_PHASE', message: 'action is not possible now: the exercise is paused' };
    expect(refusalParts(en, phase)).toEqual({
      sentence: 'This cannot be done now: the exercise has not started, is paused or has ended, or this was already handled.',
      detail: 'WRONG_PHASE: action is not possible now: the exercise is paused',
    });
    expect(refusalParts(ar, phase).sentence).toMatch(/^لا يمكن القيام بهذا الآن/);
    expect(refusalParts(ar, phase).sentence).not.toMatch(/[A-Z_]{4,}/);
    expect(refusalText(en, { code: 'CONFLICT', message: 'node "x" is already isolated' })).toBe('This is already done or already in progress. Nothing was changed. (CONFLICT)');
    // A code the client does not know yet still reads as a sentence.
    expect(refusalParts(en, { code: 'NEW_CODE', message: 'm' }).sentence).toBe('The server refused this. Nothing was changed.');
    for (const code of Object.values(ERROR_CODES)) {
      for (const lang of ['en', 'ar']) expect(t(lang, `refusal.code.${code}`), `${lang} refusal.code.${code}`).not.toBe(`refusal.code.${code}`);
    }
  });
});
