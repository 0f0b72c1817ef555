/**
 * The AAR/IP in every language of the scenario: fixed texts from the language's catalog (no English
 * left in an Arabic report), isolates around values that run against the text's direction (TLP
 * labels, ids, times), dates in the reader's zone and locale instead of raw UTC ISO text, findings
 * numbered without gaps in the order the analysis lists them, team labels that are short and unique.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, createExercise } from '../../../engine/index.ts';
import { aarFromLog, aarHtml, aarMarkdown, aarMessages, AAR_SECTION_LIST, type AarResults } from '../../../interchange/index.ts';
import { isolatesToHtml } from '../../../interchange/aar/bidi.ts';
import { EN } from '../../../interchange/aar/i18n/en.ts';
import { AR } from '../../../interchange/aar/i18n/ar.ts';
import { teamLabels } from '../../../interchange/aar/exercise.ts';
import { flagship, type Flagship } from './shared.ts';

const LRI = '\u2066';
const PDI = '\u2069';
let f: Flagship;
let ar: AarResults;
let arMd: string;
let enMd: string;
beforeAll(() => {
  f = flagship();
  const r = aarFromLog(f.log, { lang: 'ar' });
  if (!r.ok) throw new Error(r.message);
  ar = r.results;
  arMd = aarMarkdown(ar);
  enMd = aarMarkdown(f.results);
});

/** Every string value of a catalog. */
function fixedTexts(catalog: Record<string, unknown>): string[] {
  return Object.values(catalog).filter((v): v is string => typeof v === 'string');
}

describe('AAR/IP in Arabic', () => {
  it('has every section heading from the Arabic catalog, in order, and no English fixed text', () => {
    const headings = arMd
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).replace(/\\/g, ''));
    expect(headings).toEqual(AAR_SECTION_LIST.map((s) => s.heading(AR)));
    // English fixed texts (headings, table headers, legends, phrases) of more than one word: none left.
    const english = fixedTexts(EN).filter((s) => /[a-z] [a-z]/i.test(s) && !fixedTexts(AR).includes(s));
    const left = english.filter((s) => arMd.includes(s));
    expect(left).toEqual([]);
    expect(arMd).toContain(AR['metrics.scores']);
    expect(arMd).toContain(AR['rating.M']);
    expect(arMd).not.toMatch(/\bof \d|\bafter \d|Evaluators rated|Never detected/);
  });

  it('isolates TLP labels, ids and exercise times so that their punctuation keeps its place', () => {
    expect(arMd.startsWith(`**${LRI}TLP:RED${PDI}**: ${AR['tlp.RED']}`)).toBe(true);
    expect(arMd).toContain(`${LRI}S1${PDI}. `);
    expect(arMd).toContain(`${LRI}IP-01${PDI}`);
    expect(arMd).toMatch(new RegExp(`${LRI}T\\+\\d\\d:\\d\\d${PDI}`));
    expect(arMd).toContain(`${LRI}TLP:AMBER+STRICT${PDI}`);
    // Balanced everywhere: each line opens as many isolates as it closes.
    for (const line of arMd.split('\n')) expect((line.match(/[\u2066-\u2068]/g) ?? []).length, line).toBe((line.match(/\u2069/g) ?? []).length);
    // The English report needs none around its own Latin values.
    expect(enMd.startsWith('**TLP:RED**: ')).toBe(true);
    expect(enMd).not.toContain(LRI);
  });

  it('writes HTML with the page direction, lang and <bdi> for every isolate', () => {
    const html = aarHtml(ar, { d3: '' });
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<bdi dir="ltr">TLP:RED</bdi>');
    expect(html).not.toMatch(/[\u2066-\u2069](?![^<]*<\/script>)/);
    expect(html).toContain(`aria-label="${AR.contents}"`);
    expect(isolatesToHtml(`a${PDI}b${LRI}c`)).toBe('ab<bdi dir="ltr">c</bdi>');
  });

  it('labels teams by their Arabic short names, all different', () => {
    const labels = ar.teams.map((t) => t.label);
    expect(labels).toEqual(['الساحلية', 'الرمالية', 'النخيلية', 'مرجان', 'الزيتونية']);
    expect(f.results.teams.map((t) => t.label)).toEqual(['SahCERT', 'RimCERT', 'NCSC-N', 'MurCERT', 'ZayCERT']);
  });
});

describe('team labels without short names', () => {
  it('fall back to the acronym, the short name, or the id, never to two equal labels', () => {
    const sc = structuredClone(f.run.scenario);
    for (const t of sc.teams) delete (t as { shortName?: unknown }).shortName;
    const state = createExercise(compileScenario(sc), { seed: 1, mode: 'headless' });
    const ar = teamLabels(state, 'ar');
    const en = teamLabels(state, 'en');
    expect(en.get('xs')).toBe('SahCERT');
    expect(en.get('red')).toBe('Red Cell');
    // Three Arabic names start with the same 24 characters: cut, they would read the same; ids instead.
    expect(ar.get('xs')).toBe('xs');
    expect(ar.get('xm')).toBe('xm');
    expect(new Set(ar.values()).size).toBe(ar.size);
  });
});

describe('dates and numbering in the English AAR/IP', () => {
  it('prints wall-clock dates in the reader zone and locale, not raw UTC ISO text', () => {
    expect(enMd).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(enMd).toContain('Nov 19, 2026, 08:00 UTC+03:00 to Nov 20, 2026, 08:00 UTC+03:00');
    const paris = aarMarkdown(f.results, { timeZone: 'Europe/Paris' });
    expect(paris).toMatch(/Nov 19, 2026, 06:00 GMT\+1 to Nov 20, 2026, 06:00 GMT\+1/);
    expect(paris).toContain('Dates and times are in Europe/Paris.');
    expect(arMd).toContain('19 نوفمبر 2026');
    expect(enMd).toMatch(/\| IP-01 \| .* \| [A-Z][a-z]+ \d+, 2026 \| [A-Z][a-z]+ \d+, 202[67] \|$/m);
  });

  it('numbers strengths and areas for improvement without gaps in the order the analysis lists them', () => {
    const analysis = enMd.slice(enMd.indexOf(`## ${EN['section.analysis']}`), enMd.indexOf(`## ${EN['section.metrics']}`));
    for (const [prefix, list] of [
      ['S', f.results.strengths],
      ['A', f.results.improvements],
    ] as const) {
      const seen = [...analysis.matchAll(new RegExp(`^- \\*\\*(${prefix}\\d+)\\.`, 'gm'))].map((m) => m[1]);
      expect(seen).toEqual(list.map((_, i) => `${prefix}${i + 1}`));
    }
    expect(enMd).toContain(EN['summary.more'](5, f.results.strengths.length, EN['section.analysis']));
  });

  it('takes fixed texts from English for a language without a catalog', () => {
    expect(aarMessages('fr')).toBe(EN);
    expect(aarMessages('ar-SA')).toBe(AR);
  });
});
