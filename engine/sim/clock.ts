/**
 * Simulated time. `advanceTo` processes every queued item with time <= `to` in (time, insertion) order,
 * setting the clock to each item's time, then sets the clock to `to`. The exercise ends when its
 * duration is reached. Splitting an advance in two (to t1, then to t2) gives exactly the same result as
 * one advance to t2: replay relies on it to take snapshots in the middle of long advances.
 */
import type { CInject } from '../compile/types.ts';
import { exerciseNext } from '../machines/index.ts';
import { computeScore } from './score.ts';
import { releasedAt, teamSample } from './disclosure.ts';
import { ALL, type Ctx, toTeam } from './ctx.ts';
import { enqueue, pop } from './queue.ts';
import type { QItem, TeamRt } from './state.ts';
import { finishStep, stepDue } from './red.ts';
import { deliverAlert, falsePositive } from './detection.ts';
import { completeAction } from './actions.ts';
import { endAssistance } from './assist.ts';
import { deliver, expectationDeadline } from './injects.ts';
import { evaluateInject, onDependency } from './conditions.ts';
import { own } from '../lib/own.ts';
import { enterMove } from './moves.ts';

/**
 * Advances to `to`. With `maxEvents`, stops early (returning false) once the command has produced that
 * many events, leaving the clock at the last processed item's time; a later advance continues exactly.
 */
export function advanceTo(ctx: Ctx, to: number, maxEvents = Infinity, stopAfter?: (item: QItem) => boolean): boolean {
  const s = ctx.state;
  const q = s.queue;
  let limit = to;
  while (q.length > 0 && (q[0] as QItem).t <= limit) {
    const item = pop(s) as QItem;
    s.clock = item.t;
    handle(ctx, item);
    if (s.phase === 'ended') return true;
    // Stop after everything else due at the same time, as if the advance had been to this time.
    if (stopAfter && limit > item.t && stopAfter(item)) limit = item.t;
    if (ctx.emitted >= maxEvents) return false;
  }
  s.clock = limit;
  return true;
}

function handle(ctx: Ctx, item: QItem): void {
  switch (item.k) {
    case 'end':
      endExercise(ctx, 'duration');
      break;
    case 'sample':
      sampleScores(ctx, true);
      break;
    case 'step':
      stepDue(ctx, item.step, item.t);
      break;
    case 'finish':
      finishStep(ctx, item.step, item.run);
      break;
    case 'alert':
      deliverAlert(ctx, item.team, item.alert);
      break;
    case 'fp':
      falsePositive(ctx, item.sensor);
      break;
    case 'action':
      completeAction(ctx, item.id);
      break;
    case 'hunt':
      huntEnds(ctx, item.team, item.segment, item.until);
      break;
    case 'assist':
      endAssistance(ctx, item.id, item.until);
      break;
    case 'deliver':
      deliver(ctx, item.inject, item.team, null);
      break;
    case 'cond':
      evaluateInject(ctx, ctx.state.scenario.injects[item.inject] as CInject, item.team);
      break;
    case 'expect':
      expectationDeadline(ctx, item.inject, item.team, item.i);
      break;
    case 'move':
      enterMove(ctx, item.i);
      break;
  }
}

function huntEnds(ctx: Ctx, teamId: string, segment: string, until: number): void {
  const t = own(ctx.state.teams, teamId) as TeamRt;
  if (own(t.hunting, segment) !== until) return;
  delete t.hunting[segment];
  ctx.emit('hunt.ended', 'engine', { team: teamId, segment }, toTeam(teamId));
}

/** Scores every blue team now: timeline sample, a `score` event to each team, scoreBelow conditions. */
export function sampleScores(ctx: Ctx, reschedule: boolean): void {
  const s = ctx.state;
  const ids = Object.keys(s.teams);
  const released = releasedAt(s);
  for (const id of ids) {
    const t = own(s.teams, id) as TeamRt;
    const sample = computeScore(s, id);
    t.score.current = sample;
    const last = t.score.timeline[t.score.timeline.length - 1];
    if (last && last.t === sample.t) t.score.timeline[t.score.timeline.length - 1] = sample;
    else t.score.timeline.push(sample);
    // The team's event carries what it may see of its score (sim/disclosure.ts); the white cell reads the full sample in its view.
    ctx.emit('score', 'engine', teamSample(id, sample, s.scenario.scoring, released), toTeam(id));
  }
  if (s.scenario.injectDeps.has('score')) for (const id of ids) onDependency(ctx, 'score', id);
  if (reschedule) enqueue(s, { k: 'sample', n: s.n++, t: s.clock + s.scenario.scoring.sampleEvery });
}

/** Ends the exercise (duration reached or the white cell's end command): final scores, queue cleared. */
export function endExercise(ctx: Ctx, reason: 'duration' | 'white'): void {
  const s = ctx.state;
  const next = exerciseNext(s.phase, 'END');
  if (!next) return;
  sampleScores(ctx, false);
  s.phase = next;
  s.endedAt = s.clock;
  s.queue = [];
  ctx.emit('exercise.ended', reason === 'white' ? 'white' : 'engine', { reason, t: s.clock }, ALL);
}
