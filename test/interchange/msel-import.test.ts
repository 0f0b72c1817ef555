/** MSEL CSV reading details: header matching, separators, times, languages, recipients, free-text expectations. */
import { describe, expect, it } from 'vitest';
import { importMselCsv, MSEL_AUDIENCE, mselContext, type MselField } from '../../interchange/index.ts';
import { EXPORT_HEADERS } from '../../interchange/msel/columns.ts';
import type { InjectT } from '../../engine/index.ts';
import { csv, loadBase } from './helpers.ts';

const ctx = { context: mselContext(loadBase()) };
function injects(text: string, options: Parameters<typeof importMselCsv>[1] = ctx): InjectT[] {
  const r = importMselCsv(text, options);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('headers', () => {
  it('match whatever the case, spacing and punctuation, with common aliases', () => {
    const [i] = injects('  event NUMBER ,Scenario-Time,Channel,Recipients,Subject,Inject,Expected Response,TLP Level,Phase\nE1,t+02:15,Telephone,OM,Call,Hello,Acknowledge,tlp:amber,2\n');
    expect(i).toEqual({
      id: 'E1',
      title: 'Call',
      at: '2h15m',
      to: ['om'],
      channel: 'phone',
      from: { name: 'Exercise Control' },
      tlp: 'AMBER',
      content: 'Hello',
      evaluation: { expects: [{ action: 'acknowledge', within: '30m', description: 'Acknowledge' }] },
      move: 'm2',
    });
  });

  it("put what the players read outside the inject's evaluation, and what the evaluators judge with inside it, as MSEL_AUDIENCE says", () => {
    const text: Partial<Record<MselField, string>> = {
      title: 'PLAYERS-title',
      from: 'PLAYERS-from',
      fromRole: 'PLAYERS-role',
      fromOrg: 'PLAYERS-org',
      content: 'PLAYERS-message',
      questions: 'PLAYERS-question',
      asks: 'PLAYERS-ask',
      expects: 'EVALUATORS-isolate the host within 1h',
      answer: 'EVALUATORS-answer',
      criteria: 'EVALUATORS-rubric',
      objective: 'coordination',
      task: 'report',
    };
    const header = EXPORT_HEADERS.filter(([f]) => text[f] !== undefined);
    const [i] = injects(csv(['Time', ...header.map(([, h]) => h)], [{ Time: '1h', ...Object.fromEntries(header.map(([f, h]) => [h, text[f]!])) }]));
    const { evaluation, ...shown } = i!;
    for (const [field, value] of Object.entries(text)) {
      const inside = MSEL_AUDIENCE[field as MselField] === 'evaluators';
      const needle = value.split(' ')[0]!;
      expect(JSON.stringify(evaluation ?? {}).includes(needle), `${field} in evaluation`).toBe(inside);
      expect(JSON.stringify(shown).includes(needle), `${field} beside it`).toBe(!inside);
    }
  });

  it('"#" numbers events; repeated headers warn and the first is used; each unknown column is a warning naming it', () => {
    const r = importMselCsv('#,Time,Message,Message,Notes,Status\n1,5m,first,second,n,s\n', ctx);
    expect(r.ok && r.value[0]).toMatchObject({ id: '1', content: 'first' });
    expect(r.diagnostics).toEqual(
      expect.arrayContaining([
        {
          severity: 'warning',
          row: 1,
          column: { name: 'Message', index: 4 },
          message: "this header repeats an earlier column; the first one is used and this column's 1 filled cell(s) are not imported",
        },
        {
          severity: 'warning',
          row: 1,
          column: { name: 'Notes', index: 5 },
          message: 'column not imported: Ramparts has no field for "Notes" (1 filled cell(s)); see the MSEL synonym table in docs/INTERCHANGE.md',
        },
        {
          severity: 'warning',
          row: 1,
          column: { name: 'Status', index: 6 },
          message: 'column not imported: Ramparts has no field for "Status" (1 filled cell(s)); see the MSEL synonym table in docs/INTERCHANGE.md',
        },
        { severity: 'warning', row: 1, message: 'no To column: every inject goes to all blue teams' },
      ]),
    );
  });

  it('semicolon- and tab-separated sheets are read, with a note', () => {
    for (const sep of [';', '\t']) {
      const r = importMselCsv(csv(['Event Number', 'Time', 'To', 'Message'], [{ 'Event Number': 'x', Time: '1h', To: 'kw', Message: 'a, b; c' }], sep), ctx);
      expect(r.ok && r.value[0]).toMatchObject({ id: 'x', content: 'a, b; c', to: ['kw'] });
      expect(r.diagnostics[0]!.message).toMatch(/^fields read as separated by/);
    }
  });
});

describe('cells', () => {
  it('times: durations kept as written, clock offsets, date-times against the start date', () => {
    const rows = ['90m', '1h30m', '01:30', 'T+1:30:15', '+00:05', '2025-03-01 09:15', '2025-03-02T08:00:00Z', '3/1/2025 1:00 PM', '0', '2 H'].map((t, k) => ({
      '#': String(k),
      Time: t,
      Message: 'x',
    }));
    expect(injects(csv(['#', 'Time', 'Message'], rows), { ...ctx, dateOrder: 'mdy' }).map((i) => i.at)).toEqual(['90m', '1h30m', '1h30m', '1h30m15s', '5m', '1h15m', '1d3h', '5h', '0', '2h']);
  });

  it('date-times without a scenario count from the earliest one', () => {
    const r = importMselCsv('#,Delivery Time,Message\n1,2025-05-01 10:00,a\n2,2025-05-01 09:00,b\n');
    expect(r.ok && r.value.map((i) => i.at)).toEqual(['1h', '0']);
    expect(r.diagnostics).toContainEqual({ severity: 'note', message: 'times are wall-clock times and no scenario start date was given: the earliest one is T+0' });
  });

  it('per-language columns; the main column is English when there is no "(en)" column', () => {
    const [i] = injects(
      '#,Time,Title,Title (ar),Message,Message (AR),From (ar),Discussion Questions,Discussion Questions (ar)\n1,1h,Outage,انقطاع,Pay systems down,أنظمة الدفع معطلة,الوزارة,"Who leads?\nWho talks?","من يقود؟\nمن يتحدث؟"\n',
    );
    expect(i).toMatchObject({
      title: { en: 'Outage', ar: 'انقطاع' },
      content: { en: 'Pay systems down', ar: 'أنظمة الدفع معطلة' },
      from: { name: { ar: 'الوزارة' } },
      questions: [
        { en: 'Who leads?', ar: 'من يقود؟' },
        { en: 'Who talks?', ar: 'من يتحدث؟' },
      ],
    });
  });

  it('recipients by id, name in any language, nation code or "all"', () => {
    const rows = ['kw', 'Oman CERT', 'فريق الكويت', 'SA; kw', 'All', 'kw, KW'].map((to, k) => ({ '#': String(k), Time: '1h', To: to, Message: 'x' }));
    expect(injects(csv(['#', 'Time', 'To', 'Message'], rows)).map((i) => i.to)).toEqual([['kw'], ['om'], ['kw'], ['sa', 'kw'], 'all-blue', ['kw']]);
  });

  it('expected actions from free text: one line each, several actions per line, deadlines written in words', () => {
    const [i] = injects(
      csv(
        ['#', 'Time', 'Message', 'Expected Player Action'],
        [
          {
            '#': '1',
            Time: '1h',
            Message: 'x',
            'Expected Player Action':
              '- Isolate the infected host and notify partners\n- Reset the domain admin passwords within 2 hours\n* Restore the file server from backup within 1 day\nThink about it',
          },
        ],
      ),
      { ...ctx, defaultDeadline: '45m' },
    );
    expect(i!.evaluation!.expects!.map((e) => [e.action, e.within])).toEqual([
      ['isolate', '45m'],
      ['share-intel', '45m'],
      ['reset-credentials', '2h'],
      ['restore-backup', '1d'],
      ['respond-inject', '45m'],
    ]);
    expect(i!.evaluation!.expects![0]!.description).toBe('Isolate the infected host and notify partners');
  });

  it('objectives resolve to capabilities; without a scenario, only ids are kept', () => {
    const text = csv(
      ['#', 'Time', 'Message', 'Exercise Objective', 'Critical Task'],
      [
        { '#': '1', Time: '1h', Message: 'x', 'Exercise Objective': 'Share indicators with partners within one hour.' },
        { '#': '2', Time: '1h', Message: 'x', 'Exercise Objective': 'الأمن السيبراني', 'Critical Task': 'Contain the intrusion' },
        { '#': '3', Time: '1h', Message: 'x', 'Exercise Objective': 'Public messaging' },
      ],
    );
    const r = importMselCsv(text, ctx);
    expect(r.ok && r.value.map((i) => i.evaluation)).toEqual([{ capability: 'coordination' }, { capability: 'cyber', task: 'contain' }, undefined]);
    expect(r.diagnostics).toContainEqual({
      severity: 'warning',
      row: 4,
      column: { name: 'Exercise Objective', index: 4 },
      message: expect.stringContaining('no capability or objective "Public messaging"'),
    });
    const bare = importMselCsv(text);
    expect(bare.ok && bare.value.map((i) => i.evaluation)).toEqual([undefined, undefined, undefined]);
  });

  it('TLP:WHITE is read as CLEAR; blank rows are skipped; empty ids are numbered; odd ids are slugged', () => {
    const r = importMselCsv('Event Number,Time,Message,TLP\n,1h,a,TLP:WHITE\n,,,\n"A 1/b",2h,b,\n', ctx);
    expect(r.ok && r.value.map((i) => [i.id, i.tlp])).toEqual([
      ['inject-1', 'CLEAR'],
      ['a-1-b', undefined],
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining(['TLP:WHITE (TLP 1.0) read as TLP:CLEAR', '"A 1/b" is not an id; written as a-1-b']));
  });

  it('a header without rows imports nothing, with a warning', () => {
    const r = importMselCsv('Event Number,Time,To,Message\n', ctx);
    expect(r).toEqual({ ok: true, value: [], rows: [], diagnostics: expect.arrayContaining([expect.objectContaining({ severity: 'warning', message: 'the file has a header but no inject rows' })]) });
  });
});
