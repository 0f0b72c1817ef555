/**
 * The situation manual in play: each team reads the moves that have begun with what is addressed to
 * it; answers to discussion questions are per team, in the log, graded like inject answers; the white
 * cell reads every answer side by side.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, eventsFor, project, stateHash, step, type ScenarioT } from '../../../engine/index.ts';
import { validateScenarioObject } from '../../../engine/scenario/index.ts';
import { advance, baseScenario, blue, MIN, must, started, WHITE } from '../fixtures.ts';

function withManual(): ScenarioT {
  const sc = baseScenario();
  sc.moves = [
    {
      id: 'm1',
      title: { en: 'Move 1', ar: 'النقلة 1' },
      start: '0',
      description: { en: 'All read this.', ar: 'يقرأ الجميع هذا.' },
      situations: [{ to: ['kw'], text: 'Only KW reads this.' }],
      questions: ['Who do you call?', { id: 'sa-only', to: ['sa'], text: 'Only SA is asked this.' }, { text: 'Third, for all' }],
    },
    { id: 'm2', title: 'Move 2', start: '2h', questions: ['Later question'] },
  ];
  return sc;
}

const answer = (move: string, question: string, text: string, team: string) => ({ type: 'answer-question' as const, move, question, text, actor: blue(team) });

describe('the situation manual', () => {
  it('compiles questions with ids by position or given, and their recipients', () => {
    const c = compileScenario(withManual());
    expect(c.moves[0]!.questions.map((q) => [q.id, q.to])).toEqual([
      ['q1', null],
      ['sa-only', ['sa']],
      ['q3', null],
    ]);
    expect(c.moves[0]!.situations).toEqual([{ to: ['kw'], text: 'Only KW reads this.' }]);
  });

  it('shows a team the moves that have begun, with only what is addressed to it', () => {
    const s = started(withManual(), 7, 'tabletop');
    const kw = project(s, { role: 'blue', team: 'kw' }).manual;
    const sa = project(s, { role: 'blue', team: 'sa' }).manual;
    expect(kw.map((m) => m.id)).toEqual(['m1']);
    expect(kw[0]).toMatchObject({ description: { en: 'All read this.' }, situations: ['Only KW reads this.'], questions: [{ id: 'q1' }, { id: 'q3' }] });
    expect(sa[0]).toMatchObject({ situations: [], questions: [{ id: 'q1' }, { id: 'sa-only' }, { id: 'q3' }] });
    expect(JSON.stringify(project(s, { role: 'blue', team: 'qa' }))).not.toContain('Later question');
    must(s, { type: 'move', actor: WHITE });
    expect(project(s, { role: 'blue', team: 'qa' }).manual.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('takes one answer per team and question, to the team alone; refuses what was not asked of it in the same words', () => {
    const s = started(withManual(), 7, 'tabletop');
    const events = must(s, answer('m1', 'q1', 'We call the duty officer.', 'kw'));
    expect(events).toEqual([expect.objectContaining({ type: 'question.answered', audience: ['team:kw'], data: { move: 'm1', question: 'q1', team: 'kw', text: 'We call the duty officer.' } })]);
    expect(eventsFor(events, { role: 'blue', team: 'sa' })).toEqual([]);
    const before = stateHash(s);
    expect(step(s, answer('m1', 'q1', 'Again', 'kw'))).toMatchObject({ ok: false, code: 'CONFLICT' });
    const notAsked = step(s, answer('m1', 'sa-only', 'x', 'kw'));
    const future = step(s, answer('m2', 'q1', 'x', 'kw'));
    const unknown = step(s, answer('m9', 'q1', 'x', 'kw'));
    for (const r of [notAsked, future, unknown]) expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(notAsked.ok || future.ok ? '' : [notAsked.message.replace('sa-only', 'Q'), future.message.replace('m2', 'M').replace('q1', 'Q')]).toEqual([
      'no question "Q" of move "m1" was put to your team',
      'no question "Q" of move "M" was put to your team',
    ]);
    expect(stateHash(s)).toBe(before);
    expect(project(s, { role: 'blue', team: 'kw' }).manual[0]!.questions[0]!.answer).toMatchObject({ team: 'kw', text: 'We call the duty officer.', grade: null });
  });

  it('answers are allowed while the clock is paused (the room discusses), not before the start or after the end', () => {
    const s = started(withManual(), 7, 'tabletop');
    must(s, { type: 'pause', actor: WHITE });
    must(s, answer('m1', 'q1', 'During the pause', 'sa'));
    must(s, { type: 'end', actor: WHITE });
    expect(step(s, answer('m1', 'q3', 'After the end', 'sa'))).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
  });

  it('the white cell reads the answers side by side, grades them like inject answers, and the grade counts in reporting', () => {
    const s = started(withManual(), 7, 'tabletop');
    must(s, answer('m1', 'q1', 'KW answer', 'kw'));
    must(s, answer('m1', 'q1', 'SA answer', 'sa'));
    advance(s, 10 * MIN);
    const white = project(s, { role: 'white' });
    expect(white.moves[0]!.questions[0]!.answers.map((a) => [a.team, a.text])).toEqual([
      ['kw', 'KW answer'],
      ['sa', 'SA answer'],
    ]);
    expect(white.moves[1]).toMatchObject({ id: 'm2', begun: false });
    expect(white.adjudication.filter((x) => x.kind === 'question').map((x) => x.team)).toEqual(['kw', 'sa']);
    const graded = must(s, { type: 'adjudicate', item: { kind: 'question', move: 'm1', question: 'q1', team: 'kw' }, grade: 40, comment: 'Thin', actor: WHITE });
    expect(graded).toEqual([expect.objectContaining({ type: 'question.evaluated', audience: ['team:kw'], data: expect.objectContaining({ grade: 40, comment: 'Thin' }) })]);
    must(s, { type: 'adjudicate', item: { kind: 'question', move: 'm1', question: 'q1', team: 'kw' }, grade: 60, actor: WHITE });
    expect(s.teams.kw!.score).toMatchObject({ graded: 1, gradeSum: 60 });
    advance(s, 15 * MIN);
    expect(s.teams.kw!.score.current.reporting).toBe(60);
    // A blue team reads it once the white cell releases the scores (sim/disclosure.ts).
    expect(project(s, { role: 'blue', team: 'kw' }).score.current.reporting).toBeNull();
    must(s, { type: 'release-scores', actor: WHITE });
    expect(project(s, { role: 'blue', team: 'kw' }).score.current.reporting).toBe(60);
    expect(
      project(s, { role: 'white' })
        .adjudication.filter((x) => x.kind === 'question')
        .map((x) => x.team),
    ).toEqual(['sa']);
    expect(step(s, { type: 'adjudicate', item: { kind: 'question', move: 'm1', question: 'q3', team: 'kw' }, grade: 50, actor: WHITE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('validates recipients and question ids', () => {
    const sc = withManual();
    sc.moves![0]!.questions!.push({ id: 'q1', text: 'Clash' }, { text: 'To red', to: ['red'] });
    sc.moves![0]!.situations!.push({ to: ['nobody'], text: 'x' });
    const r = validateScenarioObject(sc);
    const errors = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^moves\[0\]\.questions\[3\]\.id: question id "q1" is used twice in move "m1"/),
        expect.stringMatching(/^moves\[0\]\.questions\[4\]\.to\[0\]: .*must be a blue team/),
        expect.stringMatching(/^moves\[0\]\.situations\[1\]\.to\[0\]: no team "nobody"/),
      ]),
    );
  });
});
