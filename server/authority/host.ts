/**
 * The authority of one exercise. It owns the exercise state and is the only code that changes it,
 * through rooms with one job each:
 *
 * - command-queue.ts: commands from every seat and the real-time driver's ticks wait in one queue
 *   and are taken in batches, one batch at a time;
 * - batch.ts: a batch is stepped on the state with the engine's `step`, giving log entries;
 * - commit.ts: a batch carried through the rooms below, and every command of it answered;
 * - durable-state.ts: the entries are appended with a single write (one fsync) *before* any of the
 *   commands is acknowledged or broadcast, so nothing a seat has seen or been told is accepted can
 *   be lost; a store that refuses suspends the exercise until it takes writes again;
 * - broadcaster.ts and notices.ts: then each audience's view is projected once, diffed against the
 *   previous one and broadcast as one delta; notices go to every seat;
 * - realtime-driver.ts: when a real-time exercise's simulated time advances.
 *
 * This file wires them together and answers the seats.
 */
import type { ActorT, Command } from '../../engine/index.ts';
import { ERROR_CODES, NOTICE_CODES, type CommandReply, type Notice, type NoticeCode, type SyncResult } from '../../protocol/index.ts';
import type { Clock } from '../ops/clock.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { ExerciseRecord, ExerciseStore } from '../store/types.ts';
import type { AudienceKey } from './audience.ts';
import { Broadcaster } from './broadcaster.ts';
import { SeatCheck } from './command-check.ts';
import { CommandQueue } from './command-queue.ts';
import { type BatchRooms, reconcileDriver, runBatch } from './commit.ts';
import { DurableState } from './durable-state.ts';
import { Ledger } from './ledger.ts';
import { DEFAULT_QUOTAS, type QuotaLimits } from '../config.ts';
import { SeatRates } from './quotas.ts';
import type { EnginePort, LoadedScenario } from './engine-port.ts';
import { NoticeBoard } from './notices.ts';
import { RealtimeDriver } from './realtime-driver.ts';
import type { ExerciseTransport } from './transport.ts';

export interface HostOptions {
  /** Longest wall-clock interval between real-time advances (ms). */
  tickMs: number;
  /** A snapshot is written every this many revisions. */
  snapshotEvery: number;
  /** Deltas kept per audience for clients that reconnect. */
  keepDeltas: number;
  /** Most commands applied and made durable together. */
  maxBatch: number;
  /** See BroadcasterOptions: when an audience's view is heavy, and how often it is then sent. */
  heavyCostMs: number;
  heavyIntervalMs: number;
  /**
   * After the store refused appends (a full disk, a failing device), the longest wait (ms, default
   * 1000) before a command is tried again; commands meanwhile are refused at once. The first retry
   * is immediate (a passing glitch costs one batch), then the wait doubles from 100 ms up to this.
   */
  storeRetryMs?: number;
  /** Quotas per seat, team and exercise (default DEFAULT_QUOTAS). */
  quotas?: QuotaLimits;
}

export interface HostDeps<S> {
  engine: EnginePort<S>;
  store: ExerciseStore;
  transport: ExerciseTransport;
  metrics: Metrics;
  logger: Logger;
  options: HostOptions;
  /** The only time the host reads (server/ops/clock.ts). */
  clock: Clock;
}

export class ExerciseHost<S = unknown> {
  private readonly queue: CommandQueue;
  private readonly durable: DurableState<S>;
  private readonly broadcaster: Broadcaster<S>;
  private readonly board: NoticeBoard;
  private readonly driver: RealtimeDriver | undefined;
  private readonly quotas: QuotaLimits;
  private readonly seatCheck: SeatCheck;
  private readonly rooms: BatchRooms<S>;
  private closed = false;

  constructor(
    private readonly deps: HostDeps<S>,
    readonly record: ExerciseRecord,
    readonly scenario: LoadedScenario,
    readonly audiences: readonly AudienceKey[],
    state: S,
    revision: number,
    snapshotSeq: number,
    ledger: Ledger = new Ledger(),
  ) {
    const { engine, store, transport, metrics, logger, options, clock } = deps;
    this.quotas = options.quotas ?? DEFAULT_QUOTAS;
    this.seatCheck = new SeatCheck(new SeatRates(this.quotas, () => clock.now()), metrics);
    this.queue = new CommandQueue(options.maxBatch, (batch) => runBatch(this.rooms, batch));
    this.board = new NoticeBoard(record.id, transport);
    const driver = record.mode === 'realtime' ? new RealtimeDriver({ tickMs: options.tickMs, now: () => clock.now(), onTick: () => this.enqueueTick() }) : undefined;
    this.driver = driver;
    this.durable = new DurableState(
      {
        record,
        scenario,
        engine,
        store,
        metrics,
        logger,
        clock,
        snapshotEvery: options.snapshotEvery,
        storeRetryMs: options.storeRetryMs,
        onSuspend: (reason) => {
          this.noticeSuspended(reason);
          // Simulated time holds while nothing can be recorded.
          driver?.hold();
        },
        // Simulated time runs on from where it held, not from where the wall clock got to.
        onResume: () => driver?.release(),
        // After the backoff the driver is let go and anchored afresh: its next advance is the retry.
        ...(driver
          ? {
              onRetryDue: () => {
                driver.release();
                this.reconcileDriver();
              },
            }
          : {}),
      },
      state,
      revision,
      ledger,
      snapshotSeq,
    );
    this.broadcaster = new Broadcaster(
      {
        exerciseId: record.id,
        engine,
        transport,
        metrics,
        now: () => clock.now(),
        options: { keepDeltas: options.keepDeltas, heavyCostMs: options.heavyCostMs, heavyIntervalMs: options.heavyIntervalMs },
        state: () => this.durable.state,
        revision: () => this.durable.revision,
        whenSettled: (fn) => this.queue.whenSettled(fn),
        numbering: () => this.durable.ledger.numbering,
      },
      audiences,
    );
    this.rooms = { exerciseId: record.id, engine, metrics, logger, clock, quotas: this.quotas, queue: this.queue, durable: this.durable, broadcaster: this.broadcaster, board: this.board, driver };
    this.reconcileDriver();
  }

