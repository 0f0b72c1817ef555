/**
 * The exercise as durable: the state (the fold of the stored log), its revision, and the guard that
 * keeps them in step with the store. A stepped batch becomes the state only once `write` has
 * appended its entries; snapshots are written behind it.
 *
 * When the store refuses an append (a full disk, a failing device, a database restarting), the
 * exercise is suspended: the state, which the engine had already stepped in place, is rebuilt from
 * what is stored (see EnginePort.step); until a write succeeds again, commands are refused at once
 * with UNAVAILABLE, and one batch is let through to try the store again every so often (the first
 * retry at once, then waits doubling from 100 ms up to `storeRetryMs`). A real-time exercise also
 * tries again by itself (`onRetryDue`), so that it resumes when the store does even if no seat
 * sends anything. If the rebuild cannot read the store either, the state is stale and is rebuilt
 * before anything steps on it.
 */
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';
import type { Clock } from '../ops/clock.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { ExerciseRecord, ExerciseStore } from '../store/types.ts';
import type { CommandEntry, EnginePort, LoadedScenario } from './engine-port.ts';
import type { Ledger } from './ledger.ts';
import { recoverState, type HostSnapshotData } from './recover.ts';

const STORE_RETRY_MS = 1000;

/**
 * A snapshot holds the event loop for its serialisation and state hash, which grow with the state
 * (about 400 ms for a state of 18,000 situation reports on the shared machine, at the sustained load
 * of issue #16, where every 500 revisions came every 170 ms): the next one waits at least this many
 * times as long as the last took, so snapshots take at most a twentieth of the time. Recovery then
 * replays more of the log after the last one, which costs far less per entry than a snapshot.
 */
const SNAPSHOT_SPACING = 19;

export interface DurableDeps<S> {
  record: ExerciseRecord;
  scenario: LoadedScenario;
  engine: EnginePort<S>;
  store: ExerciseStore;
  metrics: Metrics;
  logger: Logger;
  clock: Clock;
  /** A snapshot is written every this many revisions. */
  snapshotEvery: number;
  /** Longest wait between two tries of the store while suspended (ms, default 1000). */
  storeRetryMs: number | undefined;
  /** The store refused (at first or again): tell the seats, hold simulated time. */
  onSuspend: (reason: string) => void;
  /** The store took a write again. */
  onResume: () => void;
  /** While suspended, the backoff has passed: try the store again (absent: only the next command does). */
  onRetryDue?: () => void;
}

/** While the store refuses appends. */
interface Suspension {
  since: number;
  lastTry: number;
  failures: number;
  /** Commands refused meanwhile (logged when it ends). */
  refused: number;
  reason: string;
}

