/**
 * Distributions over a sweep's runs: probability of each red objective (with a 95% Wilson interval),
 * detection and containment times per team, score percentiles per team. Runs are sorted by seed
 * first: the report is the same whatever order the workers finished in.
 */
import type { CompiledScenario } from '../compile/types.ts';
import type { SweepRunResult, SweepTeamResult } from './result.ts';
import { percentiles, round2, round4, roundInt, wilson95, type Percentiles } from './stats.ts';

export interface ObjectiveDistribution {
  id: string;
  campaign: string;
  /** Runs in which red achieved it, and that as a probability with its 95% interval. */
  achieved: number;
  probability: number;
  ci95: [number, number];
  /** When it was achieved, over the runs that achieved it (simulated ms). */
  timeMs: Percentiles | null;
}

export interface TeamDistribution {
  team: string;
  /** Runs in which the team detected at least one real attempt / had a node compromised / contained one. */
  detectedRuns: number;
  compromisedRuns: number;
  containedRuns: number;
  /** Simulated ms, over the runs where the quantity exists. */
  firstDetectionMs: Percentiles | null;
  meanTimeToDetectMs: Percentiles | null;
  firstCompromiseMs: Percentiles | null;
  meanTimeToContainMs: Percentiles | null;
  /** Nodes not clean at the end, and criticality-weighted service-minutes down, over every run. */
  compromisedNodes: Percentiles | null;
  serviceDownMinutes: Percentiles | null;
  /** Score percentiles (0-100; penalties in points). */
  score: Record<keyof SweepTeamResult['score'], Percentiles | null>;
}

export interface SweepReport {
  scenario: string;
  scenarioHash: string;
  runs: number;
  seeds: number[];
  untilMs: number | null;
  inputs: number;
  events: Percentiles | null;
  simTimeMs: Percentiles | null;
  objectives: ObjectiveDistribution[];
  teams: TeamDistribution[];
  /** Runs with at least one refused input. */
  runsWithRefusedInputs: number;
  /** Each run's figures, by seed (reproduce one with `ramparts run SCENARIO --seed S`). */
  results: SweepRunResult[];
}

export const SCORE_KEYS = ['composite', 'availability', 'detection', 'response', 'reporting', 'cooperation', 'penalties'] as const;

const present = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

/** Builds the report from the runs (any order). */
export function aggregate(compiled: CompiledScenario, unsorted: readonly SweepRunResult[], meta: { untilMs: number | null; inputs: number }): SweepReport {
  const runs = [...unsorted].sort((a, b) => a.seed - b.seed);
  const n = runs.length;
  const objectives = compiled.campaigns.flatMap((camp) =>
    camp.objectives.map((o): ObjectiveDistribution => {
      const times = present(runs.map((r) => r.objectives[o.id] ?? null));
      const [lo, hi] = wilson95(times.length, n);
      return {
        id: o.id,
        campaign: camp.id,
        achieved: times.length,
        probability: n > 0 ? round4(times.length / n) : 0,
        ci95: [round4(lo), round4(hi)],
        timeMs: percentiles(times, roundInt),
      };
    }),
  );
  const teams = compiled.blue.map((b): TeamDistribution => {
    const per = present(runs.map((r) => r.teams[b.id] ?? null));
    const times = (f: (t: SweepTeamResult) => number | null) => percentiles(present(per.map(f)), roundInt);
    const score = {} as TeamDistribution['score'];
    for (const k of SCORE_KEYS)
      score[k] = percentiles(
        per.map((t) => t.score[k]),
        round2,
      );
    return {
      team: b.id,
      detectedRuns: per.filter((t) => t.firstDetectionMs !== null).length,
      compromisedRuns: per.filter((t) => t.compromises > 0).length,
      containedRuns: per.filter((t) => t.contained > 0).length,
      firstDetectionMs: times((t) => t.firstDetectionMs),
      meanTimeToDetectMs: times((t) => t.meanTimeToDetectMs),
      firstCompromiseMs: times((t) => t.firstCompromiseMs),
      meanTimeToContainMs: times((t) => t.meanTimeToContainMs),
      compromisedNodes: percentiles(
        per.map((t) => t.compromisedNodes),
        round2,
      ),
      serviceDownMinutes: percentiles(
        per.map((t) => t.serviceDownMinutes),
        round2,
      ),
      score,
    };
  });
  return {
    scenario: compiled.meta.id,
    scenarioHash: compiled.hash,
    runs: n,
    seeds: runs.map((r) => r.seed),
    untilMs: meta.untilMs,
    inputs: meta.inputs,
    events: percentiles(
      runs.map((r) => r.events),
      roundInt,
    ),
    simTimeMs: percentiles(
      runs.map((r) => r.simTimeMs),
      roundInt,
    ),
    objectives,
    teams,
    runsWithRefusedInputs: runs.filter((r) => r.refused > 0).length,
    results: runs,
  };
}
