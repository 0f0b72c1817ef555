/**
 * A headless run for the command line: start, then each scripted input at its time (advancing the
 * clock to it), then advance to the end (or to `until`). Every accepted command is recorded exactly as
 * a server records it, so the log replays to the same state hash. Pure apart from the caller's
 * observer: no I/O here.
 *
 * The same drive as the engine's runHeadless (a test holds them to the same state hash), plus what the
 * commands need: the fate of every input by its line (applied, refused and why, after --until), an
 * observer fed as the run goes (so sweeps need not keep the events), and --until that stops exactly
 * where seek(until) of the run's log does (inputs held by a pause, advance inputs cut there).
 */
import {
  createExercise, step,
  type Command, type CompiledScenario, type EngineEvent, type ExerciseState, type LogRecord,
} from '../engine/index.ts';
import type { ScriptedInput } from './inputs.ts';

export interface ScriptedRunOptions {
  seed: number;
  /** Stop at this simulated time (ms) instead of the scenario's end. */
  until?: number;
  inputs?: readonly ScriptedInput[];
  /** Keep the log records, with their events (for --log). */
  record?: boolean;
  /** Called after every accepted command with its events and the state it left (read it, never change it). */
  observe?: (events: readonly EngineEvent[], state: ExerciseState) => void;
}

/** An input the engine refused (or could not apply), with its line in the command file. */
export interface InputRefusal { line: number; at: number; type: string; code: string; message: string }

export interface ScriptedRun {
  state: ExerciseState;
  records: LogRecord[];
  applied: number;
  refused: InputRefusal[];
  /** Inputs left out because the run stopped first (--until). */
  notReached: number;
  /** Why the run stopped: the exercise ended, --until was reached, or it was left paused by an input. */
  stop: 'ended' | 'until' | 'paused';
}

const WHITE = { role: 'white' } as const;
const SYSTEM = { role: 'system' } as const;

/** Runs `compiled` headless with `options.seed` and the inputs; see the module comment. */
export function runScripted(compiled: CompiledScenario, options: ScriptedRunOptions): ScriptedRun {
  const state = createExercise(compiled, { seed: options.seed, mode: 'headless' });
  const records: LogRecord[] = [];
  const refused: InputRefusal[] = [];
  const end = Math.min(options.until ?? compiled.meta.duration, compiled.meta.duration);
  let applied = 0;

  const apply = (command: Command): { ok: true } | { ok: false; code: string; message: string } => {
    const t = state.clock;
    const r = step(state, command);
    if (!r.ok) return r;
    if (options.record) records.push({ t, command, events: r.events });
    options.observe?.(r.events, state);
    return { ok: true };
  };
  const must = (command: Command): void => {
    const r = apply(command);
    // start and advance on a running exercise are always accepted: a refusal is an engine bug.
    if (!r.ok) throw new Error(`engine refused ${command.type} during a headless run: ${r.code}: ${r.message}`);
  };

  must({ type: 'start', actor: WHITE });
  const inputs = options.inputs ?? [];
  let i = 0;
  for (; i < inputs.length; i++) {
    const input = inputs[i] as ScriptedInput;
    // An input applies when the clock reaches its time; while paused the clock stands still and it
    // applies at the paused time. Past --until the run stops, as seek(until) of its log does.
    const due = state.phase === 'running' ? Math.max(input.at, state.clock) : state.clock;
    if (due > end) break;
    if (state.phase === 'running' && input.at > state.clock) must({ type: 'advance', to: input.at, actor: SYSTEM });
    const c = input.command;
    const cut = c.type === 'advance' && options.until !== undefined && c.to > end;
    const r = apply(cut ? { ...c, to: end } : c);
    if (r.ok) applied++;
    else refused.push({ line: input.line, at: state.clock, type: c.type, code: r.code, message: r.message });
    // An advance input cut at --until: whatever follows it comes after the stop.
    if (cut && r.ok) {
      i++;
      break;
    }
  }
  const notReached = inputs.length - i;
  if (state.phase === 'running' && state.clock < end) must({ type: 'advance', to: end, actor: SYSTEM });
  const stop = state.phase === 'ended' ? 'ended' : state.phase === 'paused' ? 'paused' : 'until';
  return { state, records, applied, refused, notReached, stop };
}
