/**
 * An inject as one recipient team lives it: scheduled (waiting for its time or condition), delivered,
 * acknowledged, answered, evaluated (the white cell graded the answer). Answering without an explicit
 * acknowledgement is allowed: an answer acknowledges.
 */
import { createMachine } from 'xstate';
import { driver } from './drive.ts';

export const injectMachine = createMachine({
  id: 'inject',
  initial: 'scheduled',
  states: {
    scheduled: { on: { DELIVER: 'delivered' } },
    delivered: { on: { ACK: 'acknowledged', ANSWER: 'answered' } },
    acknowledged: { on: { ANSWER: 'answered' } },
    answered: { on: { EVALUATE: 'evaluated' } },
    evaluated: { on: { EVALUATE: 'evaluated' } },
  },
});

export type InjectStatus = 'scheduled' | 'delivered' | 'acknowledged' | 'answered' | 'evaluated';
export const injectNext = driver<InjectStatus>(injectMachine);