export class DurableState<S> {
  private current: S;
  private rev: number;
  private book: Ledger;
  private snapshotSeq: number;
  private snapshotChain: Promise<void> = Promise.resolve();
  /** No snapshot before this (monotonic ms): see SNAPSHOT_SPACING. */
  private snapshotNotBefore = Number.NEGATIVE_INFINITY;
  /** The last rebuild could not read the store: rebuild before stepping again. */
  private stale = false;
  private down: Suspension | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: DurableDeps<S>,
    state: S,
    revision: number,
    ledger: Ledger,
    snapshotSeq: number,
  ) {
    this.current = state;
    this.rev = revision;
    this.book = ledger;
    this.snapshotSeq = snapshotSeq;
  }

  /** The state at `revision`; while a batch is in flight, the engine may have stepped it further. */
  get state(): S {
    return this.current;
  }

  /** How many commands have been applied and made durable. */
  get revision(): number {
    return this.rev;
  }

  /**
   * The host's ledger at `revision` (quotas used, client keys); like the state, a batch in flight
   * folds its entries into it before they are durable, and a refused batch is undone by the rebuild.
   */
  get ledger(): Ledger {
    return this.book;
  }

  /** True while the store refuses appends. */
  get suspended(): boolean {
    return this.down !== undefined;
  }

  /**
   * Whether a batch may be stepped now: false while suspended and the backoff has not passed, or
   * when the state is stale and the store still cannot be read (a failure like a refused append).
   */
  async ready(): Promise<boolean> {
    const down = this.down;
    if (down && this.deps.clock.now() - down.lastTry < this.retryWait(down.failures)) return false;
    if (!this.stale) return true;
    await this.rebuild();
    if (!this.stale) return true;
    const now = this.deps.clock.now();
    const failed = this.down ?? { since: now, lastTry: 0, failures: 0, refused: 0, reason: 'storage error' };
    this.down = Object.assign(failed, { lastTry: now, failures: failed.failures + 1 });
    this.deps.onSuspend(failed.reason);
    this.scheduleRetry();
    return false;
  }

  /** The refusal of a command met while suspended (counted against the suspension). */
  refusal(): ErrorReply {
    const down = this.down;
    if (down) down.refused++;
    return {
      ok: false,
      code: ERROR_CODES.UNAVAILABLE,
      message: `the exercise log cannot be written (${down?.reason ?? 'storage error'}): the command was not applied and the exercise is suspended until the server can store it again; retry in a moment`,
    };
  }

  /**
   * Appends a stepped batch's entries. True: they are durable and `state` at `revision` is the
   * exercise now. False: the store refused them; the exercise is suspended and its state rebuilt
   * from what is stored.
   */
  async write(entries: CommandEntry[], state: S, revision: number): Promise<boolean> {
    const { store, logger, clock } = this.deps;
    const started = clock.now();
    try {
      await store.append(this.deps.record.id, entries);
    } catch (error) {
      this.failed(error, entries.length);
      // The engine stepped in place, so the state already holds the refused batch: rebuild it from
      // what is durable (the previous revision) before going on.
      await this.rebuild();
      this.scheduleRetry();
      return false;
    }
    if (this.down) {
      logger.warn('store takes writes again; exercise resumed', {
        exerciseId: this.deps.record.id,
        seq: revision,
        downMs: Math.round(clock.now() - this.down.since),
        failures: this.down.failures,
        refused: this.down.refused,
      });
      this.down = undefined;
      this.deps.onResume();
    }
    this.deps.metrics.storeAppendLatency.observe((clock.now() - started) / 1000);
    this.current = state;
    this.rev = revision;
    return true;
  }

  /**
   * Writes a snapshot when `snapshotEvery` revisions have passed since the last. Serialised now (the
   * state at this revision), written in the background: a snapshot only shortens recovery, the log
   * alone is enough, so acknowledgements never wait for it. Spaced by its cost (SNAPSHOT_SPACING).
   */
  snapshotIfDue(): void {
    if (this.rev - this.snapshotSeq < this.deps.snapshotEvery) return;
    const { engine, store, logger, record, clock } = this.deps;
    const started = clock.now();
    if (started < this.snapshotNotBefore) return;
    const seq = this.rev;
    this.snapshotSeq = seq;
    const data: HostSnapshotData = { engine: engine.snapshot(this.current), ledger: this.book.toData() };
    const snapshot = { seq, stateHash: engine.stateHash(this.current), data };
    const ended = clock.now();
    this.snapshotNotBefore = ended + SNAPSHOT_SPACING * (ended - started);
    this.snapshotChain = this.snapshotChain.then(() => store.putSnapshot(record.id, snapshot)).catch((error: unknown) => logger.warn('snapshot failed', { exerciseId: record.id, seq, error }));
  }

  /** No more tries of the store by itself (the exercise is being unloaded). */
  stopRetrying(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /** Resolves when the snapshots started so far are written (or have failed). */
  async snapshotsWritten(): Promise<void> {
    await this.snapshotChain;
  }

  /** Enters or extends the suspension after a refused append. */
  private failed(error: unknown, entries: number): void {
    const { logger, clock, record } = this.deps;
    const reason = storeErrorReason(error);
    const now = clock.now();
    if (!this.down) {
      this.down = { since: now, lastTry: now, failures: 1, refused: 0, reason };
      logger.error('store append failed; batch not applied, exercise suspended (commands refused with UNAVAILABLE) until the store takes writes again', {
        exerciseId: record.id,
        seq: this.rev + 1,
        entries,
        reason,
        error,
      });
    } else {
      Object.assign(this.down, { lastTry: now, failures: this.down.failures + 1, reason });
      logger.warn('store append failed again; exercise still suspended', { exerciseId: record.id, reason, failures: this.down.failures });
    }
    this.deps.onSuspend(reason);
  }

  /**
   * Rebuilds the state from the store after the engine threw on a command: the state may hold half
   * of that command, so it is reloaded from what is durable before anything else steps on it.
   */
  async rebuildAfterFailure(): Promise<void> {
    await this.rebuild();
  }

  /** Reloads the state and the ledger from the store (snapshot + log), as at start. */
  private async rebuild(): Promise<void> {
    const { engine, store, record, scenario, logger } = this.deps;
    try {
      const recovered = await recoverState(engine, store, record, scenario, logger);
      this.current = recovered.state;
      this.rev = recovered.revision;
      this.book = recovered.ledger;
    } catch (error) {
      // The store cannot be read either (a database restarting): the state may hold the refused
      // batch, so no command is stepped on it; the next batch rebuilds it first.
      logger.warn('exercise state could not be rebuilt yet; rebuilt before the next command', { exerciseId: record.id, error });
      this.stale = true;
      return;
    }
    this.stale = false;
  }

  /** How long after the `failures`-th failed try in a row the next one is made. */
  private retryWait(failures: number): number {
    return failures <= 1 ? 0 : Math.min(this.deps.storeRetryMs ?? STORE_RETRY_MS, 100 * 2 ** (failures - 2));
  }

  /** While suspended, calls `onRetryDue` once the backoff has passed (if the host asked for it). */
  private scheduleRetry(): void {
    const retry = this.deps.onRetryDue;
    if (!retry || !this.down || this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = undefined;
        if (!this.stopped && this.down) retry();
      },
      Math.max(this.retryWait(this.down.failures), 50),
    );
    this.retryTimer.unref?.();
  }
}

/** A short reason for a store failure that is safe to show a seat (an errno code, not a path). */
function storeErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `storage error ${code}`;
  return 'storage error';
}
