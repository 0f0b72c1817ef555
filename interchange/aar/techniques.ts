/**
 * ATT&CK coverage: the techniques red used (steps with at least one attempt that reached a target),
 * per tactic, scored by how each team detected them. An attempt earns the engine's detection credit,
 * 0.5^(delay / detection half-life) from the attempt to the team's first alert about it (0 when never
 * alerted); a technique's score is 100 x the mean credit over the attempts on the team's nodes. The
 * coalition column counts the first alert of any team about each attempt.
 */
import { type CStep, type ExerciseState, technique as attackTechnique } from '../../engine/index.ts';
import { round2 } from './exercise.ts';
import { reachedAttempts, stepTactic } from './red-steps.ts';
import type { Timeline } from './timeline.ts';
import type { TechniqueCoverage, TechniqueTeamCoverage } from './types.ts';

interface Acc {
  attempts: number;
  detected: number;
  credit: number;
  delay: number;
}
const empty = (): Acc => ({ attempts: 0, detected: 0, credit: 0, delay: 0 });

function finish(a: Acc): TechniqueTeamCoverage {
  return {
    attempts: a.attempts,
    detected: a.detected,
    score: a.attempts > 0 ? round2((100 * a.credit) / a.attempts) : 0,
    meanDelay: a.detected > 0 ? Math.round(a.delay / a.detected) : null,
  };
}

/** Techniques used, in ATT&CK kill-chain order of their tactic, then by id. */
export function techniqueCoverage(state: ExerciseState, tl: Timeline, tacticOrder: readonly string[]): TechniqueCoverage[] {
  const half = state.scenario.scoring.detectionHalfLife;
  const rows = new Map<string, { technique: string; tactic: string; steps: Set<string>; teams: Map<string, Acc>; coalition: Acc }>();
  for (const { a, i } of reachedAttempts(state)) {
    const c = state.scenario.steps[a.step] as CStep;
    const tactic = stepTactic(c);
    const key = `${c.technique}|${tactic}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { technique: c.technique, tactic, steps: new Set(), teams: new Map(), coalition: empty() }));
    row.steps.add(c.id);
    let acc = row.teams.get(a.team);
    if (!acc) row.teams.set(a.team, (acc = empty()));
    const seen = tl.attemptAlert.get(i);
    const own = seen?.get(a.team);
    const any = seen && seen.size > 0 ? Math.min(...seen.values()) : undefined;
    for (const [x, at] of [
      [acc, own],
      [row.coalition, any],
    ] as const) {
      x.attempts++;
      if (at === undefined) continue;
      const delay = Math.max(0, at - a.t);
      x.detected++;
      x.delay += delay;
      x.credit += 0.5 ** (delay / half);
    }
  }
  const rank = (tactic: string): number => {
    const r = tacticOrder.indexOf(tactic);
    return r < 0 ? tacticOrder.length : r;
  };
  const blue = state.scenario.blue.map((b) => b.id);
  return [...rows.values()]
    .sort((x, y) => rank(x.tactic) - rank(y.tactic) || (x.technique < y.technique ? -1 : x.technique > y.technique ? 1 : 0))
    .map((r) => ({
      technique: r.technique,
      name: attackTechnique(r.technique)?.name ?? r.technique,
      tactic: r.tactic,
      steps: [...r.steps].sort(),
      teams: Object.fromEntries(blue.filter((b) => r.teams.has(b)).map((b) => [b, finish(r.teams.get(b) as Acc)])),
      coalition: finish(r.coalition),
    }));
}
