/** The exercise lifecycle, the clock, refusals that change nothing (moves: moves.test.ts). */
import { describe, expect, it } from 'vitest';
import { COMMAND_CLASS, COMMAND_ROLES, compileScenario, createExercise, EXERCISE_PHASES, isEnded, nextEventTime, phaseAccepts, stateHash, step } from '../../../engine/index.ts';
import { exerciseNext } from '../../../engine/machines/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started, SYSTEM, WHITE } from '../fixtures.ts';

describe('exercise lifecycle', () => {
  it('the system may pause and resume (a recovered server), and the events say it was the system; blue may not', () => {
    const s = started();
    const before = stateHash(s);
    expect(step(s, { type: 'pause', actor: blue('kw') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(stateHash(s)).toBe(before);
    const paused = must(s, { type: 'pause', actor: SYSTEM });
    expect(s.phase).toBe('paused');
    expect(paused.find((e) => e.type === 'exercise.paused')).toMatchObject({ actor: 'system' });
    const resumed = must(s, { type: 'resume', actor: SYSTEM });
    expect(s.phase).toBe('running');
    expect(resumed.find((e) => e.type === 'exercise.resumed')).toMatchObject({ actor: 'system' });
    expect(must(s, { type: 'pause', actor: WHITE }).find((e) => e.type === 'exercise.paused')).toMatchObject({ actor: 'white' });
  });

  it('refuses team commands before the start and while paused, without changing anything', () => {
    const s = createExercise(compileScenario(baseScenario()), { seed: 1 });
    const before = stateHash(s);
    expect(step(s, { type: 'sitrep', text: 'x', severity: 'low', actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(step(s, { type: 'advance', to: HOUR, actor: SYSTEM })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(stateHash(s)).toBe(before);
    must(s, { type: 'start', actor: WHITE });
    must(s, { type: 'pause', actor: WHITE });
    const paused = stateHash(s);
    expect(step(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(step(s, { type: 'advance', to: HOUR, actor: SYSTEM })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(stateHash(s)).toBe(paused);
    must(s, { type: 'resume', actor: WHITE });
    advance(s, HOUR);
    expect(s.clock).toBe(HOUR);
  });

  it('lets partners talk during a pause: intelligence and assistance go through at the paused instant; what they carry waits for the resume', () => {
    const s = started();
    advance(s, HOUR);
    must(s, { type: 'pause', actor: WHITE });
    const shared = must(s, { type: 'share-intel', partners: ['sa'], report: { title: 'C2 seen', text: 'x', indicators: ['198.51.100.7'], tlp: 'GREEN' }, actor: blue('kw') });
    expect(shared.find((e) => e.type === 'intel.shared')).toMatchObject({ t: HOUR });
    must(s, { type: 'request-assistance', to: 'sa', text: 'Help with the web server', actor: blue('kw') });
    const granted = must(s, { type: 'grant-assistance', request: 'kw-H1', actor: blue('sa') });
    expect(granted.find((e) => e.type === 'assistance.granted')).toMatchObject({ t: HOUR });
    expect(s.clock).toBe(HOUR);
    expect(s.phase).toBe('paused');
    // Using what was shared is an action: it waits for the resume.
    const before = stateHash(s);
    expect(step(s, { type: 'apply-intel', report: 'kw-R1', actor: blue('sa') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(step(s, { type: 'sitrep', text: 'x', severity: 'low', actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(stateHash(s)).toBe(before);
    must(s, { type: 'resume', actor: WHITE });
    must(s, { type: 'apply-intel', report: 'kw-R1', actor: blue('sa') });
  });

  it('the table the client reads says what the exercise machine accepts, for every phase and command', () => {
    for (const phase of EXERCISE_PHASES) {
      for (const type of Object.keys(COMMAND_ROLES)) {
        expect(phaseAccepts(phase, type), `${type} while ${phase}`).toBe(exerciseNext(phase, (COMMAND_CLASS as Record<string, string>)[type] ?? '?') !== undefined);
      }
    }
    expect(Object.keys(COMMAND_CLASS).sort()).toEqual(Object.keys(COMMAND_ROLES).sort());
    expect(phaseAccepts('paused', 'share-intel')).toBe(true);
    expect(phaseAccepts('paused', 'action')).toBe(false);
    expect(phaseAccepts('running', 'constructor')).toBe(false);
  });

  it('refuses malformed commands, wrong roles, unknown teams and time going backwards', () => {
    const s = started();
    advance(s, HOUR);
    const before = stateHash(s);
    expect(step(s, { type: 'advance', to: MIN, actor: SYSTEM })).toMatchObject({ ok: false, code: 'TIME_BACKWARDS' });
    expect(step(s, { type: 'start', actor: blue('kw') } as never)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(step(s, { type: 'sitrep', text: 'x', severity: 'low', actor: blue('xx') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(step(s, { type: 'sitrep', text: '', severity: 'low', actor: blue('kw') })).toMatchObject({ ok: false, code: 'BAD_COMMAND' });
    expect(step(s, { type: 'warp', actor: WHITE } as never)).toMatchObject({ ok: false, code: 'BAD_COMMAND' });
    expect(step(s, { type: 'start', actor: WHITE })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(stateHash(s)).toBe(before);
  });

  it('ends when its duration is reached; afterwards only review commands are accepted', () => {
    const s = started();
    must(s, { type: 'sitrep', text: 'Starting', severity: 'low', actor: blue('kw') });
    const events = advance(s, 20 * HOUR);
    expect(events.at(-1)).toMatchObject({ type: 'exercise.ended', t: 8 * HOUR, data: { reason: 'duration' }, audience: ['all'] });
    expect(s.clock).toBe(8 * HOUR);
    expect(isEnded(s)).toBe(true);
    expect(nextEventTime(s)).toBeNull();
    expect(step(s, { type: 'sitrep', text: 'late', severity: 'low', actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    must(s, { type: 'adjudicate', item: { kind: 'sitrep', id: 'kw-S1' }, grade: 70, actor: WHITE });
    expect(s.sitreps['kw-S1']?.grade).toBe(70);
  });

  it('the white cell may end an exercise early', () => {
    const s = started();
    advance(s, HOUR);
    const events = must(s, { type: 'end', actor: WHITE });
    expect(events.at(-1)).toMatchObject({ type: 'exercise.ended', t: HOUR, data: { reason: 'white' } });
    expect(s.phase).toBe('ended');
  });

  it('nextEventTime tells a real-time driver when something is due', () => {
    const s = started();
    // Everything due at T+0 happened at the start; the next item is the first score sample.
    expect(nextEventTime(s)).toBe(5 * MIN);
    expect(s.teams.kw!.inbox).toEqual(['welcome']);
  });
});
