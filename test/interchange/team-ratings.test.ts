/**
 * Per-team evaluation: evaluators rate P/S/M/U per blue team and critical task, every rating kept in
 * order with the one it replaced named in the log's event; grades of answers record who graded and the
 * grade replaced; graded items stay in the white view to be re-graded; criteria never reach a team.
 */
import { describe, expect, it } from 'vitest';
import { project, stateHash, step, type ScenarioT } from '../../engine/index.ts';
import { discussionResults, teamRatings } from '../../interchange/aar/team-ratings.ts';
import { capabilityAnalysis } from '../../interchange/aar/ratings.ts';
import { baseScenario, blue, must, started, WHITE } from '../engine/fixtures.ts';

const EVALUATOR = { role: 'evaluator' as const, name: 'Lead' };
const RUBRIC = 'SECRET-RUBRIC full marks when the duty officer is named';
const ANSWER = 'SECRET-ANSWER the duty officer, 24/7';

function withTasks(): ScenarioT {
  const sc = baseScenario();
  sc.capabilities = [{ id: 'iis', name: 'Information sharing', tasks: [{ id: 'iis-d', name: 'Disseminate', answer: ANSWER, rubric: RUBRIC }] }];
  sc.moves = [
    {
      id: 'm1',
      title: 'Move 1',
      start: '0',
      questions: [{ id: 'q1', text: 'Who do you call?', evaluation: { capability: 'iis', task: 'iis-d', rubric: RUBRIC, answer: ANSWER } }],
    },
  ];
  return sc;
}

const rate = (team: string | undefined, rating: 'P' | 'S' | 'M' | 'U', note?: string) => ({
  type: 'rate' as const,
  capability: 'iis',
  task: 'iis-d',
  ...(team ? { team } : {}),
  rating,
  ...(note ? { note } : {}),
  actor: EVALUATOR,
});

describe('per-team evaluation', () => {
  it('rates each team apart, keeps every rating in order and names the rating replaced', () => {
    const s = started(withTasks(), 7, 'tabletop');
    const first = must(s, rate('kw', 'M', 'slow'));
    expect(first).toEqual([expect.objectContaining({ type: 'rating', actor: 'evaluator:Lead', data: expect.objectContaining({ team: 'kw', rating: 'M', previous: null }) })]);
    must(s, rate('sa', 'P'));
    const second = must(s, rate('kw', 'S'));
    expect(second[0]!.data).toMatchObject({ team: 'kw', rating: 'S', previous: 'M' });
    must(s, rate(undefined, 'U'));
    const white = project(s, { role: 'white' });
    expect(white.ratings.map((r) => [r.team ?? '-', r.rating])).toEqual([
      ['kw', 'M'],
      ['sa', 'P'],
      ['kw', 'S'],
      ['-', 'U'],
    ]);
    for (const team of ['kw', 'sa']) expect(JSON.stringify(project(s, { role: 'blue', team }))).not.toMatch(/SECRET-|"rating"/);
  });

  it('refuses a team that is not a blue team of the exercise, changing nothing', () => {
    const s = started(withTasks(), 7, 'tabletop');
    const before = stateHash(s);
    expect(step(s, rate('red', 'P'))).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'no blue team "red" in the exercise' });
    expect(step(s, rate('zz', 'P'))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stateHash(s)).toBe(before);
  });

  it('grades record who graded and the grade replaced; graded answers stay re-gradable with their criteria', () => {
    const s = started(withTasks(), 7, 'tabletop');
    must(s, { type: 'answer-question', move: 'm1', question: 'q1', text: 'The duty officer', actor: blue('kw') });
    const item = { kind: 'question' as const, move: 'm1', question: 'q1', team: 'kw' };
    expect(must(s, { type: 'adjudicate', item, grade: 40, actor: WHITE })[0]!.data).toMatchObject({ by: 'white', previous: null, grade: 40 });
    expect(must(s, { type: 'adjudicate', item, grade: 80, actor: WHITE })[0]!.data).toMatchObject({ by: 'white', previous: 40, grade: 80 });
    const white = project(s, { role: 'white' });
    expect(white.adjudication.filter((x) => x.kind === 'question')).toEqual([]);
    expect(white.graded).toEqual([expect.objectContaining({ kind: 'question', team: 'kw', grade: 80, criteria: expect.objectContaining({ rubric: RUBRIC, answer: ANSWER, task: 'iis-d' }) })]);
    const kw = JSON.stringify(project(s, { role: 'blue', team: 'kw' }));
    expect(kw).toContain('The duty officer');
    expect(kw).not.toContain('SECRET-');
  });

  it("the AAR shows each team's ratings with their history and the teams' answers", () => {
    const s = started(withTasks(), 7, 'tabletop');
    must(s, { type: 'answer-question', move: 'm1', question: 'q1', text: 'We call the duty officer', actor: blue('kw') });
    must(s, { type: 'answer-question', move: 'm1', question: 'q1', text: 'نتصل بالضابط المناوب', actor: blue('sa') });
    must(s, rate('kw', 'M'));
    must(s, rate('kw', 'S', 'better after the call'));
    must(s, rate('sa', 'P'));
    const r = { teamRatings: teamRatings(s, 'en'), discussion: discussionResults(s, 'en'), capabilities: capabilityAnalysis(s, [], 'en') };
    expect(r.teamRatings.map((t) => [t.team, t.rows.map((x) => [x.task, x.rating, x.history.map((h) => `${h.previous ?? ''}>${h.rating}`).join(' ')])])).toEqual([
      ['kw', [['iis-d', 'S', '>M M>S']]],
      ['sa', [['iis-d', 'P', '>P']]],
    ]);
    expect(r.discussion).toEqual([
      expect.objectContaining({
        move: 'm1',
        question: 'q1',
        answers: [expect.objectContaining({ team: 'kw', text: 'We call the duty officer' }), expect.objectContaining({ team: 'sa', text: 'نتصل بالضابط المناوب' })],
      }),
    ]);
    const task = r.capabilities[0]!.tasks[0]!;
    expect(task.ratings).toEqual([]);
    expect(task.rating).toBe('S');
  });
});
