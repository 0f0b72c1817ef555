import { describe, expect, it } from 'vitest';
import { diffViews } from '../../protocol/delta.ts';
import type { DeltaMessage } from '../../protocol/socket.ts';
import type { EngineEvent } from '../../engine/types.ts';
import { applyDelta, applyDeltas, applySync, FEED_LIMIT, type ViewState } from '../../client/store/apply.ts';
import { advance, HOUR, startExercise, views } from './engine-views.ts';

const ev = (seq: number): EngineEvent => ({ seq, t: seq * 1000, type: 'score', actor: 'engine', data: {}, audience: ['all'] });

describe('following the server', () => {
  const state = startExercise();
  const team = 'xs';
  const v0 = views.blue(state, team);
  advance(state, HOUR);
  const v1 = views.blue(state, team);
  advance(state, 2 * HOUR);
  const v2 = views.blue(state, team);
  const d01: DeltaMessage = { fromSeq: 2, toSeq: 3, patch: diffViews(v0, v1), events: [ev(10), ev(11)] };
  const d12: DeltaMessage = { fromSeq: 3, toSeq: 5, patch: diffViews(v1, v2), events: [ev(12)] };
  const start: ViewState<typeof v0> = { view: v0, seq: 2, feed: [] };

  it('applies a delta whose fromSeq is ours and moves seq to its toSeq', () => {
    expect(v1).not.toEqual(v0); // an hour changes the blue view (clock, score, alerts)
    const out = applyDelta(start, d01);
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.state.view).toEqual(v1);
    expect(out.state.seq).toBe(3);
    expect(out.state.feed.map((e) => e.seq)).toEqual([10, 11]);
  });

  it('ignores a delta already applied and reports a gap for one from further on', () => {
    expect(applyDelta({ ...start, seq: 3 }, d01).kind).toBe('stale');
    expect(applyDelta(start, d12).kind).toBe('gap');
    expect(applyDelta({ view: null, seq: 0, feed: [] }, d01).kind).toBe('gap');
  });

  it('applies queued deltas in order and stops at a gap', () => {
    const both = applyDeltas(start, [d01, d12]);
    expect(both.gap).toBe(false);
    expect(both.state.view).toEqual(v2);
    expect(both.state.seq).toBe(5);
    const holed = applyDeltas(start, [d12, d01]);
    expect(holed.gap).toBe(true);
    expect(holed.state).toBe(start);
  });

  it('applies sync results: full view, missed deltas, or nothing', () => {
    const full = applySync(start, { ok: true, kind: 'full', full: { seq: 9, view: v2 } });
    expect(full.ok && full.state.seq).toBe(9);
    expect(full.state.view).toBe(v2);
    const deltas = applySync(start, { ok: true, kind: 'deltas', deltas: [d01, d12] });
    expect(deltas.ok).toBe(true);
    expect(deltas.state.view).toEqual(v2);
    expect(applySync(start, { ok: true, kind: 'current', seq: 2 }).state).toBe(start);
    expect(applySync(start, { ok: true, kind: 'deltas', deltas: [d12] }).ok).toBe(false);
  });

  it('keeps events once (a reconnect may repeat them) and at most FEED_LIMIT of them', () => {
    const first = applyDelta(start, d01);
    if (first.kind !== 'applied') throw new Error('expected applied');
    const again = applyDelta({ ...first.state, seq: 2 }, { ...d01, events: [ev(11), ev(12)] });
    if (again.kind !== 'applied') throw new Error('expected applied');
    expect(again.state.feed.map((e) => e.seq)).toEqual([10, 11, 12]);
    const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => ev(i + 1));
    const big = applyDelta(start, { fromSeq: 2, toSeq: 3, events: many });
    if (big.kind !== 'applied') throw new Error('expected applied');
    expect(big.state.feed).toHaveLength(FEED_LIMIT);
    expect(big.state.feed[0]?.seq).toBe(6);
    expect(big.state.view).toBe(v0); // no patch: the view is untouched
  });
});
