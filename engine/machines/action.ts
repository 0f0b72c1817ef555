/** A blue action: requested, in progress for its duration, then done or failed; cancellable until then. */
import { createMachine } from 'xstate';
import { driver } from './drive.ts';

export const actionMachine = createMachine({
  id: 'action',
  initial: 'requested',
  states: {
    requested: { on: { START: 'inProgress', CANCEL: 'cancelled' } },
    inProgress: { on: { SUCCEED: 'done', FAIL: 'failed', CANCEL: 'cancelled' } },
    done: { type: 'final' },
    failed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type ActionStatus = 'requested' | 'inProgress' | 'done' | 'failed' | 'cancelled';
export const actionNext = driver<ActionStatus>(actionMachine);
