/**
 * How a seat's copy of its view follows the server (docs/PROTOCOL.md, "Sequence numbers, deltas and
 * catching up"), as pure functions over a small state: the view, `seq` (the `toSeq` of the last
 * message applied) and the event feed. The connection calls these; tests call them directly.
 */
import type { DeltaMessage, SeatEvent, SyncResult } from '../../protocol/socket.ts';
import { patchShared } from '../../protocol/patch.ts';

/** Most events kept in the feed; older ones drop off (the view stays authoritative). */
export const FEED_LIMIT = 2000;

export interface ViewState<V> {
  view: V | null;
  seq: number;
  feed: SeatEvent[];
}

export type DeltaOutcome<V> =
  | { kind: 'applied'; state: ViewState<V> }
  /** Already applied (toSeq <= seq): nothing to do. */
  | { kind: 'stale' }
  /** fromSeq is not our seq: ask the server with `sync({ lastSeq: seq })`. */
  | { kind: 'gap' };

function appendFeed(feed: SeatEvent[], events: readonly SeatEvent[]): SeatEvent[] {
  if (events.length === 0) return feed;
  const last = feed.length > 0 ? (feed[feed.length - 1] as SeatEvent).seq : 0;
  // A reconnect may bring events we already hold; the event seq orders the log.
  const fresh = events.filter((e) => e.seq > last);
  if (fresh.length === 0) return feed;
  const joined = feed.concat(fresh);
  return joined.length > FEED_LIMIT ? joined.slice(joined.length - FEED_LIMIT) : joined;
}

/** Applies one delta message, or says it is stale or leaves a gap. */
export function applyDelta<V>(state: ViewState<V>, delta: DeltaMessage): DeltaOutcome<V> {
  if (delta.toSeq <= state.seq) return { kind: 'stale' };
  if (delta.fromSeq !== state.seq || state.view === null) return { kind: 'gap' };
  const view = delta.patch === undefined ? state.view : patchShared(state.view, delta.patch);
  return { kind: 'applied', state: { view, seq: delta.toSeq, feed: appendFeed(state.feed, delta.events) } };
}

/**
 * Applies a sync result (from `welcome.sync` or a `sync` acknowledgement). Deltas are applied in
 * order; a gap inside them (which a correct server never sends) is reported so the caller resyncs.
 */
export function applySync<V>(state: ViewState<V>, result: SyncResult<V>): { ok: true; state: ViewState<V> } | { ok: false; state: ViewState<V> } {
  switch (result.kind) {
    case 'current':
      return { ok: true, state };
    case 'full':
      return { ok: true, state: { view: result.full.view, seq: result.full.seq, feed: state.feed } };
    case 'deltas': {
      let current = state;
      for (const delta of result.deltas) {
        const outcome = applyDelta(current, delta);
        if (outcome.kind === 'gap') return { ok: false, state: current };
        if (outcome.kind === 'applied') current = outcome.state;
      }
      return { ok: true, state: current };
    }
  }
}

/** Applies queued deltas in order; stops at the first gap (the rest waits for the sync answer). */
export function applyDeltas<V>(state: ViewState<V>, deltas: readonly DeltaMessage[]): { state: ViewState<V>; gap: boolean } {
  let current = state;
  for (const delta of deltas) {
    const outcome = applyDelta(current, delta);
    if (outcome.kind === 'gap') return { state: current, gap: true };
    if (outcome.kind === 'applied') current = outcome.state;
  }
  return { state: current, gap: false };
}
