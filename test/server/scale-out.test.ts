/**
 * Scale-out against the real PostgreSQL and Redis: two `ramparts serve` processes share a schema
 * and a Redis stream. Seats on either process see the exercise; a command sent through one reaches
 * the right seats on the other and no other team's; SIGKILL the owner and the other process takes
 * the exercise over from the log, its seats carry on, and every acknowledged command is stored.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { PROTOCOL_VERSION, type CreateExerciseResponse, type DeltaMessage } from '../../protocol/index.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { ChildServer } from './child-server.ts';
import { startClusterChild } from './cluster-child.ts';
import type { BlueView } from '../../engine/index.ts';
import { FIXTURES, api, caughtUp, createExercise, joinSeat, seatJoiner, seatToken, until, type Seat } from './helpers.ts';
import { TEST_PG } from './pg-env.ts';
import { HANG_MS } from '../timeouts.ts';

/** True when `command` has every field of `body`, equal. */
const isMatch = (command: unknown, body: Record<string, unknown>): boolean =>
  Object.entries(body).every(([key, value]) => JSON.stringify((command as Record<string, unknown>)[key]) === JSON.stringify(value));

const schema = `ramparts_test_${randomBytes(6).toString('hex')}`;
const schema2 = `ramparts_test_${randomBytes(6).toString('hex')}`;
const children: ChildServer[] = [];
const seats: Seat[] = [];
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

afterAll(async () => {
  for (const seat of seats) seat.close();
  for (const child of children) await child.kill();
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`DROP SCHEMA IF EXISTS ${schema2} CASCADE`);
  await client.end();
});

