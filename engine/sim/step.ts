/**
 * step(state, command): the engine's only way to change an exercise. Real-time, tabletop and headless
 * driving all go through it; replay is a fold of it over recorded commands.
 *
 * Contract: the command is applied at the state's current simulated time. Accepted: the state is
 * mutated in place (and returned) and the events it produced are returned. Refused: `{ ok: false,
 * code, message }` and the state is exactly as before (every check happens before any change). The
 * function reads no clock, no Math.random and does no I/O.
 *
 * An exception inside the engine is a bug, and the state it was thrown from may be half-applied
 * (stepping in place is what makes the engine fast; a copy per command would cost many times the
 * step). So an exception never passes silently: `step` throws an `EngineFault`, and that state object
 * is marked faulted: every later `step` or `advanceChunk` on it throws again instead of building on a
 * state its log cannot reproduce. The holder rebuilds the state from its last good snapshot or log
 * (the server's authority does, see server/authority/durable-state.ts); `isFaulted` tells it.
 */
import { durationMs } from '../time/duration.ts';
import { exerciseNext } from '../machines/index.ts';
import { COMMAND_CLASS } from '../machines/phases.ts';
import type { Command } from './commands.ts';
import { checkCommand } from './check.ts';
import { isRecord } from '../lib/record.ts';
import { hasOwnKey } from '../lib/own.ts';
import type { EngineErrorCode, EngineEvent, StepResult } from './events.ts';
import type { ExerciseState } from './state.ts';
import { Ctx } from './ctx.ts';
import { type Refusal, refuse } from './refusal.ts';
import * as life from './lifecycle.ts';
import { advanceTo } from './clock.ts';
import { jump, jumpToMove, jumpToNextInject } from './jump.ts';
import { redAbort, redHold, redLaunch } from './red-cell.ts';
import { cancelAction, requestAction } from './actions.ts';
import { ackInject, adhocInject, answerInject } from './injects.ts';
import { applyIntel, shareIntel } from './intel.ts';
import { grantAssistance, requestAssistance } from './assist.ts';
import { adjudicate, fileSitrep, rate } from './reporting.ts';
import { answerQuestion, gradeAnswer } from './discussion.ts';

/** Every command type has a class (a type missing from the table fails to compile here). */
const PHASE_EVENT: Record<Command['type'], string> = COMMAND_CLASS;

const PHASE_HINT: Record<string, string> = {
  planned: 'the exercise has not started: the white cell starts it first',
  paused: 'the exercise is paused: wait for the white cell to resume it',
  ended: 'the exercise has ended',
  running: 'the exercise is already running',
};

/**
 * The command's form and role (the one check, shared with the server and the command line), then what
 * depends on this exercise. Accepted: the command as the check read it (a command written in an older
 * form, such as an ad-hoc inject recorded before format 2, is applied as it means today).
 */
function check(state: ExerciseState, command: Command): (Refusal & { ok: false }) | { ok: true; command: Command } {
  const sent: unknown = command;
  const whole = isRecord(sent);
  const { actor, ...body } = whole ? (sent as Record<string, unknown>) : {};
  const checked = checkCommand(actor, whole ? body : sent);
  if (!checked.ok) return { ok: false, ...refuse(checked.code, checked.message) };
  if (command.actor.role === 'blue' && !hasOwnKey(state.teams, command.actor.team)) {
    return { ok: false, ...refuse('FORBIDDEN', `"${command.actor.team}" is not a blue team of this exercise`) };
  }
  if (!exerciseNext(state.phase, PHASE_EVENT[command.type])) {
    return { ok: false, ...refuse('WRONG_PHASE', `${command.type} is not possible now: ${PHASE_HINT[state.phase] ?? state.phase}`) };
  }
  return { ok: true, command: checked.command };
}

function actorLabel(c: Command): string {
  return c.actor.role === 'blue' ? `blue:${c.actor.team}` : c.actor.role === 'evaluator' && c.actor.name ? `evaluator:${c.actor.name}` : c.actor.role;
}

function apply(ctx: Ctx, c: Command): Refusal | void {
  const teamId = c.actor.role === 'blue' ? c.actor.team : '';
  switch (c.type) {
    case 'start':
      return life.start(ctx);
    case 'pause':
      return life.pause(ctx, c.actor.role === 'system' ? 'system' : 'white');
    case 'resume':
      return life.resume(ctx, c.actor.role === 'system' ? 'system' : 'white');
    case 'end':
      return life.end(ctx);
    case 'advance':
      return life.advance(ctx, c.to);
    case 'speed':
      return life.setSpeed(ctx, c.speed);
    case 'move':
      return jumpToMove(ctx, c.move);
    case 'jump':
      return jump(ctx, c.to);
    case 'jump-to-next-inject':
      return jumpToNextInject(ctx);
    case 'adhoc-inject':
      return adhocInject(
        ctx,
        c.inject,
        (c.inject.evaluation?.expects ?? []).map((e) => durationMs(e.within)),
      );
    case 'adjudicate':
      return c.item.kind === 'question' ? gradeAnswer(ctx, actorLabel(c), c.item, c.grade, c.comment) : adjudicate(ctx, actorLabel(c), c.item, c.grade, c.comment);
    case 'release-scores':
      return life.releaseScores(ctx);
    case 'rate':
      return rate(ctx, actorLabel(c), { capability: c.capability, task: c.task, team: c.team }, c.rating, c.note);
    case 'action':
      return requestAction(ctx, teamId, c.action, c.target);
    case 'cancel-action':
      return cancelAction(ctx, teamId, c.id);
    case 'ack-inject':
      return ackInject(ctx, teamId, c.inject);
    case 'answer-inject':
      return answerInject(ctx, teamId, c.inject, c.text);
    case 'answer-question':
      return answerQuestion(ctx, teamId, c.move, c.question, c.text);
    case 'sitrep':
      return fileSitrep(ctx, teamId, c.text, c.severity);
    case 'share-intel':
      return shareIntel(ctx, teamId, c.report, c.partners);
    case 'apply-intel':
      return applyIntel(ctx, teamId, c.report);
    case 'request-assistance':
      return requestAssistance(ctx, teamId, c.to, c.text);
    case 'grant-assistance':
      return grantAssistance(ctx, teamId, c.request);
    case 'red-launch':
      return redLaunch(ctx, c.step);
    case 'red-hold':
      return redHold(ctx, c.step);
    case 'red-abort':
      return redAbort(ctx, c.step);
  }
}

