/**
 * A what-if in the browser: the branch once on the page's thread (the played random streams; it
 * reuses the seek index the timeline built), a sweep of it over web workers (client/sweep), and the
 * after-action report with the pinned findings (interchange, pure, in the browser too).
 */
import {
  aggregate,
  branchOnce,
  branchSweepJob,
  compareSweep,
  playedResult,
  serialiseLog,
  type BranchEdit,
  type BranchOnce,
  type EditIssue,
  type OpenedFork,
  type ScoreSample,
  type SweepComparison,
  type SweepRunResult,
} from '../../../engine/index.ts';
import { aarMarkdown, buildAarResults, pinFinding, type WhatIfFinding } from '../../../interchange/index.ts';
import { runBrowserSweep } from '../../sweep/pool.ts';

export interface OnceResult {
  once: BranchOnce;
  played: SweepRunResult;
  at: number;
  edits: BranchEdit[];
}
export interface SweepResult {
  comparison: SweepComparison;
  seed: number;
}

/** Runs the branch once; bad edits come back as the engine's located issues. */
export function runOnce(fork: OpenedFork, at: number, edits: BranchEdit[]): { ok: true; result: OnceResult } | { ok: false; issues: EditIssue[] } {
  const played = playedResult(fork);
  const r = branchOnce(fork, at, edits, played);
  return r.ok ? { ok: true, result: { once: r.once, played, at, edits } } : r;
}

/** Sweeps the branch over `runs` re-seeded runs (seeds 1..runs) in web workers. */
export async function runSweep(
  fork: OpenedFork,
  once: OnceResult,
  runs: number,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ ok: true; sweep: SweepResult } | { ok: false; message: string }> {
  const job = branchSweepJob(fork, once.at, once.edits);
  const seeds = Array.from({ length: runs }, (_, i) => i + 1);
  const r = await runBrowserSweep({ init: { kind: 'branch', scenario: fork.log.header.scenario, job }, seeds, onProgress, ...(signal ? { signal } : {}) });
  if (!r.ok) return { ok: false, message: r.seed === null ? r.message : `seed ${r.seed}: ${r.message}` };
  const report = aggregate(fork.replayer.compiled, r.results, { untilMs: null, inputs: 0 });
  return { ok: true, sweep: { comparison: compareSweep(once.played, report), seed: 1 } };
}

/** Each blue team's composite score samples in a final state. */
export function scoreTimelines(state: { teams: Record<string, { score: { timeline: ScoreSample[] } }> }, teams: readonly string[]): Record<string, ScoreSample[]> {
  const out: Record<string, ScoreSample[]> = {};
  for (const t of teams) out[t] = Object.hasOwn(state.teams, t) ? (state.teams[t] as { score: { timeline: ScoreSample[] } }).score.timeline : [];
  return out;
}

/** Pins a finding about `objective` (W<n>, n the next number). */
export function pin(result: OnceResult, sweep: SweepResult | null, objective: string, n: number, note: string): { ok: true; finding: WhatIfFinding } | { ok: false; message: string } {
  return pinFinding({
    id: `W${n}`,
    objective,
    branchLog: result.once.run.log,
    stateHash: result.once.result.stateHash,
    once: result.once.comparison,
    ...(sweep ? { sweep } : {}),
    ...(note.trim() !== '' ? { note } : {}),
  });
}

/** The AAR/IP (Markdown) of the played exercise with the pinned findings, in `lang`. */
export function aarWithFindings(fork: OpenedFork, findings: readonly WhatIfFinding[], lang: string): string {
  const x = { log: fork.log, state: fork.replayer.final(), events: fork.replayer.events, whatIf: findings };
  return aarMarkdown(buildAarResults(x, { lang }));
}

/** The branch (played random streams) as a log file: it replays with `ramparts replay` and branches again. */
export const branchText = (r: OnceResult): string => serialiseLog(r.once.run.log);
