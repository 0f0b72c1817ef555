/** The MSEL: injects delivered at a time or on a condition, with expected actions and what they evaluate. */
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
  z.strictObject({
    stepSucceeded: Id.optional().meta({ description: 'A red step succeeded (on any target).' }),
    stepDetected: Id.optional().meta({ description: 'The recipient team was alerted to this red step.' }),
    notAnswered: z.strictObject({ inject: Id, within: Duration }).optional()
      .meta({ description: 'The recipient has not answered this inject within this long of its delivery.' }),
    notAcknowledged: z.strictObject({ inject: Id, within: Duration }).optional(),
    scoreBelow: z.number().min(0).max(100).optional().meta({ description: 'The recipient\'s composite score fell under this.' }),
    nodeState: z.strictObject({ node: Id, state: z.enum(NODE_STATES) }).optional()
      .meta({ description: 'A node\'s true state reached at least this.' }),
    all: z.array(Condition).min(1).optional(),
    any: z.array(Condition).min(1).optional(),
  }).refine((c) => Object.keys(c).length === 1, 'give exactly one condition (combine several with all or any)'),
);

export const ExpectedAction = z.strictObject({
  action: z.union([z.enum(ACTION_KINDS), z.literal('acknowledge')]),
  within: Duration.meta({ description: 'Deadline after delivery.' }),
  description: LocalText.optional(),
});

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
  expects: z.array(ExpectedAction).optional(),
  evaluates: z.strictObject({ capability: Id, task: Id.optional() }).optional(),
  questions: z.array(LocalText).optional().meta({ description: 'Discussion questions (tabletop).' }),
  move: Id.optional().meta({ description: 'Tabletop move this inject belongs to.' }),
});

export type InjectT = z.infer<typeof Inject>;
