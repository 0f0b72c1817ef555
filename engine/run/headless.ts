/**
 * Headless driving: start, then each scripted input at its time (advancing the clock to it), then
 * advance to the end (or to `until`). What `ramparts run` and sweeps do, and the bundled scenarios'
 * golden runs; every accepted command can be recorded exactly as a server records it, so the log
 * replays to the same state hash. Pure: the same arguments always give the same run (the observer is
 * the caller's).
 *
 * An input applies when the clock reaches its time; while the exercise is paused (or over) the clock
 * stands still and it applies at that time: the engine still takes what evaluators and the white cell
 * do after the end, and refuses the rest (reported in `refused`). With `until`, the run stops exactly
 * where seek(until) of its log does: inputs due later are not reached, an advance input is cut there.
 */
import type { CompiledScenario, Mode } from '../compile/types.ts';
import type { ScenarioT } from '../scenario/schema/index.ts';
import { logHeader, type RampartsLog } from '../replay/log.ts';
import type { Command } from '../sim/commands.ts';
import { createExercise } from '../sim/create.ts';
import type { EngineErrorCode, EngineEvent, StepResult } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import { step, stepCounted } from '../sim/step.ts';

export interface HeadlessInput {
  at: number;
  command: Command;
}
export interface HeadlessOptions<I extends HeadlessInput = HeadlessInput> {
  seed?: number;
  mode?: Mode;
  /** Stop at this simulated time (default: the scenario's duration, which ends the exercise). */
  until?: number;
  /** Commands to apply at their times (applied in time order, equal times in the order given). */
  inputs?: readonly I[];
  /** Keep the events (default true). */
  keepEvents?: boolean;
  /** Record the run as a log (default false). */
  record?: boolean;
  /** Called after every accepted command with its events and the state it left (read it, never change it). */
  observe?: (events: readonly EngineEvent[], state: ExerciseState) => void;
  /**
   * With `observe`, and neither `keepEvents` nor `record`: `observe` is given only the events of these
   * types (e.g. run/outcome.ts TRACKED_EVENTS); the others are counted and never held, which spares
   * garbage collection most of a run's events.
   */
  observeOnly?: readonly string[];
}

/** An input the engine refused, with the simulated time it was offered at and why. */
export interface HeadlessRefusal<I extends HeadlessInput = HeadlessInput> {
  input: I;
  at: number;
  code: EngineErrorCode;
  message: string;
}

export interface HeadlessRun<I extends HeadlessInput = HeadlessInput> {
  state: ExerciseState;
  events: EngineEvent[];
  /** Number of events produced (also when not kept). */
  eventCount: number;
  /** Inputs the engine accepted. */
  applied: number;
  /** Inputs the engine refused, with why (the run goes on without them). */
  refused: HeadlessRefusal<I>[];
  /** Inputs left out because the run stopped first (`until`). */
  notReached: number;
  /** Why the run stopped: the exercise ended, `until` was reached, or an input left it paused. */
  stop: 'ended' | 'until' | 'paused';
  log: RampartsLog | null;
}

const WHITE = { role: 'white' } as const;
const SYSTEM = { role: 'system' } as const;

/** Runs an exercise headless; see the module comment. */
export function runHeadless<I extends HeadlessInput>(compiled: CompiledScenario, options: HeadlessOptions<I> = {}): HeadlessRun<I> {
  const seed = options.seed ?? compiled.meta.seed;
  const mode = options.mode ?? 'headless';
  const end = Math.min(options.until ?? compiled.meta.duration, compiled.meta.duration);
  const keep = options.keepEvents ?? true;
  const state = createExercise(compiled, { seed, mode });
  const log: RampartsLog | null = options.record ? { header: logHeader(compiled.source as ScenarioT, seed, mode), records: [] } : null;
  const events: EngineEvent[] = [];
  const NO_EVENTS: StepResult<ExerciseState> = { ok: true, state, events: [] };
  const refused: HeadlessRefusal<I>[] = [];
  let eventCount = 0;
  let applied = 0;

  // Nobody reads the events, or only a few types of them: the engine counts the rest instead of holding them (sim/ctx.ts).
  const only = !keep && !log && options.observe && options.observeOnly ? new Set(options.observeOnly) : undefined;
  const counted = !keep && !log && (!options.observe || only !== undefined);
  const apply = (command: Command): StepResult<ExerciseState> => {
    const t = state.clock;
    if (counted) {
      const c = stepCounted(state, command, only);
      if (!c.ok) return c;
      eventCount += c.count;
      if (only) options.observe?.(c.events, state);
      return NO_EVENTS;
    }
    const r = step(state, command);
    if (!r.ok) return r;
    eventCount += r.events.length;
    if (keep) for (const e of r.events) events.push(e);
    log?.records.push({ t, command, events: r.events });
    options.observe?.(r.events, state);
    return r;
  };
  const must = (command: Command): void => {
    const r = apply(command);
    // The driver starts a planned exercise and advances a running one: a refusal is an engine bug.
    if (!r.ok) throw new Error(`engine refused ${command.type} during a headless run: ${r.code}: ${r.message}`);
  };

  // Stable: equal times keep the order given.
  const inputs = [...(options.inputs ?? [])]
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.at - b.x.at || a.i - b.i)
    .map((y) => y.x);
  if (!inputs.some((x) => x.command.type === 'start')) must({ type: 'start', actor: WHITE });
  let i = 0;
  for (; i < inputs.length; i++) {
    const input = inputs[i] as I;
    const due = state.phase === 'running' ? Math.max(input.at, state.clock) : state.clock;
    if (due > end) break;
    if (state.phase === 'running' && input.at > state.clock) must({ type: 'advance', to: input.at, actor: SYSTEM });
    const c = input.command;
    const cut = c.type === 'advance' && options.until !== undefined && c.to > end;
    const r = apply(cut ? { ...c, to: end } : c);
    if (r.ok) applied++;
    else refused.push({ input, at: state.clock, code: r.code, message: r.message });
    // An advance input cut at `until`: whatever follows it comes after the stop.
    if (cut && r.ok) {
      i++;
      break;
    }
  }
  const notReached = inputs.length - i;
  if (state.phase === 'running' && state.clock < end) must({ type: 'advance', to: end, actor: SYSTEM });
  const stop = state.phase === 'ended' ? 'ended' : state.phase === 'paused' ? 'paused' : 'until';
  return { state, events, eventCount, applied, refused, notReached, stop, log };
}
