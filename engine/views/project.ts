/** project and eventsFor: what a seat may see of the state and of the event log. */
import { audienceAllows, type EngineEvent } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import { blueView } from './blue.ts';
import { redView } from './red.ts';
import { presentationView } from './presentation.ts';
import type { BlueView, EvaluatorView, PresentationView, RedView, Seat, View, WhiteView } from './types.ts';
import { evaluatorView, whiteView } from './white.ts';

/**
 * The view of one seat, computed from the state (pure, O(size of what the seat sees)). A blue seat's
 * view holds no ground truth, no red plan and no other team's private data.
 */
export function project(state: ExerciseState, seat: { role: 'blue'; team: string }): BlueView;
export function project(state: ExerciseState, seat: { role: 'white' }): WhiteView;
export function project(state: ExerciseState, seat: { role: 'red' }): RedView;
export function project(state: ExerciseState, seat: { role: 'evaluator' }): EvaluatorView;
export function project(state: ExerciseState, seat: { role: 'presentation' }): PresentationView;
export function project(state: ExerciseState, seat: Seat): View;
export function project(state: ExerciseState, seat: Seat): View {
  switch (seat.role) {
    case 'white':
      return whiteView(state);
    case 'evaluator':
      return evaluatorView(state);
    case 'red':
      return redView(state);
    case 'presentation':
      return presentationView(state);
    case 'blue':
      return blueView(state, seat.team);
  }
}

/** The events a seat may see (white cell and evaluators see all). */
export function eventsFor(events: readonly EngineEvent[], seat: Seat): EngineEvent[] {
  if (seat.role === 'white' || seat.role === 'evaluator') return [...events];
  return events.filter((e) => audienceAllows(e.audience, seat));
}
