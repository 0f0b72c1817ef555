/**
 * The situation manual in each seat's view: a team reads the moves that have begun with the texts and
 * questions addressed to it and its own answers; the white cell and evaluators read every move with
 * every text, its recipients and every team's answers side by side.
 */
import type { CInject, CMove } from '../compile/types.ts';
import { answerOf, begun, isFor, questionsFor } from '../sim/discussion.ts';
import { movesInOrder } from '../sim/moves.ts';
import type { AnswerRt, ExerciseState, TeamRt } from '../sim/state.ts';
import { own } from '../lib/own.ts';
import { criteriaView } from './common.ts';
import type { AdjudicationItem, AnswerView, GradedItem, ManualMove, WhiteManualMove } from './types.ts';

const answerView = (a: AnswerRt): AnswerView => ({ team: a.team, t: a.t, text: a.text, grade: a.grade, comment: a.comment });

function ref(m: CMove): Pick<ManualMove, 'id' | 'title' | 'start' | 'module' | 'description'> {
  return {
    id: m.id,
    title: m.title,
    start: m.start,
    ...(m.module === undefined ? {} : { module: m.module }),
    ...(m.description === undefined ? {} : { description: m.description }),
  };
}

/** The scenario's injects of a move. */
const injectsOf = (s: ExerciseState, m: CMove): CInject[] => s.scenario.injects.filter((x) => x.move === m.id);

export function blueManual(s: ExerciseState, t: TeamRt): ManualMove[] {
  return movesInOrder(s)
    .filter((m) => begun(s, m))
    .map((m) => ({
      ...ref(m),
      situations: m.situations.filter((x) => isFor(x.to, t.id)).map((x) => x.text),
      questions: questionsFor(m, t.id).map((q) => {
        const a = answerOf(s, m.id, q.id, t.id);
        return { id: q.id, text: q.text, answer: a ? answerView(a) : null };
      }),
      injects: injectsOf(s, m)
        .map((x) => x.id)
        .filter((id) => t.inbox.includes(id)),
    }));
}

export function whiteManual(s: ExerciseState): WhiteManualMove[] {
  return movesInOrder(s).map((m) => ({
    ...ref(m),
    begun: begun(s, m),
    situations: m.situations.map((x) => ({ to: [...x.to], text: x.text })),
    questions: m.questions.map((q) => ({
      id: q.id,
      text: q.text,
      to: q.to === null ? null : [...q.to],
      criteria: criteriaView(q.evaluation),
      answers: s.answers.filter((a) => a.move === m.id && a.question === q.id).map(answerView),
    })),
    injects: injectsOf(s, m).map((x) => x.id),
  }));
}

function questionItem(s: ExerciseState, a: AnswerRt): AdjudicationItem & { kind: 'question' } {
  const q = s.scenario.moves.find((m) => m.id === a.move)?.questions.find((x) => x.id === a.question);
  return { kind: 'question', move: a.move, question: a.question, team: a.team, t: a.t, text: a.text, criteria: criteriaView(q?.evaluation) };
}

/** Answers waiting for the white cell's grade. */
export function ungradedAnswers(s: ExerciseState): AdjudicationItem[] {
  return s.answers.filter((a) => a.grade === null && own(s.teams, a.team) !== undefined).map((a) => questionItem(s, a));
}

/** Answers the white cell graded, with their grade. */
export function gradedAnswers(s: ExerciseState): GradedItem[] {
  return s.answers.filter((a) => a.grade !== null && own(s.teams, a.team) !== undefined).map((a) => ({ ...questionItem(s, a), grade: a.grade as number, comment: a.comment }));
}
