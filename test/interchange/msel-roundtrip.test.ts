/**
 * MSEL round trip: scenario -> CSV (HSEEP columns) -> scenario keeps every inject exactly: ids, times,
 * conditions, recipients, channel, sender, TLP, texts in every language, questions, what the players
 * are asked, the evaluation (expected actions, capability and task, expected answer, rubric), move. Checked on the base scenario's MSEL and on generated injects (seeded property test).
 */
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportMselCsv, importMselCsv, mselContext, placeInjects } from '../../interchange/index.ts';
import { ACTION_KINDS, CHANNELS, type ConditionT, Inject, type InjectT, type LocalTextT, NODE_STATES, TLP_LEVELS } from '../../engine/index.ts';
import { loadBase, validationErrors } from './helpers.ts';

/**
 * What an import gives back for texts with carriage returns: a spreadsheet's CRLF (or lone CR) in a cell
 * reads as one line break. Line lists (questions, expected actions) escape theirs and keep them.
 */
function lineFeeds(injects: InjectT[]): InjectT[] {
  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v, (_, x: unknown) => (typeof x === 'string' ? x.replace(/\r\n?/g, '\n') : x))) as T;
  return injects.map(({ questions, asks, evaluation, ...rest }) => {
    const { expects, ...criteria } = evaluation ?? {};
    const judged = evaluation ? { evaluation: { ...plain(criteria), ...(expects ? { expects } : {}) } } : {};
    return { ...plain(rest), ...judged, ...(questions ? { questions } : {}), ...(asks ? { asks } : {}) } as InjectT;
  });
}

function roundTrip(injects: InjectT[], base?: unknown): InjectT[] {
  const text = exportMselCsv({ injects });
  const back = importMselCsv(text, base ? { context: mselContext(base) } : {});
  if (!back.ok) throw new Error(`import refused:\n${JSON.stringify(back.diagnostics, null, 1)}\n${text}`);
  return back.value;
}

describe("the base scenario's MSEL", () => {
  const base = loadBase();
  const injects = base.injects as InjectT[];

  it('comes back equal, inject by inject, when imported into its own scenario and without one', () => {
    expect(injects.length).toBeGreaterThanOrEqual(5);
    expect(roundTrip(injects, base)).toStrictEqual(lineFeeds(injects));
    expect(roundTrip(injects)).toStrictEqual(lineFeeds(injects));
  });

  it('placed back, the scenario is the same and validates', () => {
    const placed = placeInjects({ ...base, injects: [] }, roundTrip(injects, base));
    expect(placed.ok && placed.value).toStrictEqual({ ...base, injects: lineFeeds(injects) });
    expect(validationErrors(base)).toEqual([]);
  });

  it('writes HSEEP columns first, a language column per language used, and readable cells', () => {
    const rows = parseCsv(exportMselCsv(base as { injects: InjectT[] }), { bom: true }) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['Event Number', 'Designated Scenario Time', 'Event Type', 'Event Title']);
    for (const h of ['From', 'To', 'Delivery Method', 'Message', 'Expected Participant Response', 'Exercise Objective / Capability', 'Critical Task', 'TLP', 'Move', 'When'])
      expect(header).toContain(h);
    expect(header).toEqual(expect.arrayContaining(['Message (en)', 'Message (ar)', 'Event Title (ar)', 'Discussion Questions (ar)']));
    expect(header).not.toContain('Critical Task (ar)');
    const row = (id: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === id)![i]]));
    expect(row('news-1')).toMatchObject({ 'Event Type': 'Inject', To: 'all-blue', 'Message (ar)': 'تقارير على وسائل التواصل عن تعطل المدفوعات بالبطاقات في المنطقة.' });
    expect(row('ministry-call')).toMatchObject({ When: '{ stepDetected: encrypt }', Delay: '5m', 'Exercise Objective / Capability': 'coordination', 'Critical Task': 'report' });
    expect(row('ministry-chase')).toMatchObject({
      To: 'kw; om',
      'Event Type': 'Contingency Inject',
      'Expected Participant Response': 'respond-inject within 20m\nshare-intel within 2h: \\- start with partners',
    });
  });
});

