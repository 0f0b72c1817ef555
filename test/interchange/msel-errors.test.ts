/**
 * Bad MSEL CSV files get located errors (row = file line, column = header name and 1-based index),
 * all of them at once, and nothing is imported.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic, importMselCsv, mselContext, type MselImportOptions } from '../../interchange/index.ts';
import { loadBase } from './helpers.ts';

const HEADER = 'Event Number,Designated Scenario Time,To,Delivery Method,Message';
const ctx: MselImportOptions = { context: mselContext(loadBase()) };
const errors = (text: string, options: MselImportOptions = ctx) => {
  const r = importMselCsv(text, options);
  expect(r.ok).toBe(false);
  return r.diagnostics.filter((d) => d.severity === 'error');
};
const where = (d: Diagnostic) => [d.row, d.column?.index, d.column?.name];

describe('files that are not MSELs', () => {
  it('an empty file, a blank file and a BOM alone', () => {
    for (const text of ['', '  \n\n', '\uFEFF']) {
      const [e] = errors(text);
      expect(where(e!)).toEqual([1, 1, '']);
      expect(e!.message).toMatch(/the file is empty/);
    }
  });

  it('binary content, located at its first control character', () => {
    const [e] = errors(`${HEADER}\n1,45m,kw,email,ok\n2,1h,kw,em\u0000ail,x\n`);
    expect(where(e!)).toEqual([3, 11, '']);
    expect(e!.message).toMatch(/binary file.*CSV UTF-8/);
    expect(errors('PK\u0003\u0004\u0014\u0000\u0006\u0000')[0]!.message).toMatch(/binary/);
  });

  it('text that was not UTF-8', () => {
    const [e] = errors(`${HEADER}\n1,45m,kw,email,caf\uFFFD\n`);
    expect(where(e!)).toEqual([2, 19, '']);
    expect(e!.message).toMatch(/not UTF-8/);
  });

  it('a header without a message or a time column', () => {
    const [e] = errors('Event Number,To,Message\n1,kw,hello\n');
    expect(where(e!)).toEqual([1, 1, 'Event Number']);
    expect(e!.message).toMatch(/^no time column/);
    expect(errors('Event Number,Time,To\n1,45m,kw\n')[0]!.message).toMatch(/^no message column/);
  });

  it('a file separated by another character: the header reads as one column', () => {
    const [e] = errors('Event Number:Time:Message\n1:45m:hello\n');
    expect(where(e!)).toEqual([1, 1, 'Event Number:Time:Message']);
    expect(e!.message).toMatch(/separated by ":"/);
  });

  it('a quoted field that is never closed', () => {
    const [e] = errors(`${HEADER}\n1,45m,kw,email,"never closed\nstill open\n`);
    expect(e!.row).toBe(3);
    expect(e!.message).toMatch(/^not valid CSV: quote not closed/);
  });
});

describe('rows with mistakes', () => {
  it('ragged rows: too few and too many fields', () => {
    const es = errors(`${HEADER}\n1,45m,kw,email\n2,1h,kw,email,hello,extra\n`);
    expect(es.map(where)).toEqual([
      [2, 5, 'Message'],
      [3, 6, ''],
    ]);
    expect(es[0]!.message).toMatch(/the row has 4 field\(s\) but the header has 5/);
  });

  it('bad times, unknown teams and channels, all reported at once with their cells', () => {
    const text = [
      HEADER,
      '1,45m,kw,email,fine',
      '2,soon,kw,email,bad time',
      '3,1h,Qatar CERT,email,unknown team',
      '4,2h,kw,pigeon,unknown channel',
      '5,,kw,email,no time and no condition',
      '6,2025-03-01T07:00:00+03:00,kw,email,before T+0',
      '7,31/02/2025 10:00,kw,email,not a date',
    ].join('\n');
    const es = errors(text);
    expect(es.map(where)).toEqual([
      [3, 2, 'Designated Scenario Time'],
      [4, 3, 'To'],
      [5, 4, 'Delivery Method'],
      [6, 2, 'Designated Scenario Time'],
      [7, 2, 'Designated Scenario Time'],
      [8, 2, 'Designated Scenario Time'],
    ]);
    expect(es[1]!.message).toBe('no blue team "Qatar CERT" in the scenario (blue teams: kw, om, sa); write a team id or name, or all-blue');
    expect(es[4]!.message).toMatch(/before the exercise starts \(T\+0 is 2025-03-01T08:00:00\+03:00\)/);
    expect(formatDiagnostic('msel.csv', es[0]!)).toBe(
      'msel.csv:3:2: Designated Scenario Time: "soon" is not a time: write a duration from T+0 (45m, 1h30m), a clock offset (01:30 or T+01:30), a day offset (D+1 02:45), an exercise day (Day 2 09:00) or a date-time (2025-03-01T09:30:00+03:00)',
    );
  });

  it('rows are counted in file lines, past multi-line cells', () => {
    const es = errors(`${HEADER}\n1,45m,kw,email,"line one\nline two\nline three"\n2,later,kw,email,x\n`);
    expect(where(es[0]!)).toEqual([5, 2, 'Designated Scenario Time']);
  });

  it('repeated event numbers, empty messages, bad vocabulary and conditions', () => {
    const text = [
      'Event Number,Time,To,Message,TLP,Priority,Event Type,When,Delay,Exercise Objective,Critical Task,Move',
      '1,45m,kw,ok,,,,,,,,',
      '1,50m,kw,again,,,,,,,,',
      '2,1h,kw,,,,,,,,,',
      '3,1h,kw,x,TLP:ORANGE,,,,,,,',
      '4,1h,kw,x,,urgent,,,,,,',
      '5,1h,kw,x,,,Rumour,,,,,',
      '6,,kw,x,,,,stepSucceded: s1,,,,',
      '7,,kw,x,,,,"{ notAnswered: { inject: 1 } }",,,,',
      '8,1h,kw,x,,,,,soonish,,,',
      '9,1h,kw,x,,,,,,coordination,fly,',
      '10,1h,kw,x,,,,,,,,Move 9',
    ].join('\n');
    const es = errors(text);
    expect(es.map((e) => [e.row, e.column?.name, e.message.slice(0, 40)])).toEqual([
      [3, 'Event Number', 'event number 1 appears twice; give each '],
      [4, 'Message', 'the message is empty: every inject needs'],
      [5, 'TLP', '"TLP:ORANGE" is not a TLP level; write C'],
      [6, 'Priority', '"urgent" is not a priority; write routin'],
      [7, 'Event Type', '"Rumour" is not an event type; write Inj'],
      [8, 'When', 'not a condition: Unrecognized key: "step'],
      [9, 'When', 'not a condition: notAnswered.inject: Inv'],
      [10, 'Delay', '"soonish" is not a duration; write it li'],
      [11, 'Critical Task', 'capability coordination has no critical '],
      [12, 'Move', 'no move "Move 9" in the scenario (moves:'],
    ]);
  });

  it("a language column whose lines do not match the main column's", () => {
    const es = errors('Event Number,Time,Message,Expected Participant Response,Expected Participant Response (ar)\n1,1h,x,"sitrep within 30m\nacknowledge within 5m",نعم\n');
    expect(where(es[0]!)).toEqual([2, 5, 'Expected Participant Response (ar)']);
    expect(es[0]!.message).toMatch(/has 1 line\(s\) but the main column has 2/);
  });

  it('without a scenario, recipients must be team ids', () => {
    const es = errors(`${HEADER}\n1,45m,Kuwait CERT,email,x\n`, {});
    expect(where(es[0]!)).toEqual([2, 3, 'To']);
    expect(es[0]!.message).toMatch(/not a team id.*--into SCENARIO/);
  });
});
