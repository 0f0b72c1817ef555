/**
 * The port between the authority and the engine: what the exercise host needs from the engine, as
 * one interface, and the types the authority's rooms share (the log entry they write and replay).
 * The host depends on this rather than on engine internals, so that engine refactors touch one
 * adapter (engine-adapter.ts) and tests can see exactly which engine operations the server relies on.
 */
import type { Command, EngineEvent, ExercisePhase, StepResult } from '../../engine/index.ts';
import type { ExerciseMode, ScenarioDiagnostic, ScenarioSummary } from '../../protocol/index.ts';
import type { ExerciseRecord, LogEntry } from '../store/types.ts';
import type { AudienceSeat } from './audience.ts';

/** What the host writes to the log for each applied command. */
export interface CommandEntry extends LogEntry {
  /** Simulated time when the command was applied (the engine log's `t`). */
  t: number;
  command: Command;
  events: EngineEvent[];
  /** Wall-clock ISO time it was applied (audit only; replay never reads it). */
  at: string;
  /** Why the server itself sent the command (e.g. `recovery`); absent for seats' commands. */
  reason?: string;
  /** The client key the seat sent it with (exactly once: a repeat is answered from the ledger). */
  key?: string;
}

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

export type LoadResult = { ok: true; scenario: LoadedScenario; warnings: ScenarioDiagnostic[] } | { ok: false; diagnostics: ScenarioDiagnostic[] };

export interface EnginePort<S = unknown> {
  /** Parses (YAML or JSON), validates and compiles a scenario text; `name` labels diagnostics. */
  load(text: string, name: string): LoadResult;
  create(scenario: LoadedScenario, seed: number, mode: ExerciseMode): S;
  /**
   * Applies one command at the state's simulated time. Accepted: `state` itself is changed and
   * returned, with the events. Refused: `state` is exactly as it was (the engine checks everything
   * before it changes anything).
   *
   * The state is changed in place, not copied: a copy per batch would cost far more than the
   * stepping (scenarios/stress.yaml in real time: about 2 ms to copy the state after a batch
   * against 0.07 ms to step it, medians over a 48-hour run; `npm run bench -- fork`), on every
   * batch, to save work only when the store fails. The price is that a batch the store refuses has
   * already changed the state: the host's durable state (durable-state.ts) rebuilds it from the
   * store (snapshot and log, as at start) before anything else steps on it. A step that throws (an
   * engine bug) may leave the state half-changed: the host ends the batch there, stores what came
   * before, and rebuilds the state the same way.
   */
  step(state: S, command: Command): StepResult<S>;
  /** The view of one audience (white, evaluator, red, or one blue team). */
  project(state: S, seat: AudienceSeat): unknown;
  stateHash(state: S): string;
  snapshot(state: S): unknown;
  restore(scenario: LoadedScenario, data: unknown): S;
  /** Simulated time of the next scheduled engine item, if any. */
  nextEventTime(state: S): number | undefined;
  clock(state: S): ClockInfo;
  /** Each blue team's composite score now (the operators' library shows them at a glance). */
  scores(state: S): { team: string; composite: number }[];
  /** The exercise's log in the engine's own log format (JSON Lines text, replayable by the engine). */
  exportLog(record: ExerciseRecord, scenario: LoadedScenario, entries: readonly CommandEntry[]): string;
}