// ---- generated injects -------------------------------------------------------------------------

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/);
const teamId = id.filter((t) => !['all', 'everyone'].includes(t.toLowerCase()) && t !== 'all-blue');
const CHARS = ['a', 'B', ' ', ',', ';', '"', "'", '\n', '\r\n', '\r', '\\', 'n', '-', '*', '•', '#', ':', '\t', 'ع', 'ر', 'é', '😀', '0', '|'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((a) => a.join(''))
  .filter((s) => s.trim() !== '');
const lang = fc.constantFrom('en', 'ar', 'fr', 'fr-CA');
const localText: fc.Arbitrary<LocalTextT> = fc.oneof(text, fc.dictionary(lang, text, { minKeys: 1, maxKeys: 3 }));
const duration = fc.oneof(
  fc.constant('0'),
  fc.record({ d: fc.nat(3), h: fc.nat(30), m: fc.nat(120), s: fc.nat(90) }).map(({ d, h, m, s }) => `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '90m'),
);
const leaf: fc.Arbitrary<ConditionT> = fc.oneof(
  id.map((stepSucceeded) => ({ stepSucceeded })),
  id.map((stepDetected) => ({ stepDetected })),
  fc.record({ inject: id, within: duration }).map((notAnswered) => ({ notAnswered })),
  fc.record({ inject: id, within: duration }).map((notAcknowledged) => ({ notAcknowledged })),
  fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 33.3)).map((scoreBelow) => ({ scoreBelow })),
  fc.record({ node: id, state: fc.constantFrom(...NODE_STATES) }).map((nodeState) => ({ nodeState })),
);
const condition: fc.Arbitrary<ConditionT> = fc.oneof(
  leaf,
  fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
  fc
    .array(
      fc.oneof(
        leaf,
        fc.array(leaf, { minLength: 1, maxLength: 2 }).map((all) => ({ all })),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((any) => ({ any })),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const inject: fc.Arbitrary<InjectT> = fc
  .record({
    id,
    title: localText,
    at: maybe(duration),
    when: maybe(condition),
    delay: maybe(duration),
    to: fc.oneof(fc.constant('all-blue' as const), fc.uniqueArray(teamId, { minLength: 1, maxLength: 3, selector: (t) => t.toLowerCase() })),
    channel: fc.constantFrom(...CHANNELS),
    from: fc.record({ name: localText, role: maybe(localText), organisation: maybe(localText) }),
    tlp: maybe(fc.constantFrom(...TLP_LEVELS)),
    priority: maybe(fc.constantFrom('routine', 'priority', 'immediate', 'flash' as const)),
    type: maybe(fc.constantFrom('inject', 'contingency', 'expected-action' as const)),
    content: localText,
    evaluation: maybe(
      fc
        .record({
          evaluates: maybe(fc.record({ capability: id, task: maybe(id) })),
          expects: maybe(fc.array(fc.record({ action: fc.constantFrom(...ACTION_KINDS, 'acknowledge' as const), within: duration, description: maybe(localText) }), { minLength: 1, maxLength: 3 })),
          answer: maybe(localText),
          rubric: maybe(localText),
        })
        .map(({ evaluates, ...rest }) => ({ ...evaluates, ...rest })),
    ),
    questions: maybe(fc.array(localText, { minLength: 1, maxLength: 3 })),
    asks: maybe(fc.array(localText, { minLength: 1, maxLength: 3 })),
    move: maybe(id),
  })
  .map((i) => {
    // Drop absent optional keys (the importer never writes undefined), and give a time when there is no condition.
    const out = Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as InjectT;
    if (out.from) out.from = Object.fromEntries(Object.entries(out.from).filter(([, v]) => v !== undefined)) as InjectT['from'];
    if (out.evaluation) {
      const ev = Object.fromEntries(Object.entries(out.evaluation).filter(([, v]) => v !== undefined)) as NonNullable<InjectT['evaluation']>;
      for (const e of ev.expects ?? []) if (e.description === undefined) delete e.description;
      if (Object.keys(ev).length > 0) out.evaluation = ev;
      else delete out.evaluation;
    }
    if (out.at === undefined && out.when === undefined) out.at = '1h';
    return JSON.parse(JSON.stringify(out)) as InjectT; // plain prototypes, as a parsed scenario has
  });

describe('generated MSELs', () => {
  it('every generated inject is valid and survives export and import unchanged (seeded)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(inject, { minLength: 1, maxLength: 6, selector: (i) => i.id }), (injects) => {
        for (const i of injects) expect(Inject.safeParse(i).success).toBe(true);
        expect(roundTrip(injects)).toStrictEqual(lineFeeds(injects));
      }),
      { seed: 20250301, numRuns: 300 },
    );
  });
});
