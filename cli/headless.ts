/**
 * A headless run for the command line: the engine's runHeadless over the inputs of a command file,
 * with every refusal told by the input's line in that file.
 */
import { type CompiledScenario, type EngineEvent, type ExerciseState, type LogRecord, runHeadless } from '../engine/index.ts';
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
  /** Without `record`: `observe` is given only the events of these types (see runHeadless). */
  observeOnly?: readonly string[];
}

/** An input the engine refused (or could not apply), with its line in the command file. */
export interface InputRefusal {
  line: number;
  at: number;
  type: string;
  code: string;
  message: string;
}

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

/** Runs `compiled` headless with `options.seed` and the inputs (see runHeadless). */
export function runScripted(compiled: CompiledScenario, options: ScriptedRunOptions): ScriptedRun {
  const run = runHeadless(compiled, { ...options, keepEvents: false });
  return {
    state: run.state,
    records: run.log?.records ?? [],
    applied: run.applied,
    notReached: run.notReached,
    stop: run.stop,
    refused: run.refused.map((r) => ({ line: r.input.line, at: r.at, type: r.input.command.type, code: r.code, message: r.message })),
  };
}
