/**
 * A red step: pending until its timing and preconditions are met; in a manual campaign it then waits
 * (ready) for the red cell to launch it; running until its outcome; succeeded or failed (a failed step
 * with retries left goes back to pending). The red cell may hold a pending or ready step and launch or
 * abort it later; a step whose preconditions can no longer be met is aborted by the engine.
 */
import { createMachine } from 'xstate';
import { driver } from './drive.ts';

export const redStepMachine = createMachine({
  id: 'redStep',
  initial: 'pending',
  states: {
    pending: { on: { READY: 'ready', RUN: 'running', HOLD: 'held', ABORT: 'aborted' } },
    ready: { on: { LAUNCH: 'running', HOLD: 'held', ABORT: 'aborted' } },
    held: { on: { LAUNCH: 'running', ABORT: 'aborted' } },
    running: { on: { SUCCEED: 'succeeded', FAIL: 'failed' } },
    succeeded: { type: 'final' },
    failed: { on: { RETRY: 'pending' } },
    aborted: { type: 'final' },
  },
});

export type RedStepStatus = 'pending' | 'ready' | 'held' | 'running' | 'succeeded' | 'failed' | 'aborted';
export const redStepNext = driver<RedStepStatus>(redStepMachine);
