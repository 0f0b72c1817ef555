/** The red cell's commands: launch, hold and abort, of the steps the scenario marks manual only. */
import type { CStep } from '../compile/types.ts';
import { redStepNext } from '../machines/index.ts';
import { type Ctx, RED } from './ctx.ts';
import type { StepRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { abortStep, preconditions, run, setStatus } from './red.ts';
import { touchStep } from './changes.ts';

/**
 * The red cell acts only on steps the scenario marks manual (a manual campaign's, or a step's own
 * `manual: true`): a scripted step runs as written, so that every team meets the campaign the
 * scenario's authors and the white cell planned.
 */
function scriptedRefusal(ctx: Ctx, si: number, stepId: string): Refusal | null {
  if ((ctx.state.scenario.steps[si] as CStep).manual) return null;
  return refuse('FORBIDDEN', `step "${stepId}" is scripted: the red cell may launch, hold or abort only the steps the scenario marks manual`);
}

export function redLaunch(ctx: Ctx, stepId: string): Refusal | void {
  const si = ctx.state.scenario.stepIndex.get(stepId);
  if (si === undefined) return refuse('NOT_FOUND', `no red step "${stepId}"`);
  const scripted = scriptedRefusal(ctx, si, stepId);
  if (scripted) return scripted;
  const st = ctx.state.steps[si] as StepRt;
  if (!redStepNext(st.s, 'LAUNCH')) return refuse('WRONG_PHASE', `step "${stepId}" is ${st.s}; only a ready or held step can be launched`);
  if (preconditions(ctx, ctx.state.scenario.steps[si] as CStep) !== 'ok') return refuse('WRONG_PHASE', `step "${stepId}" waits for its preconditions`);
  run(ctx, si, 'LAUNCH', 'red');
}

/** Red cell: hold a pending or ready step until launched or aborted. */
export function redHold(ctx: Ctx, stepId: string): Refusal | void {
  const si = ctx.state.scenario.stepIndex.get(stepId);
  if (si === undefined) return refuse('NOT_FOUND', `no red step "${stepId}"`);
  const scripted = scriptedRefusal(ctx, si, stepId);
  if (scripted) return scripted;
  const st = ctx.state.steps[si] as StepRt;
  if (!redStepNext(st.s, 'HOLD')) return refuse('WRONG_PHASE', `step "${stepId}" is ${st.s}; only a pending or ready step can be held`);
  touchStep(ctx.state, si);
  setStatus(st, 'HOLD');
  st.due = null;
  ctx.emit('red.step.held', 'red', { step: stepId }, RED);
}

/** Red cell: abort a step that has not run (its dependents that need it are aborted too). */
export function redAbort(ctx: Ctx, stepId: string): Refusal | void {
  const si = ctx.state.scenario.stepIndex.get(stepId);
  if (si === undefined) return refuse('NOT_FOUND', `no red step "${stepId}"`);
  const scripted = scriptedRefusal(ctx, si, stepId);
  if (scripted) return scripted;
  const st = ctx.state.steps[si] as StepRt;
  if (!redStepNext(st.s, 'ABORT')) return refuse('WRONG_PHASE', `step "${stepId}" is ${st.s}; only a pending, ready or held step can be aborted`);
  abortStep(ctx, si, 'aborted by the red cell', 'red');
}
