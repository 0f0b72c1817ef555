/**
 * Per-team evaluation, pure: the latest HSEEP rating (P, S, M, U) of an item, the history of the
 * ratings given (each with the rating it replaced), and the evidence for a critical task of one team:
 * the injects delivered and discussion questions put to it that the scenario's evaluation ties to it, with their expected
 * answer and rubric and what the team answered.
 */
import type { CriteriaView, EvaluatorView, InjectStatus, LocalTextT } from '../../../engine/types.ts';

type RatingV = EvaluatorView['ratings'][number];

/** The latest rating of a capability (task undefined) or one of its tasks, for a team (undefined: the exercise as a whole). */
export function latestRating(ratings: readonly RatingV[], capability: string, task?: string, team?: string): RatingV | undefined {
  let found: RatingV | undefined;
  for (const r of ratings) if (r.capability === capability && r.task === task && r.team === team && (!found || r.t >= found.t)) found = r;
  return found;
}

export interface RatingChange extends RatingV {
  previous: RatingV['rating'] | null;
}

/** Every rating given to a team (undefined: exercise-wide), in the order given, each with the rating of the same item it replaced. */
export function ratingHistory(ratings: readonly RatingV[], team?: string): RatingChange[] {
  const last = new Map<string, RatingV['rating']>();
  const out: RatingChange[] = [];
  for (const r of ratings) {
    if (r.team !== team) continue;
    const key = `${r.capability}\u0000${r.task ?? ''}`;
    out.push({ ...r, previous: last.get(key) ?? null });
    last.set(key, r.rating);
  }
  return out;
}

export interface Evidence {
  kind: 'inject' | 'question';
  /** Inject id, or `move/question`. */
  id: string;
  title: LocalTextT;
  criteria: CriteriaView;
  /** What the team answered (null: nothing yet); status of an inject for the team. */
  answer: string | null;
  status: InjectStatus | 'answered' | 'not-answered' | null;
  grade: number | null;
}

const ties = (c: CriteriaView, capability: string, task: string): boolean => c.capability === capability && c.task === task;

/** The injects delivered to `team` and the questions put to it that evaluate `capability`/`task`, with the team's answers. */
export function taskEvidence(view: EvaluatorView, team: string, capability: string, task: string): Evidence[] {
  const answers = new Map<string, { text: string; grade: number | null }>();
  for (const it of view.adjudication) if (it.kind === 'answer' && it.team === team) answers.set(it.inject, { text: it.text, grade: null });
  for (const it of view.graded) if (it.kind === 'answer' && it.team === team) answers.set(it.inject, { text: it.text, grade: it.grade });
  const out: Evidence[] = [];
  for (const row of view.msel) {
    const tr = row.teams[team];
    if (!tr || tr.status === 'scheduled' || !ties(row.criteria, capability, task)) continue;
    const a = answers.get(row.inject);
    out.push({ kind: 'inject', id: row.inject, title: row.title, criteria: row.criteria, answer: a?.text ?? null, status: tr.status, grade: tr.grade });
  }
  for (const m of view.moves) {
    for (const q of m.questions) {
      if (!ties(q.criteria, capability, task) || (q.to !== null && !q.to.includes(team))) continue;
      const a = q.answers.find((x) => x.team === team);
      out.push({ kind: 'question', id: `${m.id}/${q.id}`, title: q.text, criteria: q.criteria, answer: a?.text ?? null, status: a ? 'answered' : 'not-answered', grade: a?.grade ?? null });
    }
  }
  return out;
}
