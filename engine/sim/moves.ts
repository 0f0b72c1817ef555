/**
 * Moves in the simulated timeline: each move of the scenario is an item of the event queue at its
 * start, so the current move is always the last one whose start the clock has reached, however the
 * clock got there (an advance inside a move, an advance past the next move's start, a jump to a move).
 */
import type { CMove } from '../compile/types.ts';
import { ALL, type Ctx } from './ctx.ts';
import { schedule } from './queue.ts';
import type { ExerciseState } from './state.ts';

/** Schedules every move's start (at the exercise's start, before anything else, so a move begins before what is due at its start). */
export function scheduleMoves(s: ExerciseState): void {
  s.scenario.moves.forEach((m, i) => schedule(s, Math.max(s.clock, m.start), { k: 'move', i }));
}

/** The clock reached a move's start: it becomes the current move. */
export function enterMove(ctx: Ctx, i: number): void {
  const s = ctx.state;
  const m = s.scenario.moves[i] as CMove;
  s.move = m.id;
  ctx.emit('exercise.move', 'engine', { move: m.id, title: m.title, start: m.start }, ALL);
}

/** The moves in the order they begin (the scenario's order among moves that begin together). */
export function movesInOrder(s: ExerciseState): CMove[] {
  return s.scenario.moves
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || a.i - b.i)
    .map((x) => x.m);
}
