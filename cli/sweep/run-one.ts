/**
 * One run of a sweep: a headless run for a seed, reduced to the numbers the distributions need.
 * Runs inside a worker thread; pure apart from the time it takes.
 */
import type { CompiledScenario, ScoreSample } from '../../engine/index.ts';
import { runScripted } from '../headless.ts';
import type { ScriptedInput } from '../inputs.ts';
import { ContainmentTracker, outcomeOf, type TeamOutcome } from '../outcome.ts';

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
  /** Inputs the engine refused in this run. */
  refused: number;
}

/** What a worker needs to run seeds: the scenario (validated source), the inputs and where to stop. */
export interface SweepJob {
  inputs: ScriptedInput[];
  until: number | null;
}

/** Runs one seed to the end (or `until`) and keeps only the outcome figures. */
export function sweepRun(compiled: CompiledScenario, job: SweepJob, seed: number): SweepRunResult {
  const tracker = new ContainmentTracker(compiled);
  const run = runScripted(compiled, {
    seed, inputs: job.inputs, observe: (events) => tracker.add(events), ...(job.until !== null ? { until: job.until } : {}),
  });
  const o = outcomeOf(run.state, tracker);
  const objectives: Record<string, number | null> = {};
  for (const x of o.objectives) objectives[x.id] = x.achievedAtMs;
  const teams: Record<string, SweepTeamResult> = {};
  for (const { team, score: { t: _t, ...score }, successfulAttempts: _s, ...figures } of o.teams) teams[team] = { score, ...figures };
  return { seed, stateHash: o.stateHash, simTimeMs: o.simTimeMs, events: o.events, objectives, teams, refused: run.refused.length };
}
