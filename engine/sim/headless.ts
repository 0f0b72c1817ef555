/**
 * Headless driving: start, apply scripted commands at their times (advancing the clock to each), then
 * advance to the end. What `ramparts run` and sweeps do; also records the run as a log.
 */
import type { CompiledScenario, Mode } from '../compile/types.ts';
import type { ScenarioT } from '../scenario/schema/index.ts';
import { logHeader, type RampartsLog } from '../replay/log.ts';
import type { Command } from './commands.ts';
import { createExercise } from './create.ts';
import type { EngineEvent, EngineErrorCode } from './events.ts';
import type { ExerciseState } from './state.ts';
import { step } from './step.ts';

export interface HeadlessInput { at: number; command: Command }
export interface HeadlessOptions {
  seed?: number;
  mode?: Mode;
  /** Stop at this simulated time (default: the scenario's duration, which ends the exercise). */
  until?: number;
  /** Commands to apply at their times (sorted by time, stable). */
  inputs?: readonly HeadlessInput[];
  /** Keep the events (default true). */
  keepEvents?: boolean;
  /** Record the run as a log (default false). */
  record?: boolean;
}
export interface HeadlessRun {
  state: ExerciseState;
  events: EngineEvent[];
  /** Number of events produced (also when not kept). */
  eventCount: number;
  /** Inputs the engine refused, with why (the run goes on without them). */
  refused: { input: HeadlessInput; code: EngineErrorCode; message: string }[];
  log: RampartsLog | null;
}

/** Runs an exercise headless. Pure: the same arguments always give the same run. */
export function runHeadless(compiled: CompiledScenario, options: HeadlessOptions = {}): HeadlessRun {
  const seed = options.seed ?? compiled.meta.seed;
  const mode = options.mode ?? 'headless';
  const until = options.until ?? compiled.meta.duration;
  const keep = options.keepEvents ?? true;
  const state = createExercise(compiled, { seed, mode });
  const log: RampartsLog | null = options.record ? { header: logHeader(compiled.source as ScenarioT, seed, mode), records: [] } : null;
  const events: EngineEvent[] = [];
  const refused: HeadlessRun['refused'] = [];
  let eventCount = 0;
  const apply = (command: Command, input?: HeadlessInput): void => {
    const t = state.clock;
    const r = step(state, command);
    if (!r.ok) {
      if (input) refused.push({ input, code: r.code, message: r.message });
      return;
    }
    eventCount += r.events.length;
    if (keep) for (const e of r.events) events.push(e);
    log?.records.push({ t, command, events: r.events });
  };
  const inputs = [...(options.inputs ?? [])].map((x, i) => ({ x, i })).sort((a, b) => a.x.at - b.x.at || a.i - b.i).map((y) => y.x);
  const hasStart = inputs.some((x) => x.command.type === 'start');
  if (!hasStart) apply({ type: 'start', actor: { role: 'white' } });
  for (const input of inputs) {
    // After the end the engine still takes what evaluators and the white cell do (ratings,
    // adjudication); it refuses the rest, which is reported in `refused`.
    if (input.at > until) break;
    if (input.at > state.clock && state.phase === 'running') apply({ type: 'advance', to: input.at, actor: { role: 'system' } });
    apply(input.command, input);
  }
  if (state.phase === 'running' && until > state.clock) apply({ type: 'advance', to: until, actor: { role: 'system' } });
  return { state, events, eventCount, refused, log };
}
