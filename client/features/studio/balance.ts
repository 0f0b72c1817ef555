/**
 * Dry run and balance of a draft: runs of the checked scenario headless on the browser's sweep pool
 * (client/sweep, the same workers as the what-if panel), aggregated by the engine's `aggregate` (the
 * report `ramparts sweep --json` prints), summed up for the studio: per objective the probability
 * and its 95% interval, per team detection and containment times and the score range. A summary is
 * kept per scenario and version in the browser, so that the next balance compares with the figures
 * of the previous saved version.
 */
import type { ScenarioT, SweepReport, SweepRunResult } from '../../../engine/types.ts';
import { runBrowserSweep } from '../../sweep/pool.ts';

export interface BalanceSummary {
  runs: number;
  objectives: { id: string; probability: number; ci95: [number, number] }[];
  teams: { team: string; detectionMedianMs: number | null; containMedianMs: number | null; score: [number, number] | null; scoreMedian: number | null }[];
}

/** The studio's figures from the engine's report. */
export function summarise(report: SweepReport): BalanceSummary {
  return {
    runs: report.runs,
    objectives: report.objectives.map((o) => ({ id: o.id, probability: o.probability, ci95: o.ci95 })),
    teams: report.teams.map((t) => ({
      team: t.team,
      detectionMedianMs: t.firstDetectionMs?.p50 ?? null,
      containMedianMs: t.meanTimeToContainMs?.p50 ?? null,
      score: t.score.composite ? [t.score.composite.p5, t.score.composite.p95] : null,
      scoreMedian: t.score.composite?.p50 ?? null,
    })),
  };
}

export type RunOutcome = { ok: true; results: SweepRunResult[]; report: SweepReport } | { ok: false; message: string };

/** Runs `seeds` of the scenario headless to its end in `workers` web workers and aggregates them. */
export async function runBalance(
  scenario: ScenarioT,
  seeds: readonly number[],
  options: { workers?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RunOutcome> {
  const r = await runBrowserSweep({ init: { kind: 'scenario', scenario, inputs: [], until: null }, seeds, ...options });
  if (!r.ok) return { ok: false, message: r.seed === null ? r.message : `seed ${r.seed}: ${r.message}` };
  // The engine's aggregation, loaded with the first balance (the page itself runs no engine).
  const engine = await import('../../../engine/index.ts');
  const report = engine.aggregate(engine.compileScenario(scenario), r.results, { untilMs: null, inputs: 0 });
  return { ok: true, results: r.results, report };
}

const KEY = 'ramparts.studio.balance';

interface Stored {
  scenario: string;
  version: string;
  summary: BalanceSummary;
}

/** Keeps the figures of a saved version (the newest per scenario, and the one before it). */
export function rememberSaved(scenario: string, version: string, summary: BalanceSummary, storage: Storage = localStorage): void {
  const all = recall(storage).filter((s) => !(s.scenario === scenario && s.version === version));
  const mine = all.filter((s) => s.scenario === scenario);
  const others = all.filter((s) => s.scenario !== scenario);
  storage.setItem(KEY, JSON.stringify([...others, ...mine.slice(-1), { scenario, version, summary }]));
}

/** The figures of the newest saved version of `scenario` other than `version`. */
export function previousSaved(scenario: string, version: string | null, storage: Storage = localStorage): Stored | null {
  const mine = recall(storage).filter((s) => s.scenario === scenario && s.version !== version);
  return mine[mine.length - 1] ?? null;
}

function recall(storage: Storage): Stored[] {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Stored[]) : [];
  } catch {
    return [];
  }
}
