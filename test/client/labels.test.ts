/** Scenario facts in the seat's language, and team labels that stay distinct. */
import { describe, expect, it } from 'vitest';
import { durationText, modesText, teamLabels } from '../../client/features/lobby/labels.ts';
import { t } from '../../client/i18n/t.ts';

const en = (key: string, params?: Record<string, string | number>) => t('en', key, params);
const ar = (key: string, params?: Record<string, string | number>) => t('ar', key, params);

describe('lobby labels', () => {
  it("says durations and modes in the seat's language", () => {
    expect(durationText(en, '24h')).toBe('24 h');
    expect(durationText(en, '1d2h30m')).toBe('1 day 2 h 30 min');
    expect(durationText(ar, '24h')).toBe('24 ساعة');
    expect(durationText(ar, '2h')).toBe('ساعتان');
    expect(durationText(en, 'soon')).toBe('soon');
    expect(modesText(en, ['realtime', 'headless'])).toBe('Real time, Headless (no clock)');
    expect(modesText(ar, ['realtime', 'headless', 'tabletop'])).toBe('الوقت الفعلي، بلا واجهة (دون ساعة)، تمرين منضدي');
    expect(modesText(ar, ['tabletop'])).not.toMatch(/[a-z]/);
  });

  it('labels a team by its nation only when no other team shares it', () => {
    const teams = [
      { id: 'xz-cert', name: { en: 'ZayCERT', ar: 'فريق زيتونية' }, nation: 'XZ' },
      { id: 'xz-bank', name: 'Central Bank SOC', nation: 'XZ' },
      { id: 'xs', name: 'SahCERT', nation: 'XS' },
      { id: 'isac', name: 'Gulf ISAC' },
    ];
    expect([...teamLabels(teams, 'en').values()]).toEqual(['ZayCERT', 'Central Bank SOC', 'XS', 'Gulf ISAC']);
    expect(teamLabels(teams, 'ar').get('xz-cert')).toBe('فريق زيتونية');
  });
});
