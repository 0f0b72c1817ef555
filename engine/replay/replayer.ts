/**
 * Replay: a fold of `step` over a log's commands. The replayer folds once, keeping a snapshot every
 * `snapshotEvery` events (long advances are applied in chunks so a snapshot can fall inside them), so
 * that `seek(t)` restores the nearest snapshot at or before t and replays only from there.
 *
 * seek(t) is the state after every record applied at or before t, with the clock advanced to t if the
 * exercise was running then; it equals (same stateHash) the live state at that moment. Times past the
 * end of the log give the final state.
 */
import { compileScenario } from '../compile/compile.ts';
import type { CompiledScenario } from '../compile/types.ts';
import type { EngineEvent } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import type { RampartsLog } from './log.ts';
import { Fold, type ReplayFailure } from './fold.ts';

export type { ReplayFailure };

export interface ReplayOptions {
  /**
   * Events between snapshots (default 2000: a seek replays at most that many; Infinity for none).
   * On the 107k-event benchmark log, 2000 against 1000 cut the index's CPU by about 30 % (each snapshot
   * walks the whole state) for seeks still well under 50 ms.
   */
  snapshotEvery?: number;
  /** Compare the events each record produced with those recorded in the log (when present). */
  verify?: boolean;
  /** Keep every regenerated event in `events` (default true). */
  keepEvents?: boolean;
  /** An already compiled scenario of the log's header (saves compiling it again). */
  compiled?: CompiledScenario;
  /** Tests: check every snapshot against the live state (a change the engine did not mark fails the fold). */
  auditSnapshots?: boolean;
}

export interface Replayer {
  readonly compiled: CompiledScenario;
  /** Simulated time at the end of the log. */
  readonly endTime: number;
  /** Every event the log's commands produce, in order (unless keepEvents was false). */
  readonly events: readonly EngineEvent[];
  /** Number of snapshots kept. */
  readonly snapshots: number;
  /** A new state equal to the live state at simulated time t (the caller owns it). */
  seek(t: number): ExerciseState;
  /** A new state equal to the live state after the last record. */
  final(): ExerciseState;
}

export type ReplayerResult = { ok: true; replayer: Replayer } | ReplayFailure;

/**
 * A seek index built as far as it is asked: the timeline opens a long log at once and folds it in
 * slices (`extend`) between paints; a seek past the frontier folds on to it first. `complete()` folds
 * the rest and gives the replayer (or the failure).
 */
export interface SeekIndex {
  readonly compiled: CompiledScenario;
  /** Records applied so far, of `total`. */
  readonly applied: number;
  readonly total: number;
  /** Simulated time the fold has reached. */
  readonly clock: number;
  readonly done: boolean;
  /** The first record that did not reproduce, once the fold reached it. */
  readonly failure: ReplayFailure | undefined;
  /** The events regenerated so far (unless keepEvents was false). */
  readonly events: readonly EngineEvent[];
  /** Folds on by about `events` more events; false once the fold failed. */
  extend(events?: number): boolean;
  /** A new state equal to the live state at t, folding on to t first when it is past the frontier. */
  seek(t: number): ExerciseState;
  /** A new state equal to the one at the frontier. */
  frontier(): ExerciseState;
  complete(): ReplayerResult;
}

function foldOf(log: RampartsLog, options: ReplayOptions): Fold {
  return new Fold(log, options.compiled ?? compileScenario(log.header.scenario), {
    snapshotEvery: options.snapshotEvery ?? 2000,
    verify: options.verify ?? false,
    keepEvents: options.keepEvents ?? true,
    audit: options.auditSnapshots ?? false,
  });
}

function replayerOf(fold: Fold): ReplayerResult {
  if (!fold.extend()) return fold.failure as ReplayFailure;
  const endTime = fold.clock;
  return {
    ok: true,
    replayer: { compiled: fold.compiled, endTime, events: fold.events, snapshots: fold.snapshots, seek: (t) => fold.seek(t), final: () => fold.frontier() },
  };
}

/** Opens a log for seeking without folding anything yet (see SeekIndex). */
export function openSeekIndex(log: RampartsLog, options: ReplayOptions = {}): SeekIndex {
  const fold = foldOf(log, options);
  return {
    compiled: fold.compiled,
    get applied() {
      return fold.next;
    },
    total: log.records.length,
    get clock() {
      return fold.clock;
    },
    get done() {
      return fold.done;
    },
    get failure() {
      return fold.failure;
    },
    events: fold.events,
    extend: (events = Infinity) => fold.extend(events),
    seek(t) {
      if (t > fold.clock) fold.extend(Infinity, t);
      return fold.seek(t);
    },
    frontier: () => fold.frontier(),
    complete: () => replayerOf(fold),
  };
}

/** Builds a replayer; fails (as a value) when the log does not reproduce: a record refused or events that differ. */
export function createReplayer(log: RampartsLog, options: ReplayOptions = {}): ReplayerResult {
  return replayerOf(foldOf(log, options));
}

export type ReplayResult = { ok: true; state: ExerciseState; events: readonly EngineEvent[] } | ReplayFailure;

/** Rebuilds the state of a log at time `at` (default: its end), with the events up to there. */
export function replay(log: RampartsLog, options: ReplayOptions & { at?: number } = {}): ReplayResult {
  const r = createReplayer(log, { snapshotEvery: Infinity, ...options });
  if (!r.ok) return r;
  const at = options.at;
  const state = at === undefined ? r.replayer.final() : r.replayer.seek(at);
  const events = at === undefined ? r.replayer.events : r.replayer.events.filter((e) => e.seq <= state.seq);
  return { ok: true, state, events };
}