/** An exception inside the engine while applying a command: the state it came from is faulted (see the module comment). */
export class EngineFault extends Error {
  constructor(
    readonly command: string,
    cause: unknown,
  ) {
    super(`the engine failed on a ${command} command and its state may be half-applied: rebuild it from the last good snapshot or the log`, { cause });
    this.name = 'EngineFault';
  }
}

const faulted = new WeakSet<ExerciseState>();

/** Whether an engine fault left this state half-applied (it must be rebuilt, never stepped again). */
export function isFaulted(state: ExerciseState): boolean {
  return faulted.has(state);
}

/** Runs `fn` on the state; an exception marks the state faulted and becomes an EngineFault. */
function guarded<T>(state: ExerciseState, command: Command, fn: () => T): T {
  if (faulted.has(state)) throw new EngineFault(command.type, new Error('an earlier command left this state half-applied'));
  try {
    return fn();
  } catch (error) {
    faulted.add(state);
    throw error instanceof EngineFault ? error : new EngineFault(command.type, error);
  }
}

/** Applies one command at the current simulated time. See the module comment for the contract. */
export function step(state: ExerciseState, command: Command): StepResult<ExerciseState> {
  return guarded(state, command, () => stepUnguarded(state, command));
}

/** What `stepCounted` returns: `step`'s result with the number of events, and only the events of the types asked for. */
export type CountedStep = { ok: true; state: ExerciseState; count: number; events: EngineEvent[] } | { ok: false; state: ExerciseState; code: EngineErrorCode; message: string };

/**
 * `step` for a driver that counts the events and reads at most a few types of them (a headless run
 * that keeps and records none): the same state changes and refusals; only the events of the types in
 * `only` (none without it) are held and returned (see Ctx).
 */
export function stepCounted(state: ExerciseState, command: Command, only?: ReadonlySet<string>): CountedStep {
  return guarded(state, command, () => {
    const r = applyStep(state, command, only ?? false);
    return r.ok ? { ok: true, state, count: r.ctx.emitted, events: r.ctx.events } : r;
  });
}

function stepUnguarded(state: ExerciseState, command: Command): StepResult<ExerciseState> {
  const r = applyStep(state, command, true);
  return r.ok ? { ok: true, state, events: r.ctx.events } : r;
}

function applyStep(state: ExerciseState, command: Command, keep: boolean | ReadonlySet<string>): { ok: true; ctx: Ctx } | { ok: false; state: ExerciseState; code: EngineErrorCode; message: string } {
  const checked = check(state, command);
  if (!checked.ok) return { ok: false, state, code: checked.code, message: checked.message };
  const ctx = new Ctx(state, keep);
  const refused = apply(ctx, checked.command);
  if (refused) {
    // Handlers check everything before changing anything; a refusal after a change is a bug.
    if (ctx.emitted > 0) throw new Error(`engine bug: ${command.type} was refused after emitting events`);
    return { ok: false, state, ...refused };
  }
  ctx.draws.commit();
  return { ok: true, ctx };
}

/**
 * For replay: an `advance` command applied in chunks. Stops once the chunk has produced `maxEvents`
 * events (`done: false`, clock at the last processed item); calling it again with the same command
 * continues exactly where it stopped. Same refusals as `step`.
 */
export function advanceChunk(state: ExerciseState, command: Command & { type: 'advance' }, maxEvents: number): StepResult<ExerciseState> & { done: boolean } {
  return guarded(state, command, () => advanceChunkUnguarded(state, command, maxEvents));
}

function advanceChunkUnguarded(state: ExerciseState, command: Command & { type: 'advance' }, maxEvents: number): StepResult<ExerciseState> & { done: boolean } {
  const checked = check(state, command);
  const bad = checked.ok ? (command.to < state.clock ? refuse('TIME_BACKWARDS', `the clock is at ${state.clock} ms`) : null) : checked;
  if (bad) return { ok: false, state, code: bad.code, message: bad.message, done: true };
  const ctx = new Ctx(state);
  const done = advanceTo(ctx, command.to, maxEvents);
  ctx.draws.commit();
  return { ok: true, state, events: ctx.events, done };
}
