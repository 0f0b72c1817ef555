/**
 * One run of a sweep reduced to the numbers the distributions need: what `ramparts sweep` workers,
 * what-if sweeps and the browser's sweep workers (client/sweep) all send back. Pure.
 */
import type { ExerciseState, ScoreSample } from '../sim/state.ts';
import { type ContainmentTracker, outcomeOf, type TeamOutcome } from '../run/outcome.ts';

/** A team's outcome figures as a sweep keeps them (no team id, no sample time, no success count). */
export type SweepTeamResult = Omit<TeamOutcome, 'team' | 'score' | 'successfulAttempts'> & { score: Omit<ScoreSample, 't'> };

export interface SweepRunResult {
  seed: number;
  stateHash: string;
  simTimeMs: number;
  events: number;
  /** Objective id -> simulated time achieved, or null. */
  objectives: Record<string, number | null>;
  teams: Record<string, SweepTeamResult>;
  /** Inputs (or a branch's commands) the engine refused in this run. */
  refused: number;
}

/** The run's figures from the state it ended in and the tracker that followed its events. */
export function sweepResult(state: ExerciseState, tracker: ContainmentTracker, seed: number, refused: number, sha256?: (text: string) => string): SweepRunResult {
  const o = outcomeOf(state, tracker, sha256);
  const objectives: Record<string, number | null> = {};
  for (const x of o.objectives) objectives[x.id] = x.achievedAtMs;
  const teams: Record<string, SweepTeamResult> = {};
  for (const {
    team,
    score: { t: _t, ...score },
    successfulAttempts: _s,
    ...figures
  } of o.teams)
    teams[team] = { score, ...figures };
  return { seed, stateHash: o.stateHash, simTimeMs: o.simTimeMs, events: o.events, objectives, teams, refused };
}
