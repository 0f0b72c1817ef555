/**
 * The MSEL: injects delivered at a time or on a condition. What the recipients read (title, content,
 * questions, asks) is apart from how the white cell and evaluators judge the response (`evaluation`:
 * expected actions with their grading deadlines, the expected answer, the rubric, the capability and
 * critical task): players never see `evaluation`, in any view or event.
 */
import { z } from 'zod';
import { Duration, Id, LocalText, Tlp } from './common.ts';
import { ACTION_KINDS, CHANNELS, NODE_STATES } from '../vocabulary.ts';

export interface ConditionT {
  stepSucceeded?: string;
  stepDetected?: string;
  notAnswered?: { inject: string; within: string };
  notAcknowledged?: { inject: string; within: string };
  scoreBelow?: number;
  nodeState?: { node: string; state: (typeof NODE_STATES)[number] };
  all?: ConditionT[];
  any?: ConditionT[];
}

/**
 * A trigger condition, evaluated per recipient team: `stepDetected`, `notAnswered`, `notAcknowledged`
 * and `scoreBelow` speak of the recipient; `stepSucceeded` and `nodeState` of the exercise.
 */
export const Condition: z.ZodType<ConditionT> = z.lazy(() =>
  z
    .strictObject({
      stepSucceeded: Id.optional().meta({ description: 'A red step succeeded (on any target).' }),
      stepDetected: Id.optional().meta({ description: 'The recipient team was alerted to this red step.' }),
      notAnswered: z.strictObject({ inject: Id, within: Duration }).optional().meta({ description: 'The recipient has not answered this inject within this long of its delivery.' }),
      notAcknowledged: z.strictObject({ inject: Id, within: Duration }).optional(),
      scoreBelow: z.number().min(0).max(100).optional().meta({ description: "The recipient's composite score fell under this." }),
      nodeState: z
        .strictObject({ node: Id, state: z.enum(NODE_STATES) })
        .optional()
        .meta({ description: "A node's true state reached at least this." }),
      all: z.array(Condition).min(1).optional(),
      any: z.array(Condition).min(1).optional(),
    })
    .refine((c) => Object.keys(c).length === 1, 'give exactly one condition (combine several with all or any)'),
);

export const ExpectedAction = z.strictObject({
  action: z.union([z.enum(ACTION_KINDS), z.literal('acknowledge')]),
  within: Duration.meta({ description: 'Grading deadline after delivery: met when the team takes this kind of action in time.' }),
  description: LocalText.optional().meta({ description: 'What evaluators look for (evaluators only).' }),
});

/** How evaluators judge a response: an item of an inject, or a critical task. Never shown to players. */
export const Criteria = {
  answer: LocalText.optional().meta({ description: 'The expected answer or performance (white cell and evaluators only).' }),
  rubric: LocalText.optional().meta({ description: 'How to grade the response (white cell and evaluators only).' }),
};

export const InjectEvaluation = z
  .strictObject({
    capability: Id.optional().meta({ description: 'HSEEP capability the response evaluates.' }),
    task: Id.optional().meta({ description: 'Critical task of that capability.' }),
    expects: z.array(ExpectedAction).optional().meta({ description: 'Expected actions, met or missed by their deadlines (reporting score).' }),
    ...Criteria,
  })
  .meta({ description: 'How the white cell and evaluators judge the response to this inject; never shown to players.' });

export const Inject = z.strictObject({
  id: Id,
  title: LocalText,
  at: Duration.optional().meta({ description: 'Delivery time from T+0 (for condition injects: not before this).' }),
  when: Condition.optional(),
  delay: Duration.optional().meta({ description: 'Delay after the condition becomes true.' }),
  to: z.union([z.literal('all-blue'), z.array(Id).min(1)]).meta({ description: 'Recipient blue teams, or all-blue.' }),
  channel: z.enum(CHANNELS),
  from: z.strictObject({ name: LocalText, role: LocalText.optional(), organisation: LocalText.optional() }),
  tlp: Tlp.optional(),
  priority: z.enum(['routine', 'priority', 'immediate', 'flash']).optional(),
  type: z.enum(['inject', 'contingency', 'expected-action']).optional().meta({ description: 'HSEEP event type (default inject).' }),
  content: LocalText.meta({ description: 'Markdown the recipients read.' }),
  questions: z.array(LocalText).optional().meta({ description: 'Discussion questions (tabletop); the recipients read them.' }),
  asks: z.array(LocalText).optional().meta({ description: 'What the recipients are asked to do, as they read it (no grading deadline).' }),
  evaluation: InjectEvaluation.optional(),
  move: Id.optional().meta({ description: 'Tabletop move this inject belongs to.' }),
});

export type InjectT = z.infer<typeof Inject>;
export type InjectEvaluationT = z.infer<typeof InjectEvaluation>;
