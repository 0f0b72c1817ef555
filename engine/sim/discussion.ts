/**
 * The situation manual in play: which moves have begun, which of a move's questions a team is asked,
 * and the teams' answers, graded by the white cell like inject answers (reporting score).
 */
import type { CMove, CQuestion } from '../compile/types.ts';
import { formatSimTime } from '../time/duration.ts';
import { type Ctx, team } from './ctx.ts';
import { countGrade } from './reporting.ts';
import type { AnswerRt, ExerciseState, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { own } from '../lib/own.ts';

/** Whether a move has begun: the exercise started and the clock reached the move's start. */
export const begun = (s: ExerciseState, m: CMove): boolean => s.startedAt !== null && m.start <= s.clock;

/** Whether a text addressed to `to` (null: every blue team) is for team `teamId`. */
export const isFor = (to: readonly string[] | null, teamId: string): boolean => to === null || to.includes(teamId);

/** The questions of a move that team `teamId` is asked. */
export const questionsFor = (m: CMove, teamId: string): CQuestion[] => m.questions.filter((q) => isFor(q.to, teamId));

/** A team's answer to a question, if given. */
export function answerOf(s: ExerciseState, move: string, question: string, teamId: string): AnswerRt | undefined {
  return s.answers.find((a) => a.move === move && a.question === question && a.team === teamId);
}

export function answerQuestion(ctx: Ctx, teamId: string, moveId: string, questionId: string, text: string): Refusal | void {
  const s = ctx.state;
  const m = s.scenario.moves.find((x) => x.id === moveId);
  // Same answer for a question that does not exist, is for other teams or belongs to a move not begun:
  // a team must not learn of questions it was not asked.
  const q = m && begun(s, m) ? questionsFor(m, teamId).find((x) => x.id === questionId) : undefined;
  if (!m || !q) return refuse('NOT_FOUND', `no question "${questionId}" of move "${moveId}" was put to your team`);
  const given = answerOf(s, moveId, questionId, teamId);
  if (given) return refuse('CONFLICT', `your team answered question "${questionId}" of move "${moveId}" at ${formatSimTime(given.t)}; a question takes one answer`);
  s.answers.push({ move: moveId, question: questionId, team: teamId, t: s.clock, text, grade: null, comment: null });
  ctx.emit('question.answered', `blue:${teamId}`, { move: moveId, question: questionId, team: teamId, text }, [team(teamId)]);
}

type Item = { kind: 'question'; move: string; question: string; team: string };

/** The white cell grades (or re-grades) a team's answer to a question; the event names who and the grade replaced. */
export function gradeAnswer(ctx: Ctx, by: string, item: Item, grade: number, comment: string | undefined): Refusal | void {
  const s = ctx.state;
  const a = answerOf(s, item.move, item.question, item.team);
  if (!a) return refuse('NOT_FOUND', `team "${item.team}" has not answered question "${item.question}" of move "${item.move}"`);
  const previous = a.grade;
  countGrade((own(s.teams, item.team) as TeamRt).score, previous, grade);
  a.grade = grade;
  a.comment = comment ?? null;
  ctx.emit('question.evaluated', 'white', { move: item.move, question: item.question, team: item.team, grade, comment: a.comment, by, previous }, [team(item.team)]);
}
