/**
 * One run of a sweep: a headless run for a seed, or a what-if branch re-seeded with it (engine/branch),
 * reduced to the numbers the distributions need (engine/sweep/result.ts). Runs inside a worker
 * thread; pure apart from the time it takes.
 */
import { type BranchSweepJob, branchSweepRun, type CompiledScenario, ContainmentTracker, sweepResult, type SweepRunResult, TRACKED_EVENTS } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { runScripted } from '../headless.ts';
import type { ScriptedInput } from '../inputs.ts';

export type { SweepRunResult, SweepTeamResult } from '../../engine/index.ts';

/** What a worker needs to run seeds: the inputs and where to stop, or a branch to re-seed after its fork. */
export interface SweepJob {
  inputs: ScriptedInput[];
  until: number | null;
  branch?: BranchSweepJob;
}

/** Runs one seed to the end (or `until`) and keeps only the outcome figures. */
export function sweepRun(compiled: CompiledScenario, job: SweepJob, seed: number): SweepRunResult {
  if (job.branch) return branchSweepRun(compiled, job.branch, seed, nativeSha256Hex);
  const tracker = new ContainmentTracker(compiled);
  const run = runScripted(compiled, {
    seed,
    inputs: job.inputs,
    observe: (events) => tracker.add(events),
    observeOnly: TRACKED_EVENTS,
    ...(job.until !== null ? { until: job.until } : {}),
  });
  return sweepResult(run.state, tracker, seed, run.refused.length, nativeSha256Hex);
}
