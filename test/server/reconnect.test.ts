/**
 * Deltas, sequence numbers and catching up: a client that follows deltas, reconnects with its last
 * sequence number, or sees a gap, always ends up with exactly its audience's current view.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, type BlueView, type ExerciseState } from '../../engine/index.ts';
import type { CreateExerciseResponse, DeltaMessage, SyncResult } from '../../protocol/index.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';
import { defaultConfig } from '../../server/config.ts';
import { applySync, createExercise, joinSeat, seesNow, startTestServer, until, type Seat, type TestServer } from './helpers.ts';

const KEEP = 4;
let server: TestServer;
let ex: CreateExerciseResponse;
let controller: Seat;
let kw: Seat;
const token = (seat: string) => ex.seats.find((s) => s.seat === seat)!.token;
const state = () => server.manager.host(ex.exerciseId)!.currentState as ExerciseState;
const kwView = () => project(state(), { role: 'blue', team: 'kw' });

/** A change kw's audience sees (its own situation report). */
async function kwChange(text: string): Promise<number> {
  const reply = await kw.command({ type: 'sitrep', text, severity: 'low' });
  if (!reply.ok) throw new Error(reply.message);
  await until(kw, () => kw.lastSeq === reply.seq, 'kw to see its change');
  return reply.seq;
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ramparts-reconnect-'));
  server = await startTestServer({ deltas: { ...defaultConfig().deltas, keep: KEEP } }, dataDir);
  ex = await createExercise(server.url, 'minimal', 'tabletop');
  controller = await joinSeat(server.url, ex.exerciseId, token('controller'));
  kw = await joinSeat(server.url, ex.exerciseId, token('blue:kw'));
  expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
  await until(kw, () => (kw.view as BlueView).clock.phase === 'running', 'the start');
});

