/**
 * Scores that reveal nothing (engine/sim/disclosure.ts, docs/ENGINE.md): before the white cell
 * releases them, nothing of a blue team's score is computed from ground truth or the evaluators'
 * criteria; after a release, the samples up to it are whole.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, computeScore, createExercise, eventsFor, project, stateHash, step, type EngineEvent, type ExerciseState } from '../../../engine/index.ts';
import type { ScenarioT } from '../../../engine/scenario/schema/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, RED, started, WHITE } from '../fixtures.ts';

/** The base scenario with a red step on kw-ws1, which no sensor watches: its success is a fact kw is never given. */
function hidden(success: number): ScenarioT {
  const sc = baseScenario();
  sc.campaigns[0]!.steps.push({
    id: 'quiet-foothold',
    name: 'Quiet foothold',
    technique: 'T1078',
    target: { nodes: ['kw-ws1'] },
    timing: { at: '1h', duration: '5m' },
    success: { base: success },
    effects: ['compromise'],
  });
  return sc;
}

/** Runs a scenario to 6h, kw isolating its (clean or not) workstation at 3h. */
function run(sc: ScenarioT): { s: ExerciseState; events: EngineEvent[] } {
  const s = started(sc);
  const events = [...advance(s, 3 * HOUR)];
  events.push(...must(s, { type: 'action', action: 'isolate', target: { node: 'kw-ws1' }, actor: blue('kw') }));
  events.push(...advance(s, 6 * HOUR));
  return { s, events };
}

/** What kw receives: its view, and its events without the exercise's numbering (the server numbers each seat's own). */
const kwSees = (r: { s: ExerciseState; events: EngineEvent[] }): string =>
  JSON.stringify({ view: project(r.s, { role: 'blue', team: 'kw' }), events: eventsFor(r.events, { role: 'blue', team: 'kw' }).map(({ seq: _seq, ...e }) => e) });

describe('scores that reveal nothing', () => {
  it('two runs that differ only in a hidden red success give byte-identical blue views and events', () => {
    const hit = run(hidden(1));
    const missed = run(hidden(0));
    // The truth differs, and so does the full score (the test would see a leak)...
    const ws1 = (r: { s: ExerciseState }) => r.s.nodes[r.s.scenario.nodeIndex.get('kw-ws1')!]!.integrity;
    expect(ws1(hit)).not.toBe('clean');
    expect(ws1(missed)).toBe('clean');
    const full = (r: { s: ExerciseState }) => computeScore(r.s, 'kw');
    expect(full(hit).response).not.toBe(full(missed).response);
    expect(full(hit).penalties).not.toBe(full(missed).penalties);
    expect(project(hit.s, { role: 'white' }).blue).not.toEqual(project(missed.s, { role: 'white' }).blue);
    // ...but kw receives exactly the same bytes.
    expect(kwSees(hit)).toBe(kwSees(missed));
  });

  it('before a release, a blue score holds the known components only; the white cell sees the whole', () => {
    const { s, events } = run(hidden(1));
    const mine = project(s, { role: 'blue', team: 'kw' }).score;
    expect(mine.releasedAt).toBeNull();
    expect(mine.policy).toBe('withheld');
    for (const sample of [mine.current, ...mine.timeline]) {
      expect(sample).toMatchObject({ composite: null, detection: null, response: null, reporting: null, penalties: null });
      expect(typeof sample.availability).toBe('number');
      expect(typeof sample.cooperation).toBe('number');
    }
    expect(mine.current.availability).toBe(s.teams.kw!.score.current.availability);
    expect(project(s, { role: 'white' }).blue.find((b) => b.team.id === 'kw')!.score.current).toEqual(computeScore(s, 'kw'));
    const scores = eventsFor(events, { role: 'blue', team: 'kw' }).filter((e) => e.type === 'score');
    expect(scores.length).toBeGreaterThan(10);
    for (const e of scores) expect(e.data).toMatchObject({ detection: null, response: null, reporting: null, penalties: null, composite: null });
  });

  it('a release shows every sample up to it in full; later samples are withheld until the next', () => {
    const { s } = run(hidden(1));
    const released = must(s, { type: 'release-scores', actor: WHITE });
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({ type: 'scores.released', actor: 'white', data: { t: 6 * HOUR }, audience: ['all'] });
    const after = project(s, { role: 'blue', team: 'kw' }).score;
    expect(after.releasedAt).toBe(6 * HOUR);
    expect(after.current).toEqual(s.teams.kw!.score.current);
    expect(after.timeline).toEqual(s.teams.kw!.score.timeline);

    const later = advance(s, 7 * HOUR);
    const again = project(s, { role: 'blue', team: 'kw' }).score;
    expect(again.current).toMatchObject({ t: 7 * HOUR, detection: null, composite: null });
    expect(again.timeline.filter((x) => x.t <= 6 * HOUR)).toEqual(s.teams.kw!.score.timeline.filter((x) => x.t <= 6 * HOUR));
    expect(again.timeline.filter((x) => x.t > 6 * HOUR).every((x) => x.detection === null)).toBe(true);
    expect(
      eventsFor(later, { role: 'blue', team: 'kw' })
        .filter((e) => e.type === 'score')
        .every((e) => (e.data as { detection: unknown }).detection === null),
    ).toBe(true);

    must(s, { type: 'end', actor: WHITE });
    must(s, { type: 'release-scores', actor: WHITE });
    expect(project(s, { role: 'blue', team: 'kw' }).score.current).toEqual(computeScore(s, 'kw'));
  });

  it('after a release, the two runs of the first test no longer look alike to kw', () => {
    const hit = run(hidden(1));
    const missed = run(hidden(0));
    for (const r of [hit, missed]) must(r.s, { type: 'release-scores', actor: WHITE });
    expect(project(hit.s, { role: 'blue', team: 'kw' }).score).not.toEqual(project(missed.s, { role: 'blue', team: 'kw' }).score);
  });

  it('scoring.blueScores: known gives a composite of the known components meanwhile', () => {
    const sc = hidden(1);
    sc.scoring.blueScores = 'known';
    const { s } = run(sc);
    const mine = project(s, { role: 'blue', team: 'kw' }).score;
    expect(mine.policy).toBe('known');
    const { availability: a, cooperation: c } = mine.current;
    expect(mine.current.composite).toBeCloseTo((30 * a + 10 * c) / 40, 2);
    expect(mine.current.detection).toBeNull();
  });

  it('only the white cell releases, once the exercise has started; a state that never releases hashes as before', () => {
    const s = started(hidden(1));
    advance(s, 30 * MIN);
    const before = stateHash(s);
    for (const actor of [blue('kw'), RED, { role: 'evaluator' } as const]) {
      const r = step(s, { type: 'release-scores', actor });
      expect(r.ok ? null : r.code).toBe('FORBIDDEN');
    }
    expect(stateHash(s)).toBe(before);
    expect('scoresReleasedAt' in s).toBe(false);
    const planned = step(createExercise(compileScenario(hidden(1)), { seed: 7, mode: 'headless' }), { type: 'release-scores', actor: WHITE });
    expect(planned.ok ? null : planned.code).toBe('WRONG_PHASE');
    must(s, { type: 'release-scores', actor: WHITE });
    expect(stateHash(s)).not.toBe(before);
  });
});
