/**
 * The outgoing side of an exercise host: one channel per audience, each projected once per change
 * and sent as one delta to the audience's room.
 *
 * Two economies, both invisible to the protocol (deltas still chain by `fromSeq`/`toSeq`):
 * - an audience with no socket is not projected; its channel goes stale and is rebuilt when a seat
 *   joins it;
 * - a heavy audience (the controller's and evaluators' views cover the whole exercise: on a large
 *   scenario projecting and diffing them costs tens of ms) is published at most every
 *   `heavyIntervalMs`, its events kept meanwhile, so that a burst of commands from many teams does
 *   not pay for one controller projection per batch. Light audiences are sent at every batch.
 *
 * Every audience numbers its events 1, 2, 3, ... among the events it may see (counted in the host's
 * ledger, a fold of the log, so the same after a restart), so that event numbers do not count what a
 * seat does not see (issue 13). Deltas still carry exercise revisions in `fromSeq`/`toSeq` (see
 * docs/PROTOCOL.md, "What each seat may infer").
 */
import type { EngineEvent } from '../../engine/index.ts';
import type { SeatEvent, SyncResult } from '../../protocol/index.ts';
import type { Metrics } from '../ops/metrics.ts';
import { type AudienceKey, eventsFor, seatOfAudience } from './audience.ts';
import { AudienceChannel } from './channel.ts';
import type { EnginePort } from './engine-port.ts';
import type { ExerciseTransport } from './transport.ts';

export interface BroadcasterOptions {
  keepDeltas: number;
  /** An audience whose projection and diff take longer than this (ms, smoothed) is heavy. */
  heavyCostMs: number;
  /** Shortest interval between two deltas of a heavy audience (ms). */
  heavyIntervalMs: number;
}

interface AudienceState {
  channel: AudienceChannel;
  /** Events of durable revisions not sent yet (heavy audiences between publications). */
  pending: SeatEvent[];
  dirty: boolean;
  /** Smoothed cost of a projection and diff, ms. */
  cost: number;
  lastPublished: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface BroadcasterDeps<S> {
  exerciseId: string;
  engine: EnginePort<S>;
  transport: ExerciseTransport;
  metrics: Metrics;
  options: BroadcasterOptions;
  now: () => number;
  /** The durable state and revision (only read when no batch is in flight). */
  state: () => S;
  revision: () => number;
  /** Runs `fn` now if no batch is in flight, else right after the batch is durable and broadcast. */
  whenSettled: (fn: () => void) => void;
  /** How many events the audience has been shown up to the durable revision (the ledger's count). */
  eventCount: (key: AudienceKey) => number;
}

export class Broadcaster<S> {
  private readonly audiences = new Map<AudienceKey, AudienceState>();
  private closed = false;

  constructor(private readonly deps: BroadcasterDeps<S>, keys: readonly AudienceKey[]) {
    for (const key of keys) {
      // Stale until someone joins: an exercise nobody watches costs no projections.
      this.audiences.set(key, {
        channel: new AudienceChannel(undefined, deps.revision(), deps.options.keepDeltas),
        pending: [], dirty: false, cost: 0, lastPublished: Number.NEGATIVE_INFINITY, timer: undefined,
      });
    }
  }

  /** After a durable batch: every watched audience gets its delta now, or (heavy) soon. */
  publish(events: readonly EngineEvent[]): void {
    const now = this.deps.now();
    for (const [key, a] of this.audiences) {
      if (this.deps.transport.listeners(this.deps.exerciseId, key) === 0) {
        this.forget(a);
        continue;
      }
      // A stale channel with listeners is being joined; `sync` rebuilds it.
      if (a.channel.stale) continue;
      for (const e of eventsFor(key, events)) a.pending.push(e);
      a.dirty = true;
      const wait = a.cost > this.deps.options.heavyCostMs ? a.lastPublished + this.deps.options.heavyIntervalMs - now : 0;
      if (wait <= 0) this.flush(key, a);
      else this.schedule(key, a, wait);
    }
  }

  /** See ExerciseHost.sync. */
  sync(key: AudienceKey, lastSeq: number | undefined, deliver: (result: SyncResult) => void): boolean {
    const a = this.audiences.get(key);
    if (!a) return false;
    this.deps.whenSettled(() => {
      if (a.channel.stale) a.channel.reset(this.deps.engine.project(this.deps.state(), seatOfAudience(key)), this.deps.revision());
      deliver(a.channel.catchUp(lastSeq));
    });
    return true;
  }

  close(): void {
    this.closed = true;
    for (const a of this.audiences.values()) this.forget(a);
  }

  private forget(a: AudienceState): void {
    if (a.timer !== undefined) clearTimeout(a.timer);
    a.timer = undefined;
    a.pending = [];
    a.dirty = false;
    a.channel.markStale();
  }

  private schedule(key: AudienceKey, a: AudienceState, wait: number): void {
    if (a.timer !== undefined) return;
    a.timer = setTimeout(() => {
      a.timer = undefined;
      this.deps.whenSettled(() => {
        if (!this.closed && a.dirty && !a.channel.stale) this.flush(key, a);
      });
    }, wait);
    a.timer.unref?.();
  }

  private flush(key: AudienceKey, a: AudienceState): void {
    if (a.timer !== undefined) clearTimeout(a.timer);
    a.timer = undefined;
    const started = this.deps.now();
    const view = this.deps.engine.project(this.deps.state(), seatOfAudience(key));
    // The pending events are this audience's latest: numbered up to its count of events so far.
    const last = this.deps.eventCount(key);
    const events = a.pending.map((e, i) => ({ ...e, seq: last - a.pending.length + 1 + i }));
    const delta = a.channel.publish(view, events, this.deps.revision());
    const took = this.deps.now() - started;
    a.cost = a.cost === 0 ? took : a.cost * 0.8 + took * 0.2;
    a.lastPublished = started;
    a.pending = [];
    a.dirty = false;
    if (!delta) return;
    this.deps.metrics.deltasSent.inc();
    this.deps.metrics.deltaBytes.observe(Buffer.byteLength(JSON.stringify(delta)));
    this.deps.transport.delta(this.deps.exerciseId, key, delta);
  }
}