afterAll(async () => {
  controller?.close();
  kw?.close();
  await server?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('deltas', () => {
  it('carry consecutive sequence numbers per audience and rebuild the projection', async () => {
    await kwChange('one');
    expect(await controller.command({ type: 'advance', to: 3_600_000 })).toMatchObject({ ok: true });
    await kwChange('two');
    for (let i = 1; i < kw.deltas.length; i++) expect(kw.deltas[i]!.fromSeq).toBe(kw.deltas[i - 1]!.toSeq);
    expect(kw.gaps).toBe(0);
    expect(kw.view).toEqual(kwView());
    // Audiences skip revisions that do not concern them: the controller saw more deltas (once it
    // holds the current view: under load its view may be heavy, sent on an interval).
    await seesNow(server, controller, 'the controller');
    expect(controller.deltas.length).toBeGreaterThanOrEqual(kw.deltas.length);
  });

  it('reach a seat only with events its audience may see', async () => {
    const om = await joinSeat(server.url, ex.exerciseId, token('blue:om'));
    try {
      await kwChange('kw only');
      await seesNow(server, controller, 'the controller');
      expect(om.deltas.flatMap((d) => d.events).some((e) => e.type === 'sitrep.filed')).toBe(false);
      expect(controller.deltas.flatMap((d) => d.events).some((e) => e.type === 'sitrep.filed' && (e.data as { text: string }).text === 'kw only')).toBe(true);
    } finally {
      om.close();
    }
  });
});

describe('catching up', () => {
  it('a reconnecting client with a recent lastSeq gets the deltas it missed', async () => {
    const second = await joinSeat(server.url, ex.exerciseId, token('blue:kw'));
    const held = { view: second.view, lastSeq: second.lastSeq };
    second.close();
    await kwChange('missed 1');
    await kwChange('missed 2');
    const back = await joinSeat(server.url, ex.exerciseId, token('blue:kw'), held);
    try {
      expect(back.welcome.sync.kind).toBe('deltas');
      expect(back.lastSeq).toBe(kw.lastSeq);
      expect(back.view).toEqual(kwView());
    } finally {
      back.close();
    }
  });

  it('falls back to the full view when the missed deltas are no longer kept', async () => {
    const second = await joinSeat(server.url, ex.exerciseId, token('blue:kw'));
    const held = { lastSeq: second.lastSeq, view: second.view };
    second.close();
    for (let i = 0; i < KEEP + 1; i++) await kwChange(`many ${i}`);
    const back = await joinSeat(server.url, ex.exerciseId, token('blue:kw'), held);
    try {
      expect(back.welcome.sync).toEqual({ ok: true, kind: 'full', full: { seq: kw.lastSeq, view: kwView() } });
    } finally {
      back.close();
    }
  });

  it('a client that sees a gap asks with sync and gets deltas, the full view or "current"', async () => {
    const raw = await joinSeat(server.url, ex.exerciseId, token('blue:kw'));
    try {
      // Simulate a lost delta: keep the view from before it and ask again.
      const before = { view: raw.view, lastSeq: raw.lastSeq };
      await kwChange('lost');
      await kwChange('after the loss');
      const reply = (await raw.socket.emitWithAck('sync', { lastSeq: before.lastSeq })) as SyncResult;
      expect(reply.kind).toBe('deltas');
      applySync(before, reply);
      expect(before).toEqual({ view: kwView(), lastSeq: kw.lastSeq });
      expect(await raw.socket.emitWithAck('sync', { lastSeq: kw.lastSeq })).toEqual({ ok: true, kind: 'current', seq: kw.lastSeq });
      const full = (await raw.socket.emitWithAck('sync', {})) as SyncResult;
      expect(full).toEqual({ ok: true, kind: 'full', full: { seq: kw.lastSeq, view: kwView() } });
      expect(await raw.socket.emitWithAck('sync', { lastSeq: -3 })).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    } finally {
      raw.close();
    }
  });

  it('a live client that detects a gap recovers by itself', async () => {
    const seat = await joinSeat(server.url, ex.exerciseId, token('blue:kw'));
    try {
      // Drop the next delta before the seat's handler sees it.
      const dropped: DeltaMessage[] = [];
      const listeners = seat.socket.listeners('delta');
      seat.socket.off('delta');
      seat.socket.on('delta', (d: DeltaMessage) => {
        if (dropped.length === 0) dropped.push(d);
        else for (const l of listeners) (l as (x: DeltaMessage) => void)(d);
      });
      await kwChange('dropped');
      const last = await kwChange('seen');
      await until(seat, () => seat.lastSeq === last, 'the recovery');
      expect(seat.gaps).toBe(1);
      expect(seat.view).toEqual(kwView());
      expect(applyViewPatch(seat.view, undefined)).toEqual(seat.view);
    } finally {
      seat.close();
    }
  });
});

describe('after a restart', () => {
  it('sequence numbers survive: a current client stays current, an older one gets the full view', async () => {
    const held = { lastSeq: kw.lastSeq, view: kw.view };
    kw.close();
    controller.close();
    await server.close();
    server = await startTestServer({ deltas: { ...defaultConfig().deltas, keep: KEEP } }, dataDir);
    const back = await joinSeat(server.url, ex.exerciseId, token('blue:kw'), held);
    expect(back.welcome.sync).toEqual({ ok: true, kind: 'current', seq: held.lastSeq });
    expect(held.view).toEqual(kwView());
    const old = await joinSeat(server.url, ex.exerciseId, token('blue:kw'), { lastSeq: held.lastSeq - 1, view: held.view });
    expect(old.welcome.sync.kind).toBe('full');
    kw = back;
    controller = old;
    const seq = await kwChange('after restart');
    expect(seq).toBe(held.lastSeq + 1);
    expect(back.view).toEqual(kwView());
  });

  it("another team's commands do not move a seat's numbers; after a restart that followed them, its view is sent again", async () => {
    const om = await joinSeat(server.url, ex.exerciseId, token('blue:om'));
    try {
      const before = kw.lastSeq;
      const host = server.manager.host(ex.exerciseId)!;
      const revision = host.seq;
      for (const text of ['om 1', 'om 2', 'om 3']) expect(await om.command({ type: 'sitrep', text, severity: 'low' })).toMatchObject({ ok: true });
      await host.idle();
      expect(host.seq).toBe(revision + 3);
      expect(host.viewNumber('team:kw')).toBe(before);
      expect(kw.lastSeq).toBe(before);
      // The last entries are not kw's steps: a restarted server cannot tell that kw's view is as it
      // was at its number, so a seat holding it gets the whole view (never "current" on a guess).
      const held = { lastSeq: kw.lastSeq, view: kw.view };
      kw.close();
      controller.close();
      om.close();
      await server.close();
      server = await startTestServer({ deltas: { ...defaultConfig().deltas, keep: KEEP } }, dataDir);
      kw = await joinSeat(server.url, ex.exerciseId, token('blue:kw'), held);
      controller = await joinSeat(server.url, ex.exerciseId, token('controller'));
      expect(kw.welcome.sync).toEqual({ ok: true, kind: 'full', full: { seq: held.lastSeq, view: kwView() } });
      expect(await kwChange('after the second restart')).toBe(held.lastSeq + 1);
      expect(kw.view).toEqual(kwView());
    } finally {
      om.close();
    }
  });
});
