/**
 * The authority of one exercise. It owns the exercise state and is the only code that changes it:
 * commands from every seat and the real-time driver's advances go through one queue and are
 * applied one at a time with the engine's pure `step`. A batch of queued commands is made durable
 * with a single append (one fsync) *before* any of them is acknowledged or broadcast, so nothing a
 * seat has seen or been told is accepted can be lost; then each audience's view is projected once,
 * diffed against the previous one and broadcast as one delta.
 */
import type { ActorT, Command } from '../../engine/sim/commands.ts';
import type { EngineEvent } from '../../engine/sim/events.ts';
import { ERROR_CODES, NOTICE_CODES, type CommandReply, type ErrorReply, type Notice, type NoticeCode, type SyncResult } from '../../protocol/index.ts';
import type { ExerciseRecord, ExerciseStore, LogEntry } from '../store/types.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { AudienceKey } from './audience.ts';
import { Broadcaster } from './broadcaster.ts';
import { checkCommand } from './command-check.ts';
import type { EnginePort, LoadedScenario } from './engine-port.ts';
import { RealtimeDriver } from './realtime-driver.ts';
import { recoverState } from './recover.ts';
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
}

const STORE_RETRY_MS = 1000;

export interface HostDeps<S> {
  engine: EnginePort<S>;
  store: ExerciseStore;
  transport: ExerciseTransport;
  metrics: Metrics;
  logger: Logger;
  options: HostOptions;
  /** Monotonic wall clock (ms). */
  now: () => number;
}

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
}

type QueueItem =
  | { kind: 'command'; command: Command; received: number; reason?: string; resolve: (reply: CommandReply) => void }
  | { kind: 'tick' };

const CLOCK_COMMANDS = new Set(['pause', 'speed', 'end', 'jump-to-next-inject', 'move']);

export class ExerciseHost<S = unknown> {
  private readonly broadcaster: Broadcaster<S>;
  private readonly queue: QueueItem[] = [];
  /** True from the first step of a batch until it is broadcast (the state may hold unstored changes). */
  private batchInFlight = false;
  /** Work waiting for the batch in flight to be broadcast. */
  private afterBatch: Array<() => void> = [];
  private draining: Promise<void> | undefined;
  private readonly driver: RealtimeDriver | undefined;
  private snapshotSeq: number;
  private snapshotChain: Promise<void> = Promise.resolve();
  private closed = false;
  /** The last rebuild after a failed append could not read the store: rebuild before stepping again. */
  private stateStale = false;
  /**
   * Set while the store refuses appends. The exercise is suspended: simulated time holds, and
   * commands are refused with UNAVAILABLE without being applied; one is tried again every
   * `storeRetryMs`, and the first that is stored ends the suspension.
   */
  private storeDown: { since: number; lastTry: number; failures: number; refused: number; reason: string } | undefined;
  /** While suspended, when a running real-time exercise next tries the store by itself. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Notices in force, shown to every seat on connection. */
  readonly notices: Notice[] = [];

  constructor(
    private readonly deps: HostDeps<S>,
    readonly record: ExerciseRecord,
    readonly scenario: LoadedScenario,
    readonly audiences: readonly AudienceKey[],
    private state: S,
    private revision: number,
    snapshotSeq: number,
  ) {
    this.snapshotSeq = snapshotSeq;
    this.broadcaster = new Broadcaster({
      exerciseId: record.id, engine: deps.engine, transport: deps.transport, metrics: deps.metrics, now: deps.now,
      options: { keepDeltas: deps.options.keepDeltas, heavyCostMs: deps.options.heavyCostMs, heavyIntervalMs: deps.options.heavyIntervalMs },
      state: () => this.state, revision: () => this.revision,
      whenSettled: (fn) => (this.batchInFlight ? this.afterBatch.push(fn) : fn()),
    }, audiences);
    if (record.mode === 'realtime') {
      this.driver = new RealtimeDriver({ tickMs: deps.options.tickMs, now: deps.now, onTick: () => this.enqueueTick() });
      this.driver.reconcile(deps.engine.clock(state), deps.engine.nextEventTime(state));
    }
  }

  get id(): string {
    return this.record.id;
  }

  /** The exercise revision: how many commands have been applied and made durable. */
  get seq(): number {
    return this.revision;
  }

  /** The live state; during a batch being written it may hold changes not yet durable. */
  get currentState(): S {
    return this.state;
  }

