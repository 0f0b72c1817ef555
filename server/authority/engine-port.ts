/**
 * What the exercise host needs from the engine, as one interface. The host depends on this rather
 * than on engine internals, so that engine refactors touch one adapter (engine-adapter.ts) and
 * tests can see exactly which engine operations the server relies on.
 */
import type { Command } from '../../engine/sim/commands.ts';
import type { StepResult } from '../../engine/sim/events.ts';
import type { ExerciseMode, ScenarioDiagnostic, ScenarioSummary } from '../../protocol/index.ts';
import type { ExerciseRecord } from '../store/types.ts';
import type { AudienceSeat } from './audience.ts';
import type { CommandEntry } from './host.ts';

export type ExercisePhase = 'planned' | 'running' | 'paused' | 'ended';

/** The parts of the engine state the real-time driver reads. */
export interface ClockInfo {
  /** Simulated ms from T+0. */
  now: number;
  phase: ExercisePhase;
  speed: number;
}

/** A scenario that passed validation and compiled, with its lobby summary. */
export interface LoadedScenario {
  summary: ScenarioSummary;
  /** The engine's compiled form (opaque to the server). */
  compiled: unknown;
}

export type LoadResult =
  | { ok: true; scenario: LoadedScenario; warnings: ScenarioDiagnostic[] }
  | { ok: false; diagnostics: ScenarioDiagnostic[] };

export interface EnginePort<S = unknown> {
  /** Parses (YAML or JSON), validates and compiles a scenario text; `name` labels diagnostics. */
  load(text: string, name: string): LoadResult;
  create(scenario: LoadedScenario, seed: number, mode: ExerciseMode): S;
  /** The pure step: never mutates `state`. */
  step(state: S, command: Command): StepResult<S>;
  /** The view of one audience (white, evaluator, red, or one blue team). */
  project(state: S, seat: AudienceSeat): unknown;
  stateHash(state: S): string;
  snapshot(state: S): unknown;
  restore(scenario: LoadedScenario, data: unknown): S;
  /** Simulated time of the next scheduled engine item, if any. */
  nextEventTime(state: S): number | undefined;
  clock(state: S): ClockInfo;
  /** The exercise's log in the engine's own log format (JSON Lines text, replayable by the engine). */
  exportLog(record: ExerciseRecord, scenario: LoadedScenario, entries: readonly CommandEntry[]): string;
}
