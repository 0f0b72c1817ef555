/**
 * The exercise lifecycle: planned, running, paused, ended. Besides the lifecycle events, each command
 * class is an event the phase must accept, so that "which commands are allowed when" lives here:
 * TICK (advance, move, jump: running only), ACT (team and red cell commands: running only), ADMIN
 * (speed: any phase before the end), ADHOC (ad-hoc injects: running or paused), REVIEW (adjudication and
 * ratings: once started, including after the end).
 */
import { createMachine } from 'xstate';
import { driver } from './drive.ts';

export const exerciseMachine = createMachine({
  id: 'exercise',
  initial: 'planned',
  states: {
    planned: { on: { START: 'running', END: 'ended', ADMIN: 'planned' } },
    running: {
      on: { PAUSE: 'paused', END: 'ended', TICK: 'running', ACT: 'running', ADMIN: 'running', ADHOC: 'running', REVIEW: 'running' },
    },
    paused: { on: { RESUME: 'running', END: 'ended', ADMIN: 'paused', ADHOC: 'paused', REVIEW: 'paused' } },
    ended: { type: 'final', on: { REVIEW: 'ended' } },
  },
});

export type ExercisePhase = 'planned' | 'running' | 'paused' | 'ended';
export const exerciseNext = driver<ExercisePhase>(exerciseMachine);
