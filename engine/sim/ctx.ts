/** The context of one command: the state, the events it produces, and its random draws. */
import type { Audience, EngineEvent } from './events.ts';
import type { ExerciseState } from './state.ts';
import { Draws } from './rng.ts';

export class Ctx {
  readonly events: EngineEvent[] = [];
  readonly draws: Draws;
  /** While a jump is in progress: where it ends (deadlines set during it run from there, see play.ts). */
  skipEnd: number | null = null;
  constructor(readonly state: ExerciseState) {
    this.draws = new Draws(state);
  }

  /** Appends an event at the current simulated time. An empty audience means white cell and evaluators only. */
  emit(type: string, actor: string, data: unknown, audience: Audience[]): void {
    const s = this.state;
    this.events.push({ seq: ++s.seq, t: s.clock, type, actor, data, audience });
  }
}

/** Audience of one blue team. */
export const team = (id: string): Audience => `team:${id}`;
export const WHITE: Audience[] = [];
export const RED: Audience[] = ['red'];
export const ALL: Audience[] = ['all'];