  get id(): string {
    return this.record.id;
  }

  /** The exercise revision: how many commands have been applied and made durable. */
  get seq(): number {
    return this.durable.revision;
  }

  /**
   * The view number of an audience (numbering.ts): the exercise revision for the white cell and
   * evaluators, the audience's own steps for the others; a seat of it is current when its
   * `lastSeq` is this (durable state only between batches).
   */
  viewNumber(audience: AudienceKey): number {
    if (audience === 'white' || audience === 'evaluator') return this.durable.revision;
    return this.durable.ledger.numbering.viewNumber(audience);
  }

  /** The live state; during a batch being written it may hold changes not yet durable. */
  get currentState(): S {
    return this.durable.state;
  }

  stateHash(): string {
    return this.deps.engine.stateHash(this.durable.state);
  }

  /** True while the store refuses appends (the exercise is suspended). */
  get suspended(): boolean {
    return this.durable.suspended;
  }

  /** Notices in force, shown to every seat on connection. */
  get notices(): readonly Notice[] {
    return this.board.list;
  }

  /** Runs `read` when no batch is in flight (now, or right after the current one is broadcast). */
  settled<T>(read: () => T): Promise<T> {
    return this.queue.settled(read);
  }

  /**
   * Checks a command from a seat and queues it. Resolves with the acknowledgement once the command
   * is applied and durable, or with a coded error (and nothing changed). With a client `key`, a
   * command already answered under that key gets its first answer again, and nothing new is stored.
   */
  submit(actor: ActorT, body: unknown, key?: string): Promise<CommandReply> {
    const received = this.deps.clock.now();
    if (this.closed) return Promise.resolve({ ok: false, code: ERROR_CODES.UNAVAILABLE, message: 'the exercise is being unloaded; retry after reconnecting' });
    const checked = this.seatCheck.admit(actor, body);
    if (!checked.ok) return Promise.resolve(checked);
    return this.queue.command(checked.command, received, key !== undefined ? { key } : {});
  }

  /** What the seats have used of their quotas, the log's size and the keys remembered (durable state only between batches). */
  get ledger(): Ledger {
    return this.durable.ledger;
  }

  /**
   * Queues a command the server itself sends (e.g. the pause after a recovery), bypassing the seat
   * check; `reason` is recorded in its log entry.
   */
  submitInternal(command: Command, reason: string): Promise<CommandReply> {
    const received = this.deps.clock.now();
    if (this.closed) return Promise.resolve({ ok: false, code: ERROR_CODES.UNAVAILABLE, message: 'the exercise is closed' });
    return this.queue.command(command, received, { reason });
  }

  /**
   * How a client of `audience` that holds the view at `lastSeq` gets current. `deliver` runs at a
   * moment when the audience's view and its deltas agree: at once, or (when the audience had no
   * listener and a batch is being made durable) right after that batch is broadcast, so a
   * joining seat never sees state that is not on disk yet. The caller joins the socket to the
   * audience's room inside `deliver`, in the same tick, so no delta falls in between.
   */
  sync(audience: AudienceKey, lastSeq: number | undefined, deliver: (result: SyncResult) => void): boolean {
    return this.broadcaster.sync(audience, lastSeq, deliver);
  }

  /** Raises a notice for every seat (in force, and in every welcome, until `clearNotice`). */
  raiseNotice(code: NoticeCode, message: string): void {
    this.board.raise(code, message);
  }

  /** Withdraws a notice in force: seats remove it (a `notice` with `cleared: true`). */
  clearNotice(code: NoticeCode): void {
    this.board.clear(code);
  }

  /** Resolves when every command queued so far has been applied (or refused). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Stops the driver, lets queued commands finish, and waits for pending snapshots. */
  async close(): Promise<void> {
    this.driver?.stop();
    this.durable.stopRetrying();
    await this.queue.idle();
    this.closed = true;
    this.broadcaster.close();
    await this.durable.snapshotsWritten();
  }

  /** Tells every seat the exercise is suspended (once per suspension). */
  private noticeSuspended(reason: string): void {
    if (this.board.has(NOTICE_CODES.STORE_SUSPENDED)) return;
    this.raiseNotice(
      NOTICE_CODES.STORE_SUSPENDED,
      `The exercise log cannot be written (${reason}): the exercise is suspended, its clock holds and commands are refused until the server can store them again.`,
    );
  }

  private enqueueTick(): void {
    if (!this.closed) this.queue.tick();
  }

  private reconcileDriver(): void {
    reconcileDriver(this.rooms);
  }
}
