/**
 * A fast copy of an exercise state for in-memory snapshots (replay, seek). It shares what the engine
 * never mutates once written (alerts, their truth, score samples, queue items, indicator values,
 * ratings) and copies everything else, so a copy and its original can both go on independently at a
 * fraction of the cost of a JSON round trip. Keep in step with sim/state.ts: a field not listed here is
 * deep-copied, which is always safe.
 */
import type { ExerciseState, TeamRt } from '../sim/state.ts';

/** Deep copy of plain JSON data. */
export function deepCopy<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) {
    const out = new Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = deepCopy(x[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in x) out[k] = deepCopy((x as Record<string, unknown>)[k]);
  return out as T;
}

function copyTeam(t: TeamRt): TeamRt {
  const { alerts, score, expects, ...rest } = t;
  const { timeline, current, ...counters } = score;
  return {
    ...deepCopy(rest),
    alerts: alerts.slice(),
    expects: expects.slice(),
    score: { ...deepCopy(counters), current, timeline: timeline.slice() },
  };
}

/** An independent copy of a state (the compiled scenario stays shared). */
export function cloneState(s: ExerciseState): ExerciseState {
  const { scenario, queue, indicators, teams, alertTruth, ratings, ...rest } = s;
  const out = deepCopy(rest) as Omit<ExerciseState, 'scenario' | 'queue' | 'indicators' | 'teams' | 'alertTruth' | 'ratings'>;
  const t: Record<string, TeamRt> = {};
  for (const id in teams) t[id] = copyTeam(teams[id] as TeamRt);
  const truth: ExerciseState['alertTruth'] = {};
  for (const id in alertTruth) truth[id] = (alertTruth[id] as ExerciseState['alertTruth'][string]).slice();
  return { scenario, ...out, queue: queue.slice(), indicators, teams: t, alertTruth: truth, ratings: ratings.slice() };
}
