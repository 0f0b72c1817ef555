/**
 * The replay fold, incremental: `step` applied to a log's records in order, keeping a snapshot of the
 * state every `snapshotEvery` events (long advances are applied in chunks so a snapshot can fall
 * inside them). The fold runs as far as it is asked (`extend`), so a caller can fold a long log in
 * slices between paints, or only as far as a seek needs, and seek behind the fold's frontier at once.
 *
 * A seek restores the nearest snapshot at or before t and replays only from there. The fold fails (as
 * a value, kept in `failure`) at the first record that does not reproduce.
 */
import type { CompiledScenario } from '../compile/types.ts';
import { createExercise } from '../sim/create.ts';
import type { Command } from '../sim/commands.ts';
import type { EngineEvent } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import { advanceChunk, step } from '../sim/step.ts';
import { branchStreams } from '../sim/rng.ts';
import { trackChanges } from '../sim/changes.ts';
import type { LogRecord, RampartsLog } from './log.ts';
import { cloneState } from './clone.ts';
import { type Frozen, freeze, thaw } from './freeze.ts';
import { sameEvents, sameEventsText } from './verify.ts';

export interface FoldOptions {
  /** Events between snapshots (a seek replays at most that many; Infinity for none). */
  snapshotEvery: number;
  /** Compare the events each record produced with those recorded in the log (when present). */
  verify: boolean;
  /** Keep every regenerated event in `events`. */
  keepEvents: boolean;
  /** Tests: check every snapshot against the live state (freeze.ts), which fails on a change the engine did not mark. */
  audit?: boolean;
}

export interface ReplayFailure {
  ok: false;
  record: number;
  message: string;
}

/** A frozen copy of the state, the next record to apply, and whether that record is an advance half done. */
interface Mark {
  state: Frozen;
  next: number;
  partial: boolean;
}

const isAdvance = (c: Command): c is Command & { type: 'advance' } => c.type === 'advance';

export class Fold {
  /** The live state at the frontier (after record `next - 1`). */
  private readonly state: ExerciseState;
  private readonly marks: Mark[];
  private readonly reseeds: Map<number, number>;
  private since = 0;
  /** The next record to apply. */
  next = 0;
  failure: ReplayFailure | undefined;
  readonly events: EngineEvent[] = [];

  constructor(
    readonly log: RampartsLog,
    readonly compiled: CompiledScenario,
    private readonly options: FoldOptions,
  ) {
    this.state = createExercise(compiled, { seed: log.header.seed, mode: log.header.mode });
    // The engine marks what it changes, so a snapshot copies only that (freeze.ts).
    if (options.snapshotEvery !== Infinity) trackChanges(this.state, undefined);
    // A what-if branch re-seeds the random streams at its fork (and inherits its parent's re-seedings):
    // before record index k, the streams become branchStreams(seed) (engine/branch).
    this.reseeds = new Map((log.header.branch?.reseeds ?? []).map((x) => [x.record, x.seed]));
    this.marks = [{ state: freeze(this.state, undefined, options.audit), next: 0, partial: false }];
    if (log.records.length === 0) this.reseed(this.state, 0);
  }

  /** Whether every record is applied (or the fold failed). */
  get done(): boolean {
    return this.failure !== undefined || this.next >= this.log.records.length;
  }

  /** Simulated time the fold has reached. */
  get clock(): number {
    return this.state.clock;
  }

  get snapshots(): number {
    return this.marks.length;
  }

  private reseed(s: ExerciseState, next: number): void {
    const seed = this.reseeds.get(next);
    if (seed !== undefined) s.rng = branchStreams(seed);
  }

  private mark(next: number, partial: boolean): void {
    this.marks.push({ state: freeze(this.state, (this.marks[this.marks.length - 1] as Mark).state, this.options.audit), next, partial });
    this.since = 0;
  }

  private fail(i: number, message: string): false {
    this.failure = { ok: false, record: i, message };
    return false;
  }

  /** Applies record `i`; false when it does not reproduce. */
  private apply(i: number, r: LogRecord): boolean {
    const { state, options } = this;
    if (r.t !== state.clock) return this.fail(i, `record ${i + 1} was applied at T+${r.t} ms but replay is at T+${state.clock} ms`);
    this.reseed(state, i);
    let produced: EngineEvent[];
    if (isAdvance(r.command) && options.snapshotEvery !== Infinity) {
      produced = [];
      for (;;) {
        const res = advanceChunk(state, r.command, Math.max(1, options.snapshotEvery - this.since));
        if (!res.ok) return this.fail(i, `record ${i + 1} was refused: ${res.code}: ${res.message}`);
        for (const e of res.events) produced.push(e);
        this.since += res.events.length;
        if (res.done) break;
        this.mark(i, true);
      }
    } else {
      const res = step(state, r.command);
      if (!res.ok) return this.fail(i, `record ${i + 1} was refused: ${res.code}: ${res.message}`);
      produced = res.events;
      this.since += produced.length;
    }
    if (options.verify) {
      const text = this.log.eventsText?.[i];
      const same = r.events ? sameEvents(r.events, produced) : text === undefined || sameEventsText(text, produced);
      if (!same) return this.fail(i, `record ${i + 1}: the events replay produces differ from the recorded ones`);
    }
    if (options.keepEvents) for (const e of produced) this.events.push(e);
    if (this.since >= options.snapshotEvery) this.mark(i + 1, false);
    return true;
  }

  /**
   * Folds on until at least `events` more events are produced or `until` (simulated ms) is passed,
   * or the log ends; true unless the fold failed.
   */
  extend(events = Infinity, until = Infinity): boolean {
    if (this.failure) return false;
    const records = this.log.records;
    const seq0 = this.state.seq;
    while (this.next < records.length) {
      if (this.state.clock > until || this.state.seq - seq0 >= events) break;
      const i = this.next;
      if (!this.apply(i, records[i] as LogRecord)) return false;
      this.next = i + 1;
      if (this.next === records.length) this.reseed(this.state, records.length);
    }
    return true;
  }

  /** A new state equal to the one at the frontier. */
  frontier(): ExerciseState {
    return cloneState(this.state);
  }

  /** A new state equal to the live state at t, which must not be past the frontier unless the fold is done. */
  seek(t: number): ExerciseState {
    const { state, log } = this;
    const records = log.records;
    if (this.done && t >= state.clock) return cloneState(state);
    let m = this.marks[0] as Mark;
    for (const x of this.marks) {
      if (x.state.base.clock <= t) m = x;
      else break;
    }
    const s = thaw(m.state);
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
      this.reseed(s, i);
      if (isAdvance(r.command) && r.command.to > t) {
        step(s, { ...r.command, to: t });
        return s;
      }
      step(s, r.command);
    }
    if (i === records.length) this.reseed(s, i);
    if (s.phase === 'running' && s.clock < t) step(s, { type: 'advance', to: t, actor: { role: 'system' } });
    return s;
  }
}
