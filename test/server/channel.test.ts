import { describe, expect, it } from 'vitest';
import type { DeltaMessage, SyncResult } from '../../protocol/index.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';
import { AudienceChannel } from '../../server/authority/channel.ts';
import type { EngineEvent } from '../../engine/index.ts';

const event = (seq: number): EngineEvent => ({ seq, t: seq * 1000, type: 'tick', actor: 'engine', data: {}, audience: ['all'] });

/** Applies a sync result to a client's copy the way docs/PROTOCOL.md tells clients to. */
function apply(client: { seq: number; view: unknown }, result: SyncResult): { seq: number; view: unknown } {
  if (result.kind === 'current') return client;
  if (result.kind === 'full') return { seq: result.full.seq, view: result.full.view };
  let { seq, view } = client;
  for (const d of result.deltas) {
    expect(d.fromSeq).toBe(seq);
    view = applyViewPatch(view, d.patch);
    seq = d.toSeq;
  }
  return { seq, view };
}

describe('audience channel', () => {
  it('sends nothing when neither the view nor the events changed', () => {
    const channel = new AudienceChannel({ t: 0 }, 0, 10);
    expect(channel.publish({ t: 0 }, [], 1)).toBeUndefined();
    expect(channel.lastSeq).toBe(0);
    const delta = channel.publish({ t: 0 }, [event(1)], 2) as DeltaMessage;
    expect(delta).toEqual({ fromSeq: 0, toSeq: 2, events: [event(1)] });
  });

  it('chains deltas so that a client following them holds the current view', () => {
    const channel = new AudienceChannel({ t: 0, list: [] as number[] }, 0, 10);
    let client = { seq: 0, view: channel.currentView };
    for (let rev = 1; rev <= 5; rev++) {
      const delta = channel.publish({ t: rev, list: Array.from({ length: rev }, (_, i) => i) }, [], rev * 2)!;
      expect(delta.fromSeq).toBe(client.seq);
      client = { seq: delta.toSeq, view: applyViewPatch(client.view, delta.patch) };
    }
    expect(client).toEqual({ seq: 10, view: { t: 5, list: [0, 1, 2, 3, 4] } });
  });

  it('catches a client up with the deltas it missed, or the full view when they are gone', () => {
    const channel = new AudienceChannel({ t: 0 }, 0, 3);
    const held = { seq: 0, view: channel.currentView };
    const views = [1, 2, 3, 4, 5].map((t) => ({ t }));
    const states = [held];
    views.forEach((v, i) => {
      channel.publish(v, [], i + 1);
      states.push({ seq: i + 1, view: v });
    });
    expect(channel.catchUp(5)).toEqual({ ok: true, kind: 'current', seq: 5 });
    const fromThree = channel.catchUp(3);
    expect(fromThree.kind).toBe('deltas');
    expect(apply(states[3]!, fromThree)).toEqual({ seq: 5, view: { t: 5 } });
    // Only the last 3 deltas are kept: from revision 1 the deltas 1->2 is gone.
    expect(channel.catchUp(1)).toEqual({ ok: true, kind: 'full', full: { seq: 5, view: { t: 5 } } });
    // A client that claims a revision the server never reached (a restarted server, a stale tab).
    expect(channel.catchUp(99).kind).toBe('full');
    expect(channel.catchUp(undefined).kind).toBe('full');
  });
});

describe('audience channel without listeners', () => {
  it('starts stale when given no view, and refuses to publish or answer until reset', () => {
    const channel = new AudienceChannel(undefined, 7, 10);
    expect(channel.stale).toBe(true);
    expect(() => channel.publish({ t: 1 }, [], 8)).toThrow(/stale/);
    expect(() => channel.catchUp(7)).toThrow(/stale/);
    channel.reset({ t: 8 }, 8);
    expect(channel.catchUp(8)).toEqual({ ok: true, kind: 'current', seq: 8 });
    expect(channel.catchUp(3)).toEqual({ ok: true, kind: 'full', full: { seq: 8, view: { t: 8 } } });
  });

  it('forgets its deltas when marked stale, so a later client gets a fresh full view', () => {
    const channel = new AudienceChannel({ t: 0 }, 0, 10);
    channel.publish({ t: 1 }, [], 1);
    channel.markStale();
    channel.reset({ t: 5 }, 5);
    expect(channel.catchUp(0)).toEqual({ ok: true, kind: 'full', full: { seq: 5, view: { t: 5 } } });
    expect(channel.publish({ t: 6 }, [], 6)).toEqual({ fromSeq: 5, toSeq: 6, patch: { t: [0, 6] }, events: [] });
  });
});

describe('audience channel numbered by steps', () => {
  it('a step brings events and keeps the view; the last step of a publication brings the change', () => {
    const channel = new AudienceChannel({ t: 0 }, 0, 10);
    expect(channel.step([event(1)])).toEqual({ fromSeq: 0, toSeq: 1, events: [event(1)] });
    // A step always counts, even when nothing changed (the number is the ledger's, not the view's).
    expect(channel.publish({ t: 0 }, [], 2, true)).toEqual({ fromSeq: 1, toSeq: 2, events: [] });
    expect(channel.publish({ t: 3 }, [event(2)], 3, true)).toEqual({ fromSeq: 2, toSeq: 3, patch: { t: [0, 3] }, events: [event(2)] });
    const held = { seq: 0, view: { t: 0 } as unknown };
    expect(apply(held, channel.catchUp(0))).toEqual({ seq: 3, view: { t: 3 } });
  });

  it('rebuilt after unnumbered changes, gives a seat holding its number the whole view, then deltas again', () => {
    const channel = new AudienceChannel(undefined, 0, 10);
    channel.reset({ t: 9 }, 4, false);
    // A seat holding number 4 from before may hold another view: it is not current.
    expect(channel.catchUp(4)).toEqual({ ok: true, kind: 'full', full: { seq: 4, view: { t: 9 } } });
    channel.step([]);
    // Nor may it catch up by the deltas from 4: they apply to the rebuilt view, not to the one it holds.
    expect(channel.catchUp(4).kind).toBe('full');
    expect(channel.catchUp(5)).toEqual({ ok: true, kind: 'current', seq: 5 });
    channel.publish({ t: 10 }, [], 6, true);
    expect(channel.catchUp(5)).toMatchObject({ ok: true, kind: 'deltas' });
  });
});
