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
import { createExercise } from '../sim/create.ts';
import type { Command } from '../sim/commands.ts';
import type { EngineEvent } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import { advanceChunk, step } from '../sim/step.ts';
import type { LogRecord, RampartsLog } from './log.ts';
import { cloneState } from './clone.ts';
import { branchStreams } from '../sim/rng.ts';

export interface ReplayOptions {
  /** Events between snapshots (default 1000: a seek replays at most that many; Infinity for none). */
  snapshotEvery?: number;
  /** Compare the events each record produced with those recorded in the log (when present). */
  verify?: boolean;
  /** Keep every regenerated event in `events` (default true). */
  keepEvents?: boolean;
  /** An already compiled scenario of the log's header (saves compiling it again). */
  compiled?: CompiledScenario;
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

export interface ReplayFailure { ok: false; record: number; message: string }
export type ReplayerResult = { ok: true; replayer: Replayer } | ReplayFailure;

/** A frozen copy of the state (never mutated), the next record to apply, and whether that record is an advance half done. */
interface Mark { state: ExerciseState; next: number; partial: boolean }

/**
 * Equality of plain JSON values as canonical JSON sees it (key order ignored, undefined members
 * absent), without building the text: verifying a 100k-event log compared megabytes of strings.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      // canonical JSON writes an undefined array item as null
      if (!sameJson(x === undefined ? null : x, y === undefined ? null : y)) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  let n = 0;
  for (const k in a) {
    const x = (a as Record<string, unknown>)[k];
    if (x === undefined) continue;
    n++;
    const y = (b as Record<string, unknown>)[k];
    if (y === undefined || !sameJson(x, y)) return false;
  }
  for (const k in b) if ((b as Record<string, unknown>)[k] !== undefined) n--;
  return n === 0;
}

/** Whether the events recorded with a record equal the regenerated ones. */
const sameEvents = (recorded: readonly EngineEvent[], produced: readonly EngineEvent[]): boolean => sameJson(recorded, produced);

const isAdvance = (c: Command): c is Command & { type: 'advance' } => c.type === 'advance';

/** Builds a replayer; fails (as a value) when the log does not reproduce: a record refused or events that differ. */
export function createReplayer(log: RampartsLog, options: ReplayOptions = {}): ReplayerResult {
  const every = options.snapshotEvery ?? 1000;
  const keep = options.keepEvents ?? true;
  const compiled = options.compiled ?? compileScenario(log.header.scenario);
  const state = createExercise(compiled, { seed: log.header.seed, mode: log.header.mode });
  // A what-if branch re-seeds the random streams at its fork (and inherits its parent's re-seedings):
  // before record index k, the streams become branchStreams(seed) (engine/branch).
  const reseeds = new Map((log.header.branch?.reseeds ?? []).map((x) => [x.record, x.seed]));
  const reseed = (s: ExerciseState, next: number): void => {
    const seed = reseeds.get(next);
    if (seed !== undefined) s.rng = branchStreams(seed);
  };
  const marks: Mark[] = [{ state: cloneState(state), next: 0, partial: false }];
  const events: EngineEvent[] = [];
  let since = 0;
  const records = log.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as LogRecord;
    if (r.t !== state.clock) return { ok: false, record: i, message: `record ${i + 1} was applied at T+${r.t} ms but replay is at T+${state.clock} ms` };
    reseed(state, i);
    const produced: EngineEvent[] = [];
    if (isAdvance(r.command) && every !== Infinity) {
      for (;;) {
        const res = advanceChunk(state, r.command, Math.max(1, every - since));
        if (!res.ok) return { ok: false, record: i, message: `record ${i + 1} was refused: ${res.code}: ${res.message}` };
        produced.push(...res.events);
        since += res.events.length;
        if (res.done) break;
        marks.push({ state: cloneState(state, (marks[marks.length - 1] as Mark).state), next: i, partial: true });
        since = 0;
      }
    } else {
      const res = step(state, r.command);
      if (!res.ok) return { ok: false, record: i, message: `record ${i + 1} was refused: ${res.code}: ${res.message}` };
      produced.push(...res.events);
      since += res.events.length;
    }
    if (options.verify && r.events && !sameEvents(r.events, produced)) {
      return { ok: false, record: i, message: `record ${i + 1}: the events replay produces differ from the recorded ones` };
    }
    if (keep) for (const e of produced) events.push(e);
    if (since >= every) {
      marks.push({ state: cloneState(state, (marks[marks.length - 1] as Mark).state), next: i + 1, partial: false });
      since = 0;
    }
  }
  reseed(state, records.length);
  const last = state;
  const endTime = state.clock;

  const seek = (t: number): ExerciseState => {
    if (t >= endTime) return cloneState(last);
    let m = marks[0] as Mark;
    for (const x of marks) {
      if (x.state.clock <= t) m = x;
      else break;
    }
    const s = cloneState(m.state);
    let i = m.next;
    if (m.partial) {
      const cmd = (records[i] as LogRecord).command as Command & { type: 'advance' };
      step(s, { ...cmd, to: Math.min(cmd.to, t) });
      if (cmd.to > t) return s;
      i++;
    }
    for (; i < records.length; i++) {
      const r = records[i] as LogRecord;
      if (r.t > t) break;
      reseed(s, i);
      if (isAdvance(r.command) && r.command.to > t) {
        step(s, { ...r.command, to: t });
        return s;
      }
      step(s, r.command);
    }
    if (i === records.length) reseed(s, i);
    if (s.phase === 'running' && s.clock < t) step(s, { type: 'advance', to: t, actor: { role: 'system' } });
    return s;
  };

  return {
    ok: true,
    replayer: { compiled, endTime, events, snapshots: marks.length, seek, final: () => cloneState(last) },
  };
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
