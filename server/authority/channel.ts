/**
 * One audience's outgoing stream: the last view sent, its number (the audience's view number,
 * numbering.ts), and the recent deltas kept for clients that reconnect. `publish` turns a new view
 * into the delta to broadcast, `step` numbers a step that brings events only; `catchUp` answers a
 * client that holds the view at some number.
 */
import { diffViews, type DeltaMessage, type SeatEvent, type SyncResult } from '../../protocol/index.ts';

export class AudienceChannel {
  private view: unknown;
  private seq: number;
  /** Recent deltas, oldest first; consecutive (each `fromSeq` is the previous `toSeq`). */
  private readonly recent: DeltaMessage[] = [];
  private isStale: boolean;
  /**
   * The lowest number a seat may catch up from by deltas or be told it is current: after a rebuild
   * that followed entries which may have changed the view unnumbered, a seat holding the rebuilt
   * number from before may hold another view, so it gets the whole view again.
   */
  private floor: number;

  /**
   * A channel starts with the view at revision `seq`, or stale (no view) when `initialView` is
   * undefined: an audience nobody watches is not projected at all until someone joins it.
   */
  constructor(
    initialView: unknown,
    seq: number,
    private readonly keep: number,
  ) {
    this.view = initialView;
    this.seq = seq;
    this.floor = seq;
    this.isStale = initialView === undefined;
  }

  /** True when the channel holds no current view (nobody was listening); `reset` before use. */
  get stale(): boolean {
    return this.isStale;
  }

  /** Forgets the view and the kept deltas: nobody listens, so there is nothing to keep current. */
  markStale(): void {
    this.isStale = true;
    this.view = undefined;
    this.recent.length = 0;
  }

  /**
   * Starts again from the audience's view numbered `seq`; `exact` false when the view may differ
   * from the one a seat holding `seq` got (entries after its last step changed it unnumbered).
   */
  reset(view: unknown, seq: number, exact = true): void {
    this.view = view;
    this.seq = seq;
    this.floor = exact ? seq : seq + 1;
    this.recent.length = 0;
    this.isStale = false;
  }

  /** Number of the last view sent to this audience. */
  get lastSeq(): number {
    return this.seq;
  }

  get currentView(): unknown {
    return this.view;
  }

  /**
   * Records the audience's view numbered `toSeq` and returns the delta from the previous one, or
   * (unless `always`) undefined when the view did not change and there are no events for it.
   */
  publish(view: unknown, events: SeatEvent[], toSeq: number, always = false): DeltaMessage | undefined {
    if (this.isStale) throw new Error('publish on a stale channel: reset it first');
    const patch = diffViews(this.view, view);
    if (patch === undefined && events.length === 0 && !always) return undefined;
    const delta: DeltaMessage = patch === undefined ? { fromSeq: this.seq, toSeq, events } : { fromSeq: this.seq, toSeq, patch, events };
    this.view = view;
    return this.keepDelta(delta);
  }

  /** One step that brings `events` and leaves the view as it is (the view's change goes with the last step). */
  step(events: SeatEvent[]): DeltaMessage {
    if (this.isStale) throw new Error('step on a stale channel: reset it first');
    return this.keepDelta({ fromSeq: this.seq, toSeq: this.seq + 1, events });
  }

  private keepDelta(delta: DeltaMessage): DeltaMessage {
    this.seq = delta.toSeq;
    this.recent.push(delta);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    return delta;
  }

  /**
   * How a client holding the view at `lastSeq` gets current: nothing, the deltas it missed (when
   * they are all still kept), or the full view.
   */
  catchUp(lastSeq: number | undefined): SyncResult {
    if (this.isStale) throw new Error('catch-up on a stale channel: reset it first');
    if (lastSeq !== undefined && lastSeq < this.floor) return { ok: true, kind: 'full', full: { seq: this.seq, view: this.view } };
    if (lastSeq === this.seq) return { ok: true, kind: 'current', seq: this.seq };
    if (lastSeq !== undefined && lastSeq < this.seq) {
      const start = this.recent.findIndex((d) => d.fromSeq === lastSeq);
      if (start !== -1) return { ok: true, kind: 'deltas', deltas: this.recent.slice(start) };
    }
    return { ok: true, kind: 'full', full: { seq: this.seq, view: this.view } };
  }
}
