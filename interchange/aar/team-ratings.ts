/**
 * Per-team evaluation in the AAR/IP: each blue team's P/S/M/U rating per capability and critical task
 * (each evaluator's latest rating of that team counts once, consolidated as in ratings.ts), with the
 * history of every rating given; and the teams' answers to the moves' discussion questions, side by side.
 */
import type { ExerciseState, RatingRt } from '../../engine/index.ts';
import { pickText } from './exercise.ts';
import { consolidate } from './ratings.ts';
import type { DiscussionResult, TeamRatingResult } from './types.ts';

const rated = (r: RatingRt, team: string, capability: string, task: string | undefined): boolean => r.team === team && r.capability === capability && r.task === task;

/** One result per blue team that was rated at least once, in scenario order; rows for rated items only. */
export function teamRatings(state: ExerciseState, lang: string): TeamRatingResult[] {
  const sc = state.scenario;
  const out: TeamRatingResult[] = [];
  for (const b of sc.blue) {
    const mine = state.ratings.filter((r) => r.team === b.id);
    if (mine.length === 0) continue;
    const rows: TeamRatingResult['rows'] = [];
    for (const cap of sc.capabilities) {
      for (const task of [undefined, ...cap.tasks.map((t) => t.id)]) {
        const rs = mine.filter((r) => rated(r, b.id, cap.id, task));
        if (rs.length === 0) continue;
        const name = task === undefined ? pickText(cap.name, lang) : pickText(cap.tasks.find((t) => t.id === task)?.name, lang);
        let before: string | null = null;
        const history = rs.map((r) => {
          const h = { t: r.t, by: r.by, rating: r.rating, previous: before, ...(r.note === undefined ? {} : { note: r.note }) };
          before = r.rating;
          return h;
        });
        rows.push({ capability: cap.id, ...(task === undefined ? {} : { task }), name, rating: consolidate(rs), history });
      }
    }
    out.push({ team: b.id, rows });
  }
  return out;
}

/** Every discussion question answered at least once, in move order, with each team's answer and grade. */
export function discussionResults(state: ExerciseState, lang: string): DiscussionResult[] {
  const out: DiscussionResult[] = [];
  const moves = state.scenario.moves
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || a.i - b.i)
    .map((x) => x.m);
  for (const m of moves) {
    for (const q of m.questions) {
      const answers = state.answers
        .filter((a) => a.move === m.id && a.question === q.id)
        .map((a) => ({ team: a.team, t: a.t, text: a.text, grade: a.grade, ...(a.comment === null ? {} : { comment: a.comment }) }));
      if (answers.length > 0) out.push({ move: m.id, moveTitle: pickText(m.title, lang), question: q.id, text: pickText(q.text, lang), answers });
    }
  }
  return out;
}