  stateHash(): string {
    return this.deps.engine.stateHash(this.state);
  }

  /** Runs `read` when no batch is in flight (now, or right after the current one is broadcast). */
  settled<T>(read: () => T): Promise<T> {
    return new Promise((resolve) => {
      const run = () => resolve(read());
      if (this.batchInFlight) this.afterBatch.push(run);
      else run();
    });
  }

  /**
   * Checks a command from a seat and queues it. Resolves with the acknowledgement once the command
   * is applied and durable, or with a coded error (and nothing changed).
   */
  submit(actor: ActorT, body: unknown): Promise<CommandReply> {
    const received = this.deps.now();
    if (this.closed) return Promise.resolve({ ok: false, code: ERROR_CODES.UNAVAILABLE, message: 'the exercise is being unloaded; retry after reconnecting' });
    const checked = checkCommand(actor, body);
    if (!checked.ok) {
      this.deps.metrics.commands.inc({ type: typeof (body as { type?: unknown })?.type === 'string' ? 'invalid' : 'malformed', outcome: checked.code });
      return Promise.resolve(checked);
    }
    return new Promise((resolve) => {
      this.queue.push({ kind: 'command', command: checked.command, received, resolve });
      this.drain();
    });
  }

  /**
   * Queues a command the server itself sends (e.g. the pause after a recovery), bypassing the seat
   * check; `reason` is recorded in its log entry.
   */
  submitInternal(command: Command, reason: string): Promise<CommandReply> {
    const received = this.deps.now();
    if (this.closed) return Promise.resolve({ ok: false, code: ERROR_CODES.UNAVAILABLE, message: 'the exercise is closed' });
    return new Promise((resolve) => {
      this.queue.push({ kind: 'command', command, received, resolve, reason });
      this.drain();
    });
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
    const notice: Notice = { code, message, seq: this.revision };
    const at = this.notices.findIndex((n) => n.code === code);
    if (at >= 0) this.notices.splice(at, 1);
    this.notices.push(notice);
    this.deps.transport.notice(this.id, notice);
  }

  /** Withdraws a notice in force: seats remove it (a `notice` with `cleared: true`). */
  clearNotice(code: NoticeCode): void {
    const at = this.notices.findIndex((n) => n.code === code);
    if (at < 0) return;
    this.notices.splice(at, 1);
    this.deps.transport.notice(this.id, { code, message: '', seq: this.revision, cleared: true });
  }

  /** Tells every seat the exercise is suspended (once per suspension). */
  private noticeSuspended(reason: string): void {
    if (this.notices.some((n) => n.code === NOTICE_CODES.STORE_SUSPENDED)) return;
    this.raiseNotice(NOTICE_CODES.STORE_SUSPENDED, `The exercise log cannot be written (${reason}): the exercise is suspended, its clock holds and commands are refused until the server can store them again.`);
  }

  /** Resolves when every command queued so far has been applied (or refused). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops the driver, lets queued commands finish, and waits for pending snapshots. */
  async close(): Promise<void> {
    this.driver?.stop();
    clearTimeout(this.retryTimer);
    await this.idle();
    this.closed = true;
    this.broadcaster.close();
    await this.snapshotChain;
  }

  private enqueueTick(): void {
    if (this.closed || this.queue.some((item) => item.kind === 'tick')) return;
    this.queue.push({ kind: 'tick' });
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = (async () => {
      try {
        while (this.queue.length > 0) await this.processBatch(this.queue.splice(0, this.deps.options.maxBatch));
      } finally {
        this.draining = undefined;
      }
    })();
  }

  /** The `advance` the driver wants now, if the clock runs and time has moved. */
  private tickCommand(state: S): Command | undefined {
    const current = this.deps.engine.clock(state).now;
    const to = this.driver?.target(current);
    if (to === undefined || to <= current) return undefined;
    return { type: 'advance', to, actor: { role: 'system' } };
  }

  private async processBatch(batch: QueueItem[]): Promise<void> {
    this.batchInFlight = true;
    try {
      await this.applyBatch(batch);
    } finally {
      this.settle();
    }
  }

  /** The batch is durable and broadcast (or undone): seats waiting to join get their view now. */
  private settle(): void {
    this.batchInFlight = false;
    const waiting = this.afterBatch;
    this.afterBatch = [];
    for (const run of waiting) run();
  }

