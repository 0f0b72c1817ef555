/**
 * Play time: the simulated time in which the teams could act. An `advance` is play (the room lets time
 * pass, the teams act in it); a jump (a move, a jump to a time, a jump to the next inject) moves the
 * clock over time nobody played: the world runs through it (red steps, alerts, action results,
 * deliveries), but a team cannot answer or act in it, so nothing that measures how fast a team acted
 * counts it. Deadlines (expected actions, `notAnswered` / `notAcknowledged` within), response times and
 * the needless-isolation penalty are counted in play; availability and detection, which measure the
 * attack and the sensors, in simulated time. `state.skips` records every jumped interval.
 *
 * A jump pushes every open deadline back by the time jumped, so a deadline with 20 minutes of play
 * left before the jump has 20 minutes left after it; a deadline set during the jump (an inject
 * delivered in jumped time) runs from the jump's end.
 */
import type { Ctx } from './ctx.ts';
import type { ExerciseState } from './state.ts';

/** Milliseconds of play between simulated times `a` and `b` (a <= b): the span minus the jumped time in it. */
export function played(s: ExerciseState, a: number, b: number): number {
  let out = b - a;
  for (const k of s.skips) {
    const lo = Math.max(a, k.from);
    const hi = Math.min(b, k.to);
    if (hi > lo) out -= hi - lo;
  }
  return out;
}

/** The simulated time at which a deadline `within` ms of play from now falls (the end of a jump in progress, if any, plus `within`). */
export function deadlineAt(ctx: Ctx, within: number): number {
  return (ctx.skipEnd ?? ctx.state.clock) + within;
}
