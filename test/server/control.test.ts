/**
 * The controller's controls over real sockets: tabletop moves, jump to the next inject, ad-hoc
 * injects, adjudication of situation reports and inject answers, speed, pause and end; and what
 * the blue seats see of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlueView, WhiteView } from '../../engine/index.ts';
import type { CreateExerciseResponse } from '../../protocol/index.ts';
import { createExercise, joinSeat, seesNow, startTestServer, until, type Seat, type TestServer } from './helpers.ts';

let server: TestServer;
const seats: Seat[] = [];

async function join(ex: CreateExerciseResponse, seat: string): Promise<Seat> {
  const s = await joinSeat(server.url, ex.exerciseId, ex.seats.find((x) => x.seat === seat)!.token);
  seats.push(s);
  return s;
}

/** Sends a command, expects it accepted, and waits until `seat` has seen it. */
async function ok(from: Seat, body: unknown, seat: Seat = from): Promise<void> {
  const reply = await from.command(body);
  if (!reply.ok) throw new Error(`${JSON.stringify(body)}: ${reply.code} ${reply.message}`);
  await seesNow(server, seat, JSON.stringify(body));
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of seats) s.close();
  await server?.dispose();
});

describe('controller controls', () => {
  it('tabletop: moves, ad-hoc injects, adjudication of reports and answers, end', async () => {
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const white = await join(ex, 'controller');
    const kw = await join(ex, 'blue:kw');
    const om = await join(ex, 'blue:om');
    const wv = () => white.view as WhiteView;
    const kv = () => kw.view as BlueView;

    await ok(white, { type: 'start' });
    await ok(white, { type: 'move', move: 'm2' }, kw);
    expect(kv().clock.t).toBe(4 * 3_600_000);
    expect(kv().clock.move?.id).toBe('m2');

    await ok(white, { type: 'adhoc-inject', inject: { title: 'Call the ministry', to: ['kw'], channel: 'phone', from: { name: 'Duty officer' }, content: 'Status please.' } }, kw);
    const adhoc = kv().inbox.find((i) => i.title === 'Call the ministry');
    expect(adhoc).toBeDefined();

    await ok(kw, { type: 'answer-inject', inject: adhoc!.inject, text: 'All systems nominal.' }, white);
    await ok(kw, { type: 'sitrep', text: 'Quiet shift.', severity: 'low' }, white);
    const queue = wv().adjudication;
    expect(queue.map((q) => q.kind).sort()).toEqual(['answer', 'sitrep']);
    const sitrep = queue.find((q) => q.kind === 'sitrep')!;
    await ok(white, { type: 'adjudicate', item: { kind: 'sitrep', id: (sitrep as { id: string }).id }, grade: 80, comment: 'Clear.' }, kw);
    await ok(white, { type: 'adjudicate', item: { kind: 'answer', inject: adhoc!.inject, team: 'kw' }, grade: 60 }, kw);
    expect(kv().sitreps[0]).toMatchObject({ grade: 80, comment: 'Clear.' });
    expect(kv().inbox.find((i) => i.inject === adhoc!.inject)).toMatchObject({ grade: 60 });

    await ok(white, { type: 'end' }, om);
    await seesNow(server, kw, 'the end');
    expect(kv().clock.phase).toBe('ended');
    expect(await white.command({ type: 'resume' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    // The ad-hoc inject, the answer and the grades were kw's alone.
    const omWire = om.frames.join('\n');
    for (const text of ['Call the ministry', 'All systems nominal.', 'Quiet shift.', 'Clear.']) expect(omWire.includes(text), text).toBe(false);
    expect(kw.frames.join('\n').includes('Call the ministry')).toBe(true);
  });

  it('real time: speed, pause and resume reach every seat; a jump to the next inject delivers it', async () => {
    const ex = await createExercise(server.url, 'minimal', 'realtime');
    const white = await join(ex, 'controller');
    const kw = await join(ex, 'blue:kw');
    const kv = () => kw.view as BlueView;
    await ok(white, { type: 'start' }, kw);
    await ok(white, { type: 'speed', speed: 100 }, kw);
    expect(kv().clock).toMatchObject({ phase: 'running', speed: 100 });
    // Simulated time follows the wall clock: wait until it has moved on (no timing is asserted).
    await until(kw, () => kv().clock.t > 60_000, 'simulated time to pass');
    await ok(white, { type: 'pause' }, kw);
    const pausedAt = kv().clock.t;
    expect(kv().clock.phase).toBe('paused');
    // The pause's own delta is the last: the driver stopped with the clock.
    const host = server.manager.host(ex.exerciseId)!;
    await host.settled(() => undefined);
    const seqAtPause = host.seq;
    await ok(white, { type: 'speed', speed: 1 }, kw);
    expect(host.seq).toBe(seqAtPause + 1);
    expect(kv().clock.t).toBe(pausedAt);
    await ok(white, { type: 'resume' }, kw);
    expect(kv().clock).toMatchObject({ phase: 'running', speed: 1 });
    const before = kv().inbox.length;
    await ok(white, { type: 'jump-to-next-inject' }, kw);
    expect(
      kv()
        .inbox.slice(before)
        .map((i) => i.inject),
    ).toEqual(['news-1']);
    expect(kv().clock.t).toBeGreaterThanOrEqual(3_600_000);
  });
});
