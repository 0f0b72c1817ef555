/**
 * The difference a branch makes: per red objective and per blue team, the exercise as played against
 * the branch run once (the played random streams), or against a sweep of branch runs (streams re-seeded
 * after T), where each figure is a distribution with the played value marked in it (the share of runs
 * at or below it). Pure: the command line and the evaluator's console print and draw the same object.
 */
import type { Percentiles } from '../sweep/stats.ts';
import type { SweepReport } from '../sweep/aggregate.ts';
import type { SweepRunResult, SweepTeamResult } from '../sweep/result.ts';
import type { Divergence } from './diverge.ts';

/** The figures of one team in one run. */
export interface TeamFigures {
  compromisedNodes: number;
  serviceDownMinutes: number;
  compromises: number;
  contained: number;
  meanTimeToContainMs: number | null;
  score: SweepTeamResult['score'];
}

export interface ObjectiveOnce {
  id: string;
  played: number | null;
  branch: number | null;
}
export interface TeamOnce {
  team: string;
  played: TeamFigures;
  branch: TeamFigures;
}
export interface OnceComparison {
  objectives: ObjectiveOnce[];
  teams: TeamOnce[];
  divergence: Divergence | null;
}

export interface ObjectiveSweep {
  id: string;
  /** When red reached it as played, or null. */
  played: number | null;
  /** Runs of the branch that reached it, the probability and its 95% Wilson interval. */
  achieved: number;
  probability: number;
  ci95: [number, number];
}
/** A distribution over the branch runs with the played value and where it falls (share of runs at or below it). */
export interface Marked {
  played: number | null;
  branch: Percentiles | null;
  playedAtOrAbove: number | null;
}
export interface TeamSweep {
  team: string;
  compromisedNodes: Marked;
  serviceDownMinutes: Marked;
  meanTimeToContainMs: Marked;
  composite: Marked;
  /** Share of runs in which the team contained at least one compromise. */
  containedRuns: number;
}
export interface SweepComparison {
  runs: number;
  objectives: ObjectiveSweep[];
  teams: TeamSweep[];
}

const figures = (t: SweepTeamResult | undefined): TeamFigures => ({
  compromisedNodes: t?.compromisedNodes ?? 0,
  serviceDownMinutes: t?.serviceDownMinutes ?? 0,
  compromises: t?.compromises ?? 0,
  contained: t?.contained ?? 0,
  meanTimeToContainMs: t?.meanTimeToContainMs ?? null,
  score: t?.score ?? { composite: 0, availability: 0, detection: 0, response: 0, reporting: 0, cooperation: 0, penalties: 0 },
});

/** Played against the branch run once. */
export function compareOnce(played: SweepRunResult, branch: SweepRunResult, divergence: Divergence | null): OnceComparison {
  return {
    objectives: Object.keys(played.objectives).map((id) => ({ id, played: played.objectives[id] ?? null, branch: branch.objectives[id] ?? null })),
    teams: Object.keys(played.teams).map((team) => ({ team, played: figures(played.teams[team]), branch: figures(branch.teams[team]) })),
    divergence,
  };
}

/** Share of the values at or below `x` (0..1, four decimals). */
function rank(values: readonly number[], x: number): number {
  if (values.length === 0) return 0;
  let k = 0;
  for (const v of values) if (v <= x) k++;
  return Math.round((10_000 * k) / values.length) / 10_000;
}

/** Played against a sweep of the branch (`report` aggregates its runs, `report.results` each run). */
export function compareSweep(played: SweepRunResult, report: SweepReport): SweepComparison {
  const runs = report.results;
  const mark = (value: number | null, branch: Percentiles | null, of: (r: SweepRunResult) => number | null): Marked => {
    const values = runs.map(of).filter((v): v is number => v !== null);
    return { played: value, branch, playedAtOrAbove: value === null ? null : rank(values, value) };
  };
  return {
    runs: report.runs,
    objectives: report.objectives.map((o) => ({ id: o.id, played: played.objectives[o.id] ?? null, achieved: o.achieved, probability: o.probability, ci95: o.ci95 })),
    teams: report.teams.map((d) => {
      const p = figures(played.teams[d.team]);
      const of =
        (f: (t: SweepTeamResult) => number | null) =>
        (r: SweepRunResult): number | null => {
          const t = r.teams[d.team];
          return t ? f(t) : null;
        };
      return {
        team: d.team,
        compromisedNodes: mark(
          p.compromisedNodes,
          d.compromisedNodes,
          of((t) => t.compromisedNodes),
        ),
        serviceDownMinutes: mark(
          p.serviceDownMinutes,
          d.serviceDownMinutes,
          of((t) => t.serviceDownMinutes),
        ),
        meanTimeToContainMs: mark(
          p.meanTimeToContainMs,
          d.meanTimeToContainMs,
          of((t) => t.meanTimeToContainMs),
        ),
        composite: mark(
          p.score.composite,
          d.score.composite,
          of((t) => t.score.composite),
        ),
        containedRuns: report.runs > 0 ? Math.round((10_000 * d.containedRuns) / report.runs) / 10_000 : 0,
      };
    }),
  };
}
