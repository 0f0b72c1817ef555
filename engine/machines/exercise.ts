/**
 * The exercise lifecycle: planned, running, paused, ended. Besides the lifecycle events, each command
 * class is an event the phase must accept, so that "which commands are allowed when" is the machine's
 * to say; its transitions are the plain table of phases.ts (which the web client reads too), where
 * the classes and the reasons for them are written down.
 */
import { createMachine } from 'xstate';
import { driver } from './drive.ts';
import { EXERCISE_PHASES, PHASE_TRANSITIONS, type ExercisePhase } from './phases.ts';

export const exerciseMachine = createMachine({
  id: 'exercise',
  initial: 'planned',
  states: Object.fromEntries(EXERCISE_PHASES.map((phase) => [phase, { ...(phase === 'ended' ? { type: 'final' as const } : {}), on: { ...PHASE_TRANSITIONS[phase] } }])),
});

export type { ExercisePhase };
export const exerciseNext = driver<ExercisePhase>(exerciseMachine);
