/** White-cell clock and lifecycle commands: start, pause, resume, end, advance, speed, move, jump-to-next-inject. */
import { exerciseNext } from '../machines/index.ts';
import { ALL, type Ctx } from './ctx.ts';
import { schedule } from './queue.ts';
import type { ExerciseState, InjectRt, QItem } from './state.ts';
import { injectTeam } from './injects.ts';
import { advanceTo, endExercise, sampleScores } from './clock.ts';
import { considerStep } from './red.ts';
import { scheduleFalsePositive } from './detection.ts';
import { evaluateInject } from './conditions.ts';
import { type Refusal, refuse } from './refusal.ts';
import { own } from '../lib/own.ts';

export function start(ctx: Ctx): void {
  const s = ctx.state;
  s.phase = exerciseNext(s.phase, 'START') ?? s.phase;
  s.startedAt = s.clock;
  for (const t of Object.values(s.teams)) t.score.last = s.clock;
  ctx.emit('exercise.started', 'white', { t: s.clock, mode: s.mode, speed: s.speed }, ALL);
  schedule(s, Math.max(s.clock, s.scenario.meta.duration), { k: 'end' });
  sampleScores(ctx, false);
  schedule(s, s.clock + s.scenario.scoring.sampleEvery, { k: 'sample' });
  for (const sensor of s.scenario.sensors) scheduleFalsePositive(ctx, sensor);
  for (let i = 0; i < s.scenario.steps.length; i++) considerStep(ctx, i);
  for (const inj of s.scenario.injects) {
    const rt = own(s.injects, inj.id) as InjectRt;
    for (const t of inj.to) {
      const tr = own(rt.teams, t);
      if (!tr) continue;
      if (inj.when) {
        evaluateInject(ctx, inj, t);
      } else {
        tr.triggered = true;
        tr.due = Math.max(s.clock, inj.at ?? 0);
        schedule(s, tr.due, { k: 'deliver', inject: inj.id, team: t });
      }
    }
  }
  // Whatever is due at the start happens now: after any accepted command nothing is due at or before the clock.
  advanceTo(ctx, s.clock);
}

/**
 * The white cell pauses and resumes; so may the system (the server pausing an exercise it recovered
 * after a restart), and the event names which one did.
 */
export function pause(ctx: Ctx, by: 'white' | 'system'): void {
  ctx.state.phase = exerciseNext(ctx.state.phase, 'PAUSE') ?? ctx.state.phase;
  ctx.emit('exercise.paused', by, { t: ctx.state.clock }, ALL);
}

export function resume(ctx: Ctx, by: 'white' | 'system'): void {
  ctx.state.phase = exerciseNext(ctx.state.phase, 'RESUME') ?? ctx.state.phase;
  ctx.emit('exercise.resumed', by, { t: ctx.state.clock }, ALL);
}

export function end(ctx: Ctx): void {
  if (ctx.state.phase === 'planned') {
    ctx.state.phase = 'ended';
    ctx.state.endedAt = ctx.state.clock;
    ctx.emit('exercise.ended', 'white', { reason: 'white', t: ctx.state.clock }, ALL);
    return;
  }
  endExercise(ctx, 'white');
}

export function advance(ctx: Ctx, to: number): Refusal | void {
  if (to < ctx.state.clock) return refuse('TIME_BACKWARDS', `the clock is at ${ctx.state.clock} ms; advance to a later time`);
  advanceTo(ctx, to);
}

export function setSpeed(ctx: Ctx, speed: number): void {
  ctx.state.speed = speed;
  ctx.emit('exercise.speed', 'white', { speed }, ALL);
}

/** Tabletop: advance to the start of a move (the next one by default) and make it current. */
export function move(ctx: Ctx, moveId: string | undefined): Refusal | void {
  const s = ctx.state;
  if (s.mode !== 'tabletop') return refuse('WRONG_PHASE', 'moves drive tabletop exercises; this one runs in ' + s.mode + ' mode: use advance');
  const moves = [...s.scenario.moves].sort((a, b) => a.start - b.start);
  if (moves.length === 0) return refuse('NOT_FOUND', 'the scenario defines no moves');
  const current = s.move === null ? -1 : moves.findIndex((m) => m.id === s.move);
  const target = moveId === undefined ? moves[current + 1] : moves.find((m) => m.id === moveId);
  if (!target) return refuse('NOT_FOUND', moveId === undefined ? 'the last move has begun already' : `no move "${moveId}"`);
  if (target.start < s.clock) return refuse('TIME_BACKWARDS', `move "${target.id}" starts before the current time`);
  advanceTo(ctx, target.start);
  if (s.phase === 'ended') return;
  s.move = target.id;
  ctx.emit('exercise.move', 'white', { move: target.id, title: target.title, start: target.start }, ALL);
}

/** Time of the next scheduled inject delivery, or null. */
export function nextInjectTime(s: ExerciseState): number | null {
  let best: number | null = null;
  for (const q of s.queue) if (q.k === 'deliver' && (best === null || q.t < best)) best = q.t;
  return best;
}

/**
 * Advances to the next inject delivery: the earliest one scheduled now, or an earlier one whose
 * condition comes true on the way (the clock stops at the first delivery).
 */
export function jumpToNextInject(ctx: Ctx): Refusal | void {
  const t = nextInjectTime(ctx.state);
  if (t === null) return refuse('NOT_FOUND', 'no inject is scheduled (condition injects are scheduled once their condition holds)');
  const delivered = (item: QItem): boolean => item.k === 'deliver' && injectTeam(ctx.state, item.inject, item.team)?.deliveredAt === item.t;
  advanceTo(ctx, Math.max(t, ctx.state.clock), Infinity, delivered);
}
