/**
 * An exception inside the engine never passes silently: the command throws an EngineFault, the state
 * it was applied to refuses every later command until it is rebuilt, and a rebuilt state (restored
 * from a snapshot, or replayed) carries on as if the faulty command had never been sent.
 */
import { describe, expect, it } from 'vitest';
import { advanceChunk, EngineFault, isFaulted, restore, snapshot, stateHash, step, type ExerciseState } from '../../engine/index.ts';
import { advance, blue, HOUR, started, SYSTEM } from './fixtures.ts';

/** Breaks a team's record so that the next score sample throws (a stand-in for any engine bug). */
function breakScores(s: ExerciseState): void {
  (s.teams.kw as unknown as { score: unknown }).score = null;
}

describe('engine faults', () => {
  it('a command that throws inside the engine becomes an EngineFault and faults that state', () => {
    const s = started();
    advance(s, HOUR);
    const good = snapshot(s);
    breakScores(s);
    expect(() => step(s, { type: 'advance', to: 3 * HOUR, actor: SYSTEM })).toThrow(EngineFault);
    expect(isFaulted(s)).toBe(true);
    // Even a command that would not touch the broken record is refused on a faulted state.
    expect(() => step(s, { type: 'sitrep', text: 'still here', severity: 'low', actor: blue('sa') })).toThrow(/rebuild/);
    expect(() => advanceChunk(s, { type: 'advance', to: 4 * HOUR, actor: SYSTEM }, 10)).toThrow(EngineFault);

    const rebuilt = restore(good);
    expect(isFaulted(rebuilt)).toBe(false);
    const again = restore(good);
    advance(rebuilt, 3 * HOUR);
    advance(again, 3 * HOUR);
    expect(stateHash(rebuilt)).toBe(stateHash(again));
  });

  it('says which command failed and keeps the cause', () => {
    const s = started();
    breakScores(s);
    try {
      step(s, { type: 'advance', to: 2 * HOUR, actor: SYSTEM });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineFault);
      expect((error as EngineFault).command).toBe('advance');
      expect((error as EngineFault).cause).toBeInstanceOf(TypeError);
    }
  });
});
