/** Scores move as the scenario's weights say: categories, penalties, composite, timeline. */
import { describe, expect, it } from 'vitest';
import { computeScore, project } from '../../../engine/index.ts';
import type { ScenarioT } from '../../../engine/scenario/schema/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started } from '../fixtures.ts';

const withWeights = (w: ScenarioT['scoring']['weights'], penalties?: ScenarioT['scoring']['penalties']): ScenarioT => {
  const sc = baseScenario();
  sc.scoring = { weights: w, ...(penalties ? { penalties } : {}) };
  return sc;
};
const zero = { availability: 0, detection: 0, response: 0, reporting: 0, cooperation: 0 };

describe('scoring', () => {
  it('availability weighs service downtime against the availability target', () => {
    const s = started();
    advance(s, 8 * HOUR);
    // exploit-sa disrupts sa-web's only service at 2h50m, until the end (8h); target 0.95 by default.
    const uptime = (2 * HOUR + 50 * MIN) / (8 * HOUR);
    expect(s.teams.sa!.score.current.availability).toBeCloseTo(100 * (uptime / 0.95), 2);
    expect(s.teams.qa!.score.current.availability).toBe(100);
  });

  it('detection credit halves every detectionHalfLife of delay; undetected attempts count zero', () => {
    const s = started();
    advance(s, 8 * HOUR);
    const first = s.teams.kw!.alerts[0]!.t;
    const expected = (100 * (0.5 ** ((first - 40 * MIN) / (30 * MIN)) + 0)) / 2;
    expect(s.teams.kw!.score.current.detection).toBeCloseTo(expected, 2);
  });

  it('response: containment within the target earns full credit, later less', () => {
    const late = started();
    advance(late, 8 * HOUR);
    expect(late.teams.kw!.score.current.response).toBeCloseTo((100 * 60) / 440, 2);
    const quick = started();
    advance(quick, 45 * MIN);
    must(quick, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(quick, 8 * HOUR);
    expect(quick.teams.kw!.score.current.response).toBe(100);
  });

  it('the composite follows the weights exactly', () => {
    const only = (cat: keyof typeof zero) => {
      const s = started(withWeights({ ...zero, [cat]: 1 }));
      advance(s, 8 * HOUR);
      return s.teams.sa!.score.current;
    };
    for (const cat of ['availability', 'detection', 'response', 'reporting', 'cooperation'] as const) {
      const sc = only(cat);
      expect(sc.composite).toBe(sc[cat]);
    }
    const s = started(withWeights({ availability: 3, detection: 1, response: 0, reporting: 0, cooperation: 0 }));
    advance(s, 8 * HOUR);
    const c = s.teams.sa!.score.current;
    expect(c.composite).toBeCloseTo((3 * c.availability + c.detection) / 4, 1);
  });

  it('penalties: needless isolation of a clean node (criticality-hours) and missed deadlines', () => {
    const s = started(withWeights({ ...zero, availability: 1 }, { disruption: 2, lateReport: 5 }));
    must(s, { type: 'action', action: 'isolate', target: { node: 'qa-ws' }, actor: blue('qa') });
    advance(s, 8 * HOUR);
    const cur = s.teams.qa!.score.current;
    const critHours = (8 * HOUR - 5 * MIN) / HOUR;
    expect(cur.penalties).toBeCloseTo(2 * critHours + 5 * 1, 2);
    expect(cur.composite).toBeCloseTo(Math.max(0, 100 - cur.penalties), 2);
  });

  it("reporting averages the white cell's grades with expectations met and missed", () => {
    const s = started();
    must(s, { type: 'sitrep', text: 'All quiet', severity: 'low', actor: blue('qa') });
    must(s, { type: 'adjudicate', item: { kind: 'sitrep', id: 'qa-S1' }, grade: 60, actor: { role: 'white' } });
    advance(s, HOUR);
    // One grade (60) and one missed acknowledgement (0).
    expect(s.teams.qa!.score.current.reporting).toBe(30);
  });

  it('samples a timeline every sampleEvery and sends each team only its own score', () => {
    const s = started();
    const events = advance(s, 8 * HOUR);
    expect(s.teams.kw!.score.timeline).toHaveLength(8 * 12 + 1);
    expect(s.teams.kw!.score.timeline[1]!.t).toBe(5 * MIN);
    const scoreEvents = events.filter((e) => e.type === 'score');
    for (const e of scoreEvents) expect(e.audience).toEqual([`team:${(e.data as { team: string }).team}`]);
    expect(project(s, { role: 'white' }).blue.find((b) => b.team.id === 'kw')!.score.current).toEqual(computeScore(s, 'kw'));
  });
});
