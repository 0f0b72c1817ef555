/** Clock helpers for drivers: the real-time driver sleeps until the next scheduled item. */
import type { ExerciseState } from './state.ts';
import { nextInjectTime } from './jump.ts';

/** Simulated time of the next scheduled item (red step, alert, action result, inject, score sample, end), or null. */
export function nextEventTime(state: ExerciseState): number | null {
  const top = state.queue[0];
  return top === undefined ? null : top.t;
}

/** Whether the exercise has ended (by command or because its duration was reached). */
export function isEnded(state: ExerciseState): boolean {
  return state.phase === 'ended';
}

export { nextInjectTime };