  /** How long after the `failures`-th failed append in a row the next one is tried. */
  private retryWait(failures: number): number {
    return failures <= 1 ? 0 : Math.min(this.deps.options.storeRetryMs ?? STORE_RETRY_MS, 100 * 2 ** (failures - 2));
  }

  /** The refusal while the store is down. */
  private storeDownReply(reason: string): ErrorReply {
    return {
      ok: false, code: ERROR_CODES.UNAVAILABLE,
      message: `the exercise log cannot be written (${reason}): the command was not applied and the exercise is suspended until the server can store it again; retry in a moment`,
    };
  }

  /** Refuses commands with UNAVAILABLE while the store is down, counting them against the suspension. */
  private refuseWhileDown(items: Iterable<QueueItem>, down: NonNullable<typeof this.storeDown>): void {
    for (const item of items) {
      if (item.kind !== 'command') continue;
      down.refused++;
      this.deps.metrics.commands.inc({ type: item.command.type, outcome: ERROR_CODES.UNAVAILABLE });
      item.resolve(this.storeDownReply(down.reason));
    }
  }

  private async applyBatch(batch: QueueItem[]): Promise<void> {
    const { engine, store, metrics, logger } = this.deps;
    const down = this.storeDown;
    if (down && this.deps.now() - down.lastTry < this.retryWait(down.failures)) {
      // Suspended: refuse without stepping (nothing to undo) until it is time to try the store again.
      this.refuseWhileDown(batch, down);
      return;
    }
    if (this.stateStale) {
      await this.rebuildFromStore();
      if (this.stateStale) {
        // Still unreadable: refuse without stepping, and wait before the next try.
        const failed = this.storeDown ?? { since: this.deps.now(), lastTry: 0, failures: 0, refused: 0, reason: 'storage error' };
        this.storeDown = Object.assign(failed, { lastTry: this.deps.now(), failures: failed.failures + 1 });
        this.noticeSuspended(failed.reason);
        this.driver?.hold();
        this.scheduleStoreRetry();
        this.refuseWhileDown(batch, failed);
        return;
      }
    }
    let state = this.state;
    let revision = this.revision;
    const entries: CommandEntry[] = [];
    const accepted: Array<{ item: Extract<QueueItem, { kind: 'command' }>; seq: number }> = [];
    const at = new Date().toISOString();
    /** Steps one command on the batch's working state; returns the refusal, if any. */
    const apply = (command: Command, reason?: string): ErrorReply | undefined => {
      let result;
      const t = engine.clock(state).now;
      try {
        result = engine.step(state, command);
      } catch (error) {
        logger.error('engine step threw', { exerciseId: this.id, command: command.type, error });
        return { ok: false, code: ERROR_CODES.INTERNAL, message: 'the engine failed on this command; it was not applied' };
      }
      if (!result.ok) return { ok: false, code: result.code, message: result.message };
      state = result.state;
      revision++;
      entries.push({ seq: revision, t, at, command, events: result.events, ...(reason ? { reason } : {}) });
      return undefined;
    };

    for (const item of batch) {
      if (item.kind === 'tick') {
        const advance = this.tickCommand(state);
        if (advance) apply(advance);
        continue;
      }
      // Bring simulated time up to the wall clock before the controller changes the clock.
      if (CLOCK_COMMANDS.has(item.command.type)) {
        const advance = this.tickCommand(state);
        if (advance) apply(advance);
      }
      const refused = apply(item.command, item.reason);
      if (!refused) accepted.push({ item, seq: revision });
      else {
        metrics.commands.inc({ type: item.command.type, outcome: refused.code });
        item.resolve(refused);
      }
    }
    if (entries.length > 0) {
      const started = this.deps.now();
      try {
        await store.append(this.id, entries);
      } catch (error) {
        const reason = storeErrorReason(error);
        const now = this.deps.now();
        if (!this.storeDown) {
          this.storeDown = { since: now, lastTry: now, failures: 1, refused: 0, reason };
          logger.error('store append failed; batch not applied, exercise suspended (commands refused with UNAVAILABLE) until the store takes writes again', {
            exerciseId: this.id, seq: this.revision + 1, entries: entries.length, reason, error,
          });
        } else {
          Object.assign(this.storeDown, { lastTry: now, failures: this.storeDown.failures + 1, reason });
          logger.warn('store append failed again; exercise still suspended', { exerciseId: this.id, reason, failures: this.storeDown.failures });
        }
        this.noticeSuspended(reason);
        // Simulated time holds while nothing can be recorded.
        this.driver?.hold();
        // The engine's step works in place, so the working state already holds the refused batch:
        // rebuild the state from what is durable (the previous revision) before going on.
        await this.rebuildFromStore();
        this.scheduleStoreRetry();
        this.settle();
        this.refuseWhileDown(accepted.map((a) => a.item), this.storeDown);
        return;
      }
      if (this.storeDown) {
        logger.warn('store takes writes again; exercise resumed', {
          exerciseId: this.id, seq: revision, downMs: Math.round(this.deps.now() - this.storeDown.since),
          failures: this.storeDown.failures, refused: this.storeDown.refused,
        });
        this.storeDown = undefined;
        // Simulated time runs on from where it held, not from where the wall clock got to.
        this.driver?.release();
      }
      metrics.storeAppendLatency.observe((this.deps.now() - started) / 1000);
      this.state = state;
      this.revision = revision;
      // Stored again after a suspension: withdraw the notice, at the revision that ended it.
      this.clearNotice(NOTICE_CODES.STORE_SUSPENDED);
      this.broadcaster.publish(entries.flatMap((e) => e.events));
      this.settle();
      for (const { item, seq } of accepted) {
        metrics.commands.inc({ type: item.command.type, outcome: 'ok' });
        metrics.commandLatency.observe({ type: item.command.type }, (this.deps.now() - item.received) / 1000);
        item.resolve({ ok: true, seq });
      }
      // Running again after a recovery pause: the notice about it is past.
      if (engine.clock(state).phase === 'running') this.clearNotice(NOTICE_CODES.RECOVERED_PAUSED);
      this.maybeSnapshot();
    }
    this.reconcileDriver();
  }

