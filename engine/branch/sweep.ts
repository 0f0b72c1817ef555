/**
 * A what-if from an opened log, as the command line and the evaluator's console both run it: the
 * played exercise's figures, the branch once with the played random streams, and the job of a sweep
 * of the branch (plain data for a worker thread or a web worker), whose every run starts from the
 * state at T (no fold from T+0 per run) with the streams after T re-seeded.
 */
import type { CompiledScenario } from '../compile/types.ts';
import type { RampartsLog } from '../replay/log.ts';
import { snapshot } from '../replay/snapshot.ts';
import { ContainmentTracker, TRACKED_EVENTS, type TrackerState } from '../run/outcome.ts';
import { sweepResult, type SweepRunResult } from '../sweep/result.ts';
import { compareOnce, type OnceComparison } from './compare.ts';
import { firstDivergence } from './diverge.ts';
import { forkAtState, type OpenedFork } from './fork.ts';
import { type BranchRun, runBranch } from './run.ts';
import type { BranchEdit, EditIssue } from './types.ts';

type Sha = ((text: string) => string) | undefined;

/** A branch to sweep, as plain data. */
export interface BranchSweepJob {
  /** The parent log (records without their events), its hash and end. */
  log: RampartsLog;
  hash: string;
  endTime: number;
  at: number;
  /** The state at T: its dynamic part as JSON (an engine snapshot). */
  state: string;
  edits: BranchEdit[];
  /** Compromise episodes the played events up to T opened and closed. */
  tracker: TrackerState;
}

/** The tracker after the played events up to event `seq`. */
function trackerTo(source: OpenedFork, seq: number): ContainmentTracker {
  const tracker = new ContainmentTracker(source.replayer.compiled);
  const events = source.replayer.events;
  let n = 0;
  while (n < events.length && (events[n]?.seq ?? Infinity) <= seq) n++;
  tracker.add(events.slice(0, n));
  return tracker;
}

/** The exercise as played, in a sweep run's figures (`seed` is the exercise's). */
export function playedResult(source: OpenedFork, sha256?: Sha): SweepRunResult {
  const final = source.replayer.final();
  return sweepResult(final, trackerTo(source, final.seq), source.log.header.seed, 0, sha256);
}

export interface BranchOnce {
  run: BranchRun;
  result: SweepRunResult;
  comparison: OnceComparison;
}

/** The branch with the played random streams (the one alternative history), compared with the played exercise. */
export function branchOnce(source: OpenedFork, at: number, edits: BranchEdit[], played: SweepRunResult, sha256?: Sha): { ok: true; once: BranchOnce } | { ok: false; issues: EditIssue[] } {
  const r = runBranch(source, { at, edits, reseed: null });
  if (!r.ok) return r;
  const tracker = trackerTo(source, r.run.start.seq);
  tracker.add(r.run.events);
  const result = sweepResult(r.run.state, tracker, source.log.header.seed, r.run.refused.length, sha256);
  const playedAfter = source.replayer.events.filter((e) => e.seq > r.run.start.seq);
  return { ok: true, once: { run: r.run, result, comparison: compareOnce(played, result, firstDivergence(playedAfter, r.run.events)) } };
}

/** The sweep job of a branch whose edits were checked (branchOnce ran them). */
export function branchSweepJob(source: OpenedFork, at: number, edits: BranchEdit[]): BranchSweepJob {
  const state = source.replayer.seek(at);
  return {
    log: { header: source.log.header, records: source.log.records.map((x) => ({ t: x.t, command: x.command })) },
    hash: source.hash,
    endTime: source.replayer.endTime,
    at,
    state: snapshot(state).json,
    edits,
    tracker: trackerTo(source, state.seq).save(),
  };
}

/** One run of a branch sweep: the branch with the streams after T re-seeded with `seed`. */
export function branchSweepRun(compiled: CompiledScenario, job: BranchSweepJob, seed: number, sha256?: Sha): SweepRunResult {
  const source = forkAtState(job.log, job.hash, compiled, job.endTime, job.at, job.state);
  const tracker = new ContainmentTracker(compiled, job.tracker);
  const r = runBranch(source, { at: job.at, edits: job.edits, reseed: seed }, { keepEvents: false, observe: (events) => tracker.add(events), observeOnly: TRACKED_EVENTS });
  // The edits were checked before the sweep started: a refusal of them here is a bug.
  if (!r.ok) throw new Error(`the branch's edits were refused in a sweep run: ${r.issues[0]?.message ?? ''}`);
  return sweepResult(r.run.state, tracker, seed, r.run.refused.length, sha256);
}
