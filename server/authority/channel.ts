/**
 * One audience's outgoing stream: the last view sent, its revision, and the recent deltas kept for
 * clients that reconnect. `publish` turns a new view into the delta to broadcast; `catchUp` answers
 * a client that holds the view at some revision.
 */
import { diffViews, type DeltaMessage, type SeatEvent, type SyncResult } from '../../protocol/index.ts';

export class AudienceChannel {
  private view: unknown;
  private seq: number;
  /** Recent deltas, oldest first; consecutive (each `fromSeq` is the previous `toSeq`). */
  private readonly recent: DeltaMessage[] = [];
  private isStale: boolean;

  /**
   * A channel starts with the view at revision `seq`, or stale (no view) when `initialView` is
   * undefined: an audience nobody watches is not projected at all until someone joins it.
   */
  constructor(initialView: unknown, seq: number, private readonly keep: number) {
    this.view = initialView;
    this.seq = seq;
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

  /** Starts again from the audience's view at revision `seq`. */
  reset(view: unknown, seq: number): void {
    this.view = view;
    this.seq = seq;
    this.recent.length = 0;
    this.isStale = false;
  }

  /** Revision of the last view sent to this audience. */
  get lastSeq(): number {
    return this.seq;
  }

  get currentView(): unknown {
    return this.view;
  }

  /**
   * Records the audience's view at revision `toSeq` and returns the delta from the previous one,
   * or undefined when the view did not change and there are no events for this audience.
   */
  publish(view: unknown, events: SeatEvent[], toSeq: number): DeltaMessage | undefined {
    if (this.isStale) throw new Error('publish on a stale channel: reset it first');
    const patch = diffViews(this.view, view);
    if (patch === undefined && events.length === 0) return undefined;
    const delta: DeltaMessage = patch === undefined ? { fromSeq: this.seq, toSeq, events } : { fromSeq: this.seq, toSeq, patch, events };
    this.view = view;
    this.seq = toSeq;
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
    if (lastSeq === this.seq) return { ok: true, kind: 'current', seq: this.seq };
    if (lastSeq !== undefined && lastSeq < this.seq) {
      const start = this.recent.findIndex((d) => d.fromSeq === lastSeq);
      if (start !== -1) return { ok: true, kind: 'deltas', deltas: this.recent.slice(start) };
    }
    return { ok: true, kind: 'full', full: { seq: this.seq, view: this.view } };
  }
}