  /** Reloads the state from the store (snapshot + log) after a failed append. */
  private async rebuildFromStore(): Promise<void> {
    try {
      const recovered = await recoverState(this.deps.engine, this.deps.store, this.record, this.scenario, this.deps.logger);
      this.state = recovered.state;
      this.revision = recovered.revision;
    } catch (error) {
      // The store cannot be read either (a database restarting): the working state may hold
      // the refused batch, so no command is stepped on it; the next batch rebuilds it first.
      this.deps.logger.warn('exercise state could not be rebuilt yet; rebuilt before the next command', { exerciseId: this.id, error });
      this.stateStale = true;
      return;
    }
    this.stateStale = false;
  }

  /**
   * While suspended, a running real-time exercise tries the store again by itself, so that it
   * resumes when the store does even if no seat sends anything: after the backoff the driver is
   * let go, anchored afresh (simulated time runs on from where it held), and its next advance is
   * the retry; if that fails too, time holds again until the next one.
   */
  private scheduleStoreRetry(): void {
    if (!this.driver || !this.storeDown) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.closed || !this.storeDown) return;
      this.driver?.release();
      this.reconcileDriver();
    }, Math.max(this.retryWait(this.storeDown.failures), 50));
    this.retryTimer.unref?.();
  }

  /** True while the store refuses appends (see `storeDown`). */
  get suspended(): boolean {
    return this.storeDown !== undefined;
  }

  private reconcileDriver(): void {
    this.driver?.reconcile(this.deps.engine.clock(this.state), this.deps.engine.nextEventTime(this.state));
  }

  private maybeSnapshot(): void {
    if (this.revision - this.snapshotSeq < this.deps.options.snapshotEvery) return;
    const seq = this.revision;
    this.snapshotSeq = seq;
    // Serialised now (the state at `seq`), written in the background: a snapshot only shortens
    // recovery, the log alone is enough, so acknowledgements never wait for it.
    const snapshot = { seq, stateHash: this.deps.engine.stateHash(this.state), data: this.deps.engine.snapshot(this.state) };
    this.snapshotChain = this.snapshotChain
      .then(() => this.deps.store.putSnapshot(this.id, snapshot))
      .catch((error: unknown) => this.deps.logger.warn('snapshot failed', { exerciseId: this.id, seq, error }));
  }
}

/** A short reason for a store failure that is safe to show a seat (an errno code, not a path). */
function storeErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `storage error ${code}`;
  return 'storage error';
}
