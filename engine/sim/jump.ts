/**
 * Jumps: the white cell moves the clock over time nobody plays (see play.ts): to a move, to a time,
 * or to the next inject. An `advance` is play and lives in lifecycle.ts.
 */
import { formatSimTime } from '../time/duration.ts';
import type { Ctx } from './ctx.ts';
import type { ExerciseState, QItem } from './state.ts';
import { advanceTo } from './clock.ts';
import { movesInOrder } from './moves.ts';
import { rebuild } from './queue.ts';
import { injectTeam } from './injects.ts';
import { type Refusal, refuse } from './refusal.ts';
import { touchInject } from './changes.ts';

const isDeadline = (item: QItem): boolean => item.k === 'expect' || item.k === 'cond';

/**
 * Moves every pending deadline (queue items and the open expectations' due times) by `delta` ms.
 * Queue items and open expectations are replaced, never changed: snapshots share them (replay/clone.ts).
 */
function shiftDeadlines(s: ExerciseState, delta: number): void {
  if (delta === 0) return;
  if (s.queue.some(isDeadline)) {
    s.queue = s.queue.map((item) => (isDeadline(item) ? { ...item, t: item.t + delta } : item));
    rebuild(s);
  }
  for (const t of Object.values(s.teams)) {
    if (t.expects.length === 0) continue;
    t.expects = t.expects.map((e) => ({ ...e, due: e.due + delta }));
    for (const e of t.expects) {
      const x = injectTeam(s, e.inject, t.id)?.expects[e.i];
      if (x && x.met === null) {
        touchInject(s, e.inject);
        x.due = e.due;
      }
    }
  }
}

/**
 * Jumps the clock to `to` over time nobody plays. With `stopAfter`, the jump may stop earlier (as
 * `advanceTo` does); the jumped interval and the deadlines' push then end there.
 */
export function skipTo(ctx: Ctx, to: number, stopAfter?: (item: QItem) => boolean): void {
  const s = ctx.state;
  const from = s.clock;
  if (to <= from) {
    advanceTo(ctx, from, Infinity, stopAfter);
    return;
  }
  const skip = { from, to };
  s.skips.push(skip);
  shiftDeadlines(s, to - from);
  ctx.skipEnd = to;
  try {
    advanceTo(ctx, to, Infinity, stopAfter);
  } finally {
    ctx.skipEnd = null;
  }
  const end = s.clock;
  if (end >= to) return;
  // Stopped early (the next inject came sooner, or the exercise ended): the jump ends here.
  shiftDeadlines(s, end - to);
  if (end > from) skip.to = end;
  else s.skips.pop();
}

/** Jumps to a time (any mode). */
export function jump(ctx: Ctx, to: number): Refusal | void {
  const now = ctx.state.clock;
  if (to <= now) return refuse('TIME_BACKWARDS', `the clock is at ${formatSimTime(now)}: jump to a later time`);
  skipTo(ctx, to);
}

/**
 * Jumps to the start of a move: the next one after the clock by default, from anywhere in the current
 * move. The clock never goes back: a move that has begun already cannot be jumped to.
 */
export function jumpToMove(ctx: Ctx, moveId: string | undefined): Refusal | void {
  const s = ctx.state;
  const moves = movesInOrder(s);
  if (moves.length === 0) return refuse('NOT_FOUND', 'the scenario has no moves: advance or jump the clock instead');
  const target = moveId === undefined ? moves.find((m) => m.start > s.clock) : moves.find((m) => m.id === moveId);
  if (!target) return refuse('NOT_FOUND', moveId === undefined ? 'the last move has begun: there is no next move' : `the scenario has no move "${moveId}"`);
  if (target.id === s.move) return refuse('CONFLICT', `move "${target.id}" is the current move already`);
  if (target.start <= s.clock)
    return refuse('TIME_BACKWARDS', `move "${target.id}" began at ${formatSimTime(target.start)} and the clock is at ${formatSimTime(s.clock)}: the clock does not go back; pick a later move`);
  skipTo(ctx, target.start);
}

/** Time of the next scheduled inject delivery, or null. */
export function nextInjectTime(s: ExerciseState): number | null {
  let best: number | null = null;
  for (const q of s.queue) if (q.k === 'deliver' && (best === null || q.t < best)) best = q.t;
  return best;
}

/**
 * Jumps to the next inject delivery: the earliest one scheduled now, or an earlier one whose
 * condition comes true on the way (the clock stops at the first delivery).
 */
export function jumpToNextInject(ctx: Ctx): Refusal | void {
  const t = nextInjectTime(ctx.state);
  if (t === null) return refuse('NOT_FOUND', 'no inject is scheduled (condition injects are scheduled once their condition holds)');
  const delivered = (item: QItem): boolean => item.k === 'deliver' && injectTeam(ctx.state, item.inject, item.team)?.deliveredAt === item.t;
  skipTo(ctx, Math.max(t, ctx.state.clock), delivered);
}
