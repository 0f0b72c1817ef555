/**
 * Seeded fuzzing of the importers: whatever the input, they return a value (never throw); a refusal
 * carries located errors, and an accepted import satisfies the scenario schema. On failure fast-check
 * prints the seed and the shrunk input; pin regressions as named cases below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAttackFlow, importCaldera, importMselCsv, mselContext } from '../../interchange/index.ts';
import { Campaign, Inject } from '../../engine/index.ts';
import { loadBase } from './helpers.ts';

const SEED = 424242;
const ctx = mselContext(loadBase());

const HEADERS = [
  'Event Number',
  '#',
  'Designated Scenario Time',
  'Time',
  'Delivery Time',
  'Event Type',
  'Event Title',
  'From',
  'From Org',
  'To',
  'Target',
  'Delivery Method',
  'Inject Mode',
  'Message',
  'Description',
  'Details',
  'Expected Participant Response',
  'Exercise Objective',
  'Critical Task',
  'TLP',
  'Priority',
  'Move',
  'When',
  'Delay',
  'Discussion Questions',
  'Message (ar)',
  'Title (en)',
  'Expected Participant Response (ar)',
  'Notes',
  '',
];
const CELLS = [
  '',
  '1',
  '45m',
  '01:30',
  'T+2:00',
  '2025-03-01 09:00',
  '3/1/2025 9:00 PM',
  'soon',
  'kw',
  'om; sa',
  'all',
  'Qatar',
  'email',
  'phone call',
  'pigeon',
  'Inject',
  'Expected Action',
  'TLP:AMBER',
  'RED',
  'flash',
  'm1',
  '2',
  'stepSucceeded: encrypt',
  '{ all: [ { scoreBelow: 40 } ] }',
  '{ bad',
  'coordination',
  'report',
  'sitrep within 30m: now',
  'Isolate the host\nand report',
  'نص عربي',
  '"',
  '""',
  ',',
  ';',
  '\n',
  '\r\n',
  '\u0000',
  '\uFFFD',
  '\\',
  '- bullet',
  'x'.repeat(300),
];
const cell = fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
/** Cells are quoted when they must be, except when `sloppy`: then separators and line breaks leak, as in hand-edited files. */
const quote = (c: string, sloppy: boolean) => (/[",;\n\r\t|]/.test(c) && !sloppy ? `"${c.replace(/"/g, '""')}"` : c);
const sheet = fc
  .record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 10 }),
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }),
    sep: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n'),
    sloppy: fc.boolean(),
  })
  .map(({ header, rows, sep, eol, sloppy }) => [header, ...rows].map((r) => r.map((c) => quote(c, sloppy)).join(sep)).join(eol));

function checkCsv(text: string, withContext: boolean): void {
  const r = importMselCsv(text, withContext ? { context: ctx } : {});
  if (r.ok) {
    for (const i of r.value) expect(Inject.safeParse(i).success).toBe(true);
    expect(new Set(r.value.map((i) => i.id)).size).toBe(r.value.length);
  } else {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.row).toBeGreaterThanOrEqual(1);
      expect(e.column!.index).toBeGreaterThanOrEqual(1);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
}

describe('MSEL CSV importer', () => {
  it('never throws on generated sheets, with and without a scenario', () => {
    fc.assert(
      fc.property(sheet, fc.boolean(), (text, withContext) => checkCsv(text, withContext)),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkCsv(text, true)),
      { seed: SEED, numRuns: 400 },
    );
  });
});

const TYPES = ['attack-action', 'attack-operator', 'attack-condition', 'attack-asset', 'relationship', 'file', 'ipv4-addr', 'malware', 'attack-flow', 'threat-actor'];
const TECHNIQUES = ['T1566', 'T1059.001', 'T1086', 'T1218/011', 't1003.001', 'T0866', 'N/A', 'T9999', '', 'T1486'];
const NAMES = ['Phishing', 'Data Destruction', 'N/A', 'Collection', '', 'PowerShell', 'Rundll32'];
const bundle = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, k) => `x--${k}`);
  const ref = fc.constantFrom(...ids, 'missing--1');
  const refs = fc.array(ref, { maxLength: 3 });
  const object = fc.record({
    type: fc.constantFrom(...TYPES),
    technique_id: fc.option(fc.constantFrom(...TECHNIQUES), { nil: undefined }),
    tactic_id: fc.option(fc.constantFrom('TA0009', 'collection', 'nope'), { nil: undefined }),
    name: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    operator: fc.constantFrom('AND', 'OR', 'xor', 1),
    effect_refs: refs,
    on_true_refs: refs,
    on_false_refs: refs,
    asset_refs: refs,
    source_ref: ref,
    target_ref: ref,
    object_ref: ref,
    value: fc.constantFrom('10.0.0.1', ''),
    hashes: fc.oneof(fc.constant({ 'SHA-256': 'a'.repeat(64) }), fc.constant(`MD5: ${'b'.repeat(32)}`), fc.constant(7)),
  });
  return fc.tuple(...ids.map(() => object)).map((objects) => ({ type: 'bundle', id: 'bundle--1', objects: objects.map((o, k) => ({ ...o, id: ids[k] })) }));
});

describe('Attack Flow importer', () => {
  it('never throws on generated bundles; accepted campaigns are valid, acyclic and refer only to their own steps', () => {
    fc.assert(
      fc.property(bundle, (b) => {
        const r = importAttackFlow(b);
        if (!r.ok) {
          expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          return;
        }
        expect(Campaign.safeParse(r.value).success).toBe(true);
        const seen = new Set<string>();
        for (const s of r.value.steps) {
          for (const p of [...(s.requires ?? []), ...(s.requiresAny ?? []), ...(s.target.sameAs ? [s.target.sameAs] : [])]) expect(seen.has(p)).toBe(true);
          seen.add(s.id);
        }
        const indicators = new Set(r.value.indicators?.map((i) => i.id));
        for (const s of r.value.steps) for (const i of s.indicators ?? []) expect(indicators.has(i)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON or text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.string({ maxLength: 100 }).map((s) => s as unknown),
        ),
        (v) => {
          const r = importAttackFlow(v);
          expect(r.ok || r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('CALDERA importer', () => {
  it('never throws on arbitrary YAML-ish text', () => {
    const yamlish = fc
      .array(fc.constantFrom('id: a', 'name: X', 'atomic_ordering: [a1]', 'phases:', '  1: [a1]', '- id: a1', '  technique_id: T1005', '  tactic: collection', ': :', '"', '[', '---', '\t'), {
        maxLength: 8,
      })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(yamlish, yamlish, (adv, ab) => {
        const r = importCaldera({ file: 'a.yml', text: adv }, [{ file: 'b.yml', text: ab }]);
        if (r.ok) expect(Campaign.safeParse(r.value).success).toBe(true);
        else expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
