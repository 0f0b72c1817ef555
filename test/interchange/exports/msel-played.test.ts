/**
 * The MSEL as played (ramparts export --format msel-csv): the HSEEP template's columns in its order,
 * time columns that sort as text, per-team delivery, acknowledgement, answer and grade, and the time
 * each condition-triggered inject fired.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlayedMsel, playedInjects } from '../../../interchange/index.ts';
import { crucibleTemplates } from '../helpers.ts';
import { flagship, type Flagship } from './shared.ts';

let f: Flagship;
let rows: Record<string, string>[];
let header: string[];
beforeAll(() => {
  f = flagship();
  const s = f.run.scenario;
  const text = exportPlayedMsel(playedInjects(s.injects, f.exercise.state), f.exercise.state, { startDate: s.meta.startDate, teams: s.teams.filter((t) => t.role === 'blue').map((t) => t.id) });
  const table = parse(text, { bom: true }) as string[][];
  header = table[0]!;
  rows = table.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
});

describe('the MSEL as played', () => {
  it("starts with the HSEEP template's columns, in its order", () => {
    expect(header.slice(0, 10)).toEqual(crucibleTemplates().get('HSEEP'));
  });

  it("writes every time as text that sorts: wall clock at the start date's offset, elapsed of one width", () => {
    const times = rows.map((r) => r['Designated Scenario Time']!).filter((t) => t !== '');
    expect(times.length).toBeGreaterThan(10);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    const elapsed = rows.map((r) => r.Elapsed!).filter((t) => t !== '');
    expect(new Set(elapsed.map((e) => e.length)).size).toBe(1);
    const byText = [...elapsed].sort();
    const bySeconds = [...elapsed].sort((a, b) => seconds(a) - seconds(b));
    expect(byText).toEqual(bySeconds);
  });

  it('gives per team when each inject was delivered, acknowledged and answered, the answer and the grade, as the state has them', () => {
    const state = f.exercise.state;
    let filled = 0;
    for (const r of rows) {
      const rt = state.injects[r['Event Number']!]!;
      for (const [team, x] of Object.entries(rt.teams)) {
        expect(r[`${team}: Delivered`] !== '').toBe(x.deliveredAt !== null);
        expect(r[`${team}: Acknowledged`] !== '').toBe(x.ackAt !== null);
        expect(r[`${team}: Answered`] !== '').toBe(x.answeredAt !== null);
        expect(r[`${team}: Answer`]).toBe(x.answer ?? '');
        expect(r[`${team}: Grade`]).toBe(x.grade === null ? '' : String(x.grade));
        if (x.grade !== null) filled++;
      }
    }
    expect(filled).toBeGreaterThan(0);
  });

  it('condition-triggered injects carry the time they fired', () => {
    const conditional = f.run.scenario.injects!.filter((i) => i.when !== undefined && i.at === undefined);
    expect(conditional.length).toBeGreaterThan(0);
    let fired = 0;
    for (const i of conditional) {
      const r = rows.find((x) => x['Event Number'] === i.id)!;
      const delivered = Object.values(f.exercise.state.injects[i.id]!.teams).some((x) => x.deliveredAt !== null);
      expect(r['Condition Fired'] !== '').toBe(delivered);
      expect(r['Designated Scenario Time']).toBe('');
      if (delivered) fired++;
    }
    expect(fired).toBeGreaterThan(0);
  });
});

function seconds(e: string): number {
  const [h, m, s] = e.slice(2).split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}
