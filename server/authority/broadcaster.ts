/**
 * The outgoing side of an exercise host: one channel per audience, each projected once per change
 * and sent as one delta to the audience's room.
 *
 * Two economies, both invisible to the protocol (deltas chain by `fromSeq`/`toSeq`):
 * - an audience with no socket is not projected; its channel goes stale and is rebuilt when a seat
 *   joins it;
 * - a heavy audience (the controller's and evaluators' views cover the whole exercise: on a large
 *   scenario projecting and diffing them costs tens of ms) is published at most every
 *   `heavyIntervalMs`, its events kept meanwhile, so that a burst of commands from many teams does
 *   not pay for one controller projection per batch. Only those two can be heavy: a blue team's
 *   and the red cell's deltas are sent at every batch, before the batch's acknowledgements, so that
 *   a seat's acknowledgement never carries a number its deltas have not reached.
 *
 * Every audience numbers its events 1, 2, 3, ... among the events it may see, and its views by its
 * own steps (numbering.ts, counted in the host's ledger, a fold of the log, so the same after a
 * restart): a blue or red audience gets one delta per step, numbered one more than the last, with
 * the events of that step's entry and, on the last step sent together, the view's change; the white
 * cell and evaluators, who see everything, get one delta to the exercise revision (docs/PROTOCOL.md,
 * "What each seat receives and what it may infer").
 */
import type { EngineEvent } from '../../engine/index.ts';
import type { DeltaMessage, SeatEvent, SyncResult } from '../../protocol/index.ts';
import type { Metrics } from '../ops/metrics.ts';
import { type AudienceKey, eventsForSeat, seatOfAudience } from './audience.ts';
import { AudienceChannel } from './channel.ts';
import { deltaJson, forgetDeltaJson } from './delta-json.ts';
import type { EnginePort } from './engine-port.ts';
import { concernOf, isStepFor, type Numbering, type NumberedEntry } from './numbering.ts';
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
  /** The audience's steps not sent yet, each with its events (heavy audiences between publications). */
  pending: SeatEvent[][];
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
  /** Each audience's numbering of events and views up to the durable revision (the ledger's). */
  numbering: () => Numbering;
}

/**
 * A heavy view is sent at most every `heavyIntervalMs`, and no sooner than this many times its cost
 * after the last: a controller's view of a busy exercise grows with it (3.5 MB, 100 ms and more to
 * project and diff with 18,000 situation reports in issue #16's load test), and would otherwise take
 * the whole event loop from the commands. So it takes at most a third of the time.
 */
const HEAVY_SPACING = 3;

/** An audience's view number: the revision for those who see every entry, else its own steps. */
function viewNumber<S>(deps: BroadcasterDeps<S>, key: AudienceKey): number {
  return seesAll(key) ? deps.revision() : deps.numbering().viewNumber(key);
}

/** The white cell and evaluators see every entry: their view number is the revision, one delta per publication. */
const seesAll = (key: AudienceKey): boolean => key === 'white' || key === 'evaluator';

export class Broadcaster<S> {
  private readonly audiences = new Map<AudienceKey, AudienceState>();
  private closed = false;

  constructor(
    private readonly deps: BroadcasterDeps<S>,
    keys: readonly AudienceKey[],
  ) {
    for (const key of keys) {
      // Stale until someone joins: an exercise nobody watches costs no projections.
      this.audiences.set(key, {
        channel: new AudienceChannel(undefined, 0, deps.options.keepDeltas),
        pending: [],
        dirty: false,
        cost: 0,
        lastPublished: Number.NEGATIVE_INFINITY,
        timer: undefined,
      });
    }
  }

  /** After a durable batch (its log entries): every watched audience gets its deltas now, or (heavy) soon. */
  publish(entries: ReadonlyArray<NumberedEntry & { events: readonly EngineEvent[] }>): void {
    const now = this.deps.now();
    const concerns = entries.map(concernOf);
    for (const [key, a] of this.audiences) {
      if (this.deps.transport.listeners(this.deps.exerciseId, key) === 0) {
        this.forget(a);
        continue;
      }
      // A stale channel with listeners is being joined; `sync` rebuilds it.
      if (a.channel.stale) continue;
      // The audience's seat and team made once for the batch, not once per entry.
      const seat = seatOfAudience(key);
      const team = key.startsWith('team:') ? key.slice(5) : undefined;
      entries.forEach((entry, i) => {
        const concern = concerns[i]!;
        // For a team, isStepFor's rule without its key.slice per entry.
        if (team !== undefined ? concern.everyone || concern.teams.has(team) : isStepFor(concern, key)) a.pending.push(eventsForSeat(seat, entry.events));
      });
      a.dirty = true;
      const wait = seesAll(key) && a.cost > this.deps.options.heavyCostMs ? a.lastPublished + Math.max(this.deps.options.heavyIntervalMs, HEAVY_SPACING * a.cost) - now : 0;
      if (wait <= 0) this.flush(key, a);
      else this.schedule(key, a, wait);
    }
  }

  /** See ExerciseHost.sync. */
  sync(key: AudienceKey, lastSeq: number | undefined, deliver: (result: SyncResult) => void): boolean {
    const a = this.audiences.get(key);
    if (!a) return false;
    this.deps.whenSettled(() => {
      if (a.channel.stale) {
        const numbering = this.deps.numbering();
        a.channel.reset(this.deps.engine.project(this.deps.state(), seatOfAudience(key)), viewNumber(this.deps, key), seesAll(key) || numbering.atStep(key));
      }
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
    const numbering = this.deps.numbering();
    const steps = a.pending;
    a.pending = [];
    a.dirty = false;
    // Entries since the last step changed nothing the audience may see numbered: its next step brings the change.
    if (steps.length === 0) return;
    const view = this.deps.engine.project(this.deps.state(), seatOfAudience(key));
    // The pending events are this audience's latest: numbered up to its count of events so far.
    let next = numbering.eventCount(key) - steps.reduce((n, events) => n + events.length, 0) + 1;
    // The pending events are this audience's own copies (eventsForSeat): numbered in place.
    for (const events of steps) for (const e of events) e.seq = next++;
    const numbered = steps;
    const deltas: DeltaMessage[] = [];
    if (seesAll(key)) {
      const delta = a.channel.publish(view, numbered.flat(), this.deps.revision());
      if (delta) deltas.push(delta);
    } else if (a.channel.lastSeq + steps.length !== numbering.viewNumber(key)) {
      // Never expected (the channel and the ledger disagree): start again from the ledger's number;
      // the seats see a gap at the next delta and sync, which sends them the whole view.
      a.channel.reset(view, numbering.viewNumber(key), false);
      return;
    } else {
      for (const events of numbered.slice(0, -1)) deltas.push(a.channel.step(events));
      deltas.push(a.channel.publish(view, numbered.at(-1)!, a.channel.lastSeq + 1, true)!);
    }
    const took = this.deps.now() - started;
    a.cost = a.cost === 0 ? took : a.cost * 0.8 + took * 0.2;
    a.lastPublished = started;
    for (const delta of deltas) {
      this.deps.metrics.deltasSent.inc();
      this.deps.metrics.deltaBytes.observe(Buffer.byteLength(deltaJson(delta)));
      this.deps.transport.delta(this.deps.exerciseId, key, delta);
      // Encoded: the text is not kept with the delta among the audience's recent ones (a white delta's is large).
      forgetDeltaJson(delta);
    }
  }
}
