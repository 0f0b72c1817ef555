/** Per-team evaluation in the evaluator's console, pure parts, against real engine views of gulf-shield. */
import { describe, expect, it } from 'vitest';
import { latestRating, ratingHistory, taskEvidence } from '../../client/features/evaluator/ratings.ts';
import { advance, apply, HOUR, startExercise, views } from './engine-views.ts';

const EVALUATOR = { role: 'evaluator' as const, name: 'Lead' };

describe('per-team ratings', () => {
  const s = startExercise();
  advance(s, 2 * HOUR);
  apply(s, { type: 'answer-inject', inject: 'i01-startex', text: 'Crisis cell activated at 08:10', actor: { role: 'blue', team: 'xs' } });
  for (const [team, rating] of [
    ['xs', 'M'],
    ['xr', 'P'],
    ['xs', 'S'],
  ] as const) {
    apply(s, { type: 'rate', capability: 'op-coordination', task: 'opco-activate', team, rating, actor: EVALUATOR });
  }
  apply(s, { type: 'rate', capability: 'op-coordination', task: 'opco-activate', rating: 'U', actor: EVALUATOR });
  const view = views.evaluator(s);

  it('reads the latest rating of a team, apart from other teams and the exercise-wide one', () => {
    expect(latestRating(view.ratings, 'op-coordination', 'opco-activate', 'xs')?.rating).toBe('S');
    expect(latestRating(view.ratings, 'op-coordination', 'opco-activate', 'xr')?.rating).toBe('P');
    expect(latestRating(view.ratings, 'op-coordination', 'opco-activate')?.rating).toBe('U');
    expect(latestRating(view.ratings, 'op-coordination', 'opco-activate', 'xn')).toBeUndefined();
  });

  it("lists a team's history with the rating each one replaced", () => {
    expect(ratingHistory(view.ratings, 'xs').map((r) => [r.previous, r.rating, r.by])).toEqual([
      [null, 'M', 'evaluator:Lead'],
      ['M', 'S', 'evaluator:Lead'],
    ]);
    expect(ratingHistory(view.ratings).map((r) => r.rating)).toEqual(['U']);
  });

  it("gathers the injects that evaluate a task with the team's answer beside their criteria", () => {
    const ev = taskEvidence(view, 'xs', 'op-coordination', 'opco-activate');
    expect(ev.map((e) => e.id)).toEqual(['i01-startex', 'i02-startex-ack']);
    expect(ev[0]).toMatchObject({ kind: 'inject', answer: 'Crisis cell activated at 08:10', criteria: { capability: 'op-coordination', task: 'opco-activate' } });
    expect(taskEvidence(view, 'xr', 'op-coordination', 'opco-activate')[0]?.answer).toBeNull();
  });
});
