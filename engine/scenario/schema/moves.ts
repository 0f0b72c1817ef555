/**
 * The situation manual of a tabletop: moves, each with the situation the teams read at its start and
 * the questions they discuss and answer. Texts may be addressed to some blue teams only (`to`): a team
 * reads only what is addressed to it. A question's `evaluation` (expected answer, rubric, capability and
 * critical task) is the white cell's and the evaluators' alone, as an inject's is.
 */
import { z } from 'zod';
import { Duration, Id, LocalText } from './common.ts';
import { Criteria } from './injects.ts';

const Recipients = z.array(Id).min(1).meta({ description: 'Blue teams this is for (default: every blue team).' });

/** How the white cell and evaluators judge the answers to a question; never shown to players. */
export const QuestionEvaluation = z
  .strictObject({
    capability: Id.optional().meta({ description: 'HSEEP capability the answers evaluate.' }),
    task: Id.optional().meta({ description: 'Critical task of that capability.' }),
    ...Criteria,
  })
  .meta({ description: 'How the white cell and evaluators judge the answers to this question; never shown to players.' });

/** A discussion question: its text alone (for every team), or with an id, its recipients and its evaluation. */
export const Question = z
  .union([
    z.strictObject({
      id: Id.optional().meta({ description: 'Stable id the answers refer to (default: q1, q2, ... by position in the move).' }),
      text: LocalText,
      to: Recipients.optional(),
      evaluation: QuestionEvaluation.optional(),
    }),
    LocalText,
  ])
  .meta({ description: 'A discussion question the teams answer: a text for every team, or { id?, text, to? }.' });

export const Situation = z.strictObject({
  to: Recipients,
  text: LocalText.meta({ description: "Markdown only these teams read, after the move's description." }),
});

export const Move = z.strictObject({
  id: Id,
  title: LocalText,
  start: Duration.meta({ description: 'Simulated time at which the move begins.' }),
  module: z.enum(['intelligence-sharing', 'response', 'continuity-recovery', 'hot-wash', 'other']).optional(),
  description: LocalText.optional().meta({ description: "The situation every team reads at the move's start (Markdown)." }),
  situations: z.array(Situation).optional().meta({ description: 'Situation texts for some teams only, read after the description.' }),
  questions: z.array(Question).optional(),
});

export type MoveT = z.infer<typeof Move>;
export type QuestionT = z.infer<typeof Question>;
