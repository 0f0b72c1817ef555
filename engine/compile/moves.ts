/** The situation manual compiled: moves with start times in ms, questions with their ids and recipients. */
import { durationMs } from '../time/duration.ts';
import type { MoveT, QuestionT } from '../scenario/schema/index.ts';
import type { CMove, CQuestion } from './types.ts';

/** A question's default id: its position in the move, from 1. */
export const defaultQuestionId = (i: number): string => `q${i + 1}`;

/** A question object has `text`, which is no language code, so a per-language text never looks like one. */
const isQuestionObject = (q: QuestionT): q is Extract<QuestionT, { text: unknown }> => typeof q === 'object' && Object.hasOwn(q, 'text');

function compileQuestion(q: QuestionT, i: number, path: string, needBlue: (id: string, path: string) => void): CQuestion {
  if (!isQuestionObject(q)) return { id: defaultQuestionId(i), text: q, to: null, evaluation: {} };
  q.to?.forEach((t, j) => needBlue(t, `${path}.to[${j}]`));
  return { id: q.id ?? defaultQuestionId(i), text: q.text, to: q.to ? [...q.to] : null, evaluation: { ...q.evaluation } };
}

export function compileMoves(moves: readonly MoveT[], needBlue: (id: string, path: string) => void): CMove[] {
  return moves.map((m, k) => {
    const path = `moves[${k}]`;
    const situations = (m.situations ?? []).map((x, i) => {
      x.to.forEach((t, j) => needBlue(t, `${path}.situations[${i}].to[${j}]`));
      return { to: [...x.to], text: x.text };
    });
    const move: CMove = {
      id: m.id,
      title: m.title,
      start: durationMs(m.start),
      situations,
      questions: (m.questions ?? []).map((q, i) => compileQuestion(q, i, `${path}.questions[${i}]`, needBlue)),
    };
    if (m.module !== undefined) move.module = m.module;
    if (m.description !== undefined) move.description = m.description;
    return move;
  });
}