describe('two server processes on PostgreSQL and Redis', () => {
  it('serves any seat on any process, keeps teams apart, and survives SIGKILL of the owner', async () => {
    const a = await startClusterChild(TEST_PG, schema, FIXTURES);
    children.push(a);
    const b = await startClusterChild(TEST_PG, schema, FIXTURES);
    children.push(b);
    const ex: CreateExerciseResponse = await createExercise(a.url, 'minimal', 'realtime', 5);
    const token = (seat: string) => seatToken(ex, seat);
    const join = seatJoiner(ex, seats);
    const controller = await join(a.url, 'controller');
    const kwOnB = await join(b.url, 'blue:kw');
    const omOnB = await join(b.url, 'blue:om');
    const controllerOnB = await join(b.url, 'controller');
    expect(kwOnB.welcome.seat).toMatchObject({ role: 'blue', team: 'kw' });
    const acked: { seq: number; body: Record<string, unknown> }[] = [];
    const send = async (seat: Seat, body: Record<string, unknown>) => {
      const reply = await seat.command(body);
      expect(reply, JSON.stringify(body)).toMatchObject({ ok: true });
      if (reply.ok) acked.push({ seq: reply.seq, body });
      return reply.ok ? reply.seq : -1;
    };

    // Through A (the owner) to seats on B. (Acknowledgements carry each seat's own view number, so a
    // seat waits for what it should see, not for another seat's number.)
    await send(controller, { type: 'start' });
    await until(kwOnB, () => (kwOnB.view as BlueView).clock.phase === 'running', 'the start on B');
    // Through B (forwarded to the owner) to the controller on A; the other team never sees it.
    const secret = `kw only ${randomBytes(4).toString('hex')}`;
    const sitrep = await send(kwOnB, { type: 'sitrep', text: secret, severity: 'low' });
    await until(controller, () => JSON.stringify(controller.deltas).includes(secret), 'the sitrep on A');
    await until(kwOnB, () => kwOnB.lastSeq >= sitrep, 'the sitrep on B');
    expect(JSON.stringify(kwOnB.deltas)).toContain(secret);
    await send(controller, { type: 'speed', speed: 7 });
    await until(omOnB, () => (omOnB.view as BlueView).clock.speed === 7, 'the speed change on B');
    expect(omOnB.frames.join('\n')).not.toContain(secret);
    for (let i = 0; i < 5; i++) await send(omOnB, { type: 'sitrep', text: `om #${i}`, severity: 'low' });

    // Both seats on B have everything the owner published, so any gap later would be the takeover's.
    await caughtUp(kwOnB, 'the last delta before the kill (kw)');
    await caughtUp(omOnB, 'the last delta before the kill (om)');
    const commandsBeforeKill = acked.length;

    // B does not own the exercise, yet its REST API answers from the shared store.
    const summaryOnB = await api<{ revision: number; exerciseId: string; stateHash?: string }>(b.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, token('controller'));
    expect(summaryOnB.status).toBe(200);
    expect(summaryOnB.body).toMatchObject({ exerciseId: ex.exerciseId });
    expect(summaryOnB.body.revision).toBeGreaterThanOrEqual(commandsBeforeKill);
    const logOnB = await api<string>(b.url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, token('controller'));
    expect(logOnB.status).toBe(200);
    expect(String(logOnB.body)).toContain(secret);
    expect((await api(b.url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, token('blue:kw'))).status).toBe(403);

    // SIGKILL the owner: B adopts the exercise from the log once A's lease expires.
    await a.kill();
    // The recovery pauses the real-time exercise: the controller on B resumes it once B owns it.
    const replies: string[] = [];
    let resumed: number | undefined;
    // Until B owns it (after A's lease runs out): a condition, however long the machine takes.
    for (let attempt = 0; attempt < HANG_MS / 250 && resumed === undefined; attempt++) {
      const reply = await controllerOnB.command({ type: 'resume' });
      if (reply.ok) resumed = reply.seq;
      else {
        replies.push(reply.code);
        await sleep(250);
      }
    }
    expect(resumed, replies.join(', ')).toBeDefined();
    acked.push({ seq: resumed!, body: { type: 'resume' } });
    const after = await send(kwOnB, { type: 'sitrep', text: 'after the takeover', severity: 'low' });
    await until(kwOnB, () => kwOnB.lastSeq >= after, 'the first command after the takeover');
    // The seats on B carried on: same sockets, no gap (the recovery pause reached them as a delta).
    expect(kwOnB.socket.connected).toBe(true);
    expect(kwOnB.gaps).toBe(0);
    await until(omOnB, () => omOnB.deltas.some((d) => d.events.some((e) => e.type === 'exercise.resumed')), 'the takeover on the other team');
    expect(omOnB.gaps).toBe(0);
    expect(kwOnB.deltas.some((d) => d.events.some((e) => e.type.includes('pause')))).toBe(true);

    const store = await PostgresStore.open(TEST_PG, { schema });
    const log = await store.readLog(ex.exerciseId);
    await store.close();
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    // Every acknowledged command is in the log, in the order acknowledged (found by what it is).
    let at = 0;
    for (const { body } of acked) {
      const found = log.findIndex((e, i) => i >= at && isMatch(e.command, body));
      expect(found, `acknowledged ${JSON.stringify(body)}, not in the log after entry ${at}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(log.some((e) => (e.command as { type?: string }).type === 'pause')).toBe(true);
  });

  it('gives a seat that lost its connection the packets it missed (connection state recovery)', async () => {
    const a = await startClusterChild(TEST_PG, schema2, FIXTURES);
    children.push(a);
    const b = await startClusterChild(TEST_PG, schema2, FIXTURES);
    children.push(b);
    const ex: CreateExerciseResponse = await createExercise(a.url, 'minimal', 'realtime', 5);
    const token = (seat: string) => ex.seats.find((s) => s.seat === seat)!.token;
    const controller = await joinSeat(a.url, ex.exerciseId, token('controller'));
    seats.push(controller);
    const socket = connect(b.url, { auth: { exerciseId: ex.exerciseId, token: token('blue:kw'), protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    const deltas: DeltaMessage[] = [];
    socket.on('delta', (delta) => void deltas.push(delta));
    await new Promise((done) => socket.once('welcome', done));
    // Cut the connection (as a network drop would), send while it is down, then reconnect.
    const down = new Promise((done) => socket.once('disconnect', done));
    (socket.io as unknown as { engine: { close(): void } }).engine.close();
    await down;
    const reply = await controller.command({ type: 'start' });
    expect(reply.ok).toBe(true);
    const back = new Promise((done) => socket.once('connect', () => done(undefined)));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    const started = () => deltas.some((d) => d.events.some((e) => e.type === 'exercise.started'));
    for (let i = 0; i < HANG_MS / 25 && !started(); i++) await sleep(25);
    socket.close();
    expect(started()).toBe(true);
  });
});
