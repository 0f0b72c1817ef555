/**
 * The event log. Every change the engine makes is an event; an event's `data` is entirely visible to
 * its audience (facts a blue team may not know go into a separate event with a narrower audience,
 * never into a field to be stripped later). White cell and evaluators see every event.
 */

/** `all`: every seat; `red`: the red cell; `team:<id>`: one blue team. White and evaluators see all. */
export type Audience = 'all' | 'red' | `team:${string}`;

export interface EngineEvent<T extends string = string, D = unknown> {
  /** 1-based position in the exercise's event log. */
  seq: number;
  /** Simulated time (ms from T+0) at which the change happened. */
  t: number;
  type: T;
  /** Who caused it: a role, `blue:<team>`, or `engine`. */
  actor: string;
  data: D;
  /** Empty means white cell and evaluators only. */
  audience: Audience[];
}

/** Outcome of a command: accepted with the events it produced, or refused with a code (state unchanged). */
export type StepResult<S> = { ok: true; state: S; events: EngineEvent[] } | { ok: false; state: S; code: EngineErrorCode; message: string };

export const ENGINE_ERRORS = {
  BAD_COMMAND: 'BAD_COMMAND',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  WRONG_PHASE: 'WRONG_PHASE',
  TIME_BACKWARDS: 'TIME_BACKWARDS',
  CONFLICT: 'CONFLICT',
} as const;
export type EngineErrorCode = (typeof ENGINE_ERRORS)[keyof typeof ENGINE_ERRORS];

/** True when a seat of the given kind may see an event with this audience. */
export function audienceAllows(audience: readonly Audience[], seat: { role: string; team?: string }): boolean {
  if (seat.role === 'white' || seat.role === 'evaluator') return true;
  for (const a of audience) {
    if (a === 'all') return true;
    if (a === 'red' && seat.role === 'red') return true;
    if (seat.role === 'blue' && a === `team:${seat.team}`) return true;
  }
  return false;
}
