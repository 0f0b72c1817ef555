/** White-cell clock and lifecycle commands: start, pause, resume, end, advance (play), speed, release of the scores. Jumps are in jump.ts. */
import { exerciseNext } from '../machines/index.ts';
import { ALL, type Ctx } from './ctx.ts';
import { schedule } from './queue.ts';
import type { InjectRt } from './state.ts';
import { advanceTo, endExercise, sampleScores } from './clock.ts';
import { considerStep } from './red.ts';
import { scheduleFalsePositive } from './detection.ts';
import { evaluateInject } from './conditions.ts';
import { scheduleMoves } from './moves.ts';
import { type Refusal, refuse } from './refusal.ts';
import { own } from '../lib/own.ts';
import { touchInject } from './changes.ts';

export function start(ctx: Ctx): void {
  const s = ctx.state;
  s.phase = exerciseNext(s.phase, 'START') ?? s.phase;
  s.startedAt = s.clock;
  for (const t of Object.values(s.teams)) t.score.last = s.clock;
  ctx.emit('exercise.started', 'white', { t: s.clock, mode: s.mode, speed: s.speed }, ALL);
  scheduleMoves(s);
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
        touchInject(s, inj.id);
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

/**
 * The white cell releases the scores: blue teams see every sample taken up to now in full
 * (sim/disclosure.ts). Samples taken later are withheld again until the next release.
 */
export function releaseScores(ctx: Ctx): void {
  ctx.state.scoresReleasedAt = ctx.state.clock;
  ctx.emit('scores.released', 'white', { t: ctx.state.clock }, ALL);
}

export function setSpeed(ctx: Ctx, speed: number): void {
  ctx.state.speed = speed;
  ctx.emit('exercise.speed', 'white', { speed }, ALL);
}
