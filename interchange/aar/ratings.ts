/**
 * HSEEP capability analysis: the evaluators' P/S/M/U ratings per capability and critical task, with the
 * evidence the log holds for each task (the injects that evaluate it and what the teams did).
 *
 * Consolidation, when several ratings exist for one item: each evaluator's latest rating counts once;
 * the consolidated rating is the most frequent of those, ties going to the lower rating (a conservative
 * reading). A capability without ratings of its own takes the consolidation of its tasks' ratings.
 */
import { type ExerciseState, type Rating, RATINGS, type RatingRt } from '../../engine/index.ts';
import { mean, pickText, round2 } from './exercise.ts';
import type { CapabilityAnalysis, InjectResult, TaskAnalysis } from './types.ts';

export const RATING_NAMES: Record<Rating, string> = {
  P: 'Performed without Challenges',
  S: 'Performed with Some Challenges',
  M: 'Performed with Major Challenges',
  U: 'Unable to be Performed',
};

/** The consolidated rating of a set of ratings (see the module comment), or null for none. */
export function consolidate(ratings: readonly { by: string; rating: Rating }[]): Rating | null {
  const latest = new Map<string, Rating>();
  for (const r of ratings) latest.set(r.by, r.rating);
  if (latest.size === 0) return null;
  const count: Record<Rating, number> = { P: 0, S: 0, M: 0, U: 0 };
  for (const r of latest.values()) count[r]++;
  let best: Rating = 'P';
  for (const r of RATINGS) if (count[r] >= count[best]) best = r;
  return best;
}

const plain = (r: RatingRt) => ({ t: r.t, by: r.by, rating: r.rating, ...(r.note === undefined ? {} : { note: r.note }) });

function evidence(injects: readonly InjectResult[], capability: string, task: string): TaskAnalysis['evidence'] {
  const mine = injects.filter((i) => i.capability === capability && i.task === task);
  const rows = mine.flatMap((i) => i.teams);
  const grades = rows.map((r) => r.grade).filter((g): g is number => g !== null);
  return {
    injects: mine.length,
    deliveries: rows.length,
    answered: rows.filter((r) => r.answeredAt !== null).length,
    expectationsMet: rows.reduce((n, r) => n + r.expectations.filter((e) => e.met === true).length, 0),
    expectationsMissed: rows.reduce((n, r) => n + r.expectations.filter((e) => e.met === false).length, 0),
    meanGrade: grades.length > 0 ? round2(mean(grades) as number) : null,
  };
}

/** Each rated team's consolidated rating of a task, one vote per team (per-team ratings: team-ratings.ts). */
function teamLevel(state: ExerciseState, capability: string, task: string): { by: string; rating: Rating }[] {
  const out: { by: string; rating: Rating }[] = [];
  for (const b of state.scenario.blue) {
    const r = consolidate(state.ratings.filter((x) => x.team === b.id && x.capability === capability && x.task === task));
    if (r !== null) out.push({ by: b.id, rating: r });
  }
  return out;
}

/**
 * One analysis per scenario capability, in scenario order. Ratings given for the exercise as a whole
 * count first; a task rated per team only takes the consolidation of the teams' ratings.
 */
export function capabilityAnalysis(state: ExerciseState, injects: readonly InjectResult[], lang: string): CapabilityAnalysis[] {
  const exerciseWide = state.ratings.filter((r) => r.team === undefined);
  return state.scenario.capabilities.map((cap): CapabilityAnalysis => {
    const own = exerciseWide.filter((r) => r.capability === cap.id && r.task === undefined);
    const tasks = cap.tasks.map((task): TaskAnalysis => {
      const rs = exerciseWide.filter((r) => r.capability === cap.id && r.task === task.id);
      const rating = consolidate(rs) ?? consolidate(teamLevel(state, cap.id, task.id));
      return { id: task.id, name: pickText(task.name, lang), rating, ratings: rs.map(plain), evidence: evidence(injects, cap.id, task.id) };
    });
    const fromTasks = consolidate(tasks.filter((t) => t.rating !== null).map((t) => ({ by: t.id, rating: t.rating as Rating })));
    const rating = consolidate(own) ?? fromTasks;
    return {
      id: cap.id,
      name: pickText(cap.name, lang),
      objectives: state.scenario.objectives.filter((o) => o.capabilities.includes(cap.id)).map((o) => o.id),
      rating,
      ratingSource: own.length > 0 ? 'evaluators' : fromTasks !== null ? 'tasks' : null,
      ratings: own.map(plain),
      tasks,
    };
  });
}
