/**
 * The client's connection (client/net/connection.ts) against the real server, in Node: joining a
 * seat, commands and their acknowledgements, following deltas, catching up after a dropped
 * transport, coming back after a server restart, and a refused token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlueView, WhiteView } from '../../engine/types.ts';
import type { CreateExerciseResponse } from '../../protocol/rest.ts';
import { connect, type Connection } from '../../client/net/connection.ts';
import { createSessionStore, type SessionState, type SessionStore } from '../../client/store/session.ts';
import { defaultConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN, operatorHeaders } from '../server/operator-token.ts';

const ROOT = join(import.meta.dirname, '../..');

function until(store: SessionStore, test: (s: SessionState) => boolean, what: string, ms = HANG_MS): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; state: ${JSON.stringify({ status: store.getState().status, seq: store.getState().seq, error: store.getState().error })}`));
    }, ms);
    const stop = store.subscribe((s) => {
      if (test(s)) {
        clearTimeout(timer);
        stop();
        resolve(s);
      }
    });
  });
}

const tokenOf = (created: CreateExerciseResponse, seat: string) => created.seats.find((s) => s.seat === seat)?.token as string;

describe('client connection against the real server', () => {
  let dataDir: string;
  let server: RunningServer;
  let created: CreateExerciseResponse;
  const open: Connection[] = [];
  const start = (port: number) =>
    startServer(
      defaultConfig({
        port,
        host: '127.0.0.1',
        dataDir,
        scenariosDir: join(ROOT, 'scenarios'),
        distDir: join(dataDir, 'no-dist'),
        logLevel: 'error',
        operatorToken: TEST_OPERATOR_TOKEN,
      }),
      { logger: silentLogger },
    );
  const join_ = (seat: string) => {
    const store = createSessionStore();
    const connection = connect(store, created.exerciseId, tokenOf(created, seat), server.url);
    open.push(connection);
    return { store, connection };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ramparts-client-'));
    server = await start(0);
    const res = await fetch(`${server.url}/api/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...operatorHeaders() },
      body: JSON.stringify({ scenario: 'gulf-shield-2026', mode: 'realtime', seed: 3 }),
    });
    created = (await res.json()) as CreateExerciseResponse;
    expect(created.ok).toBe(true);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('joins a seat, gets its view, sends commands and follows the deltas', async () => {
    const control = join_('controller');
    const joined = await until(control.store, (s) => s.status === 'online' && s.view !== null, 'the welcome');
    expect(joined.seat?.role).toBe('white');
    expect(joined.view?.kind).toBe('white');
    expect((joined.view as WhiteView).clock.phase).toBe('planned');
    const reply = await control.connection.send({ type: 'start' });
    expect(reply.ok).toBe(true);
    await until(control.store, (s) => (s.view as WhiteView).clock.phase === 'running', 'the start in the view');
    expect(control.store.getState().feed.some((e) => e.type === 'exercise.started')).toBe(true);
    const refused = await control.connection.send({ type: 'start' });
    expect(refused).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    const forbidden = await control.connection.send({ type: 'ack-inject', inject: 'i01-startex' });
    expect(forbidden).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('catches up after its transport drops, to the same view as a fresh seat', async () => {
    const blue = join_('blue:xs');
    await until(blue.store, (s) => s.status === 'online' && s.view !== null, 'the blue welcome');
    const control = join_('controller');
    await until(control.store, (s) => s.status === 'online', 'the controller');
    // Drop the blue socket's transport on the server side: the client reconnects by itself.
    const before = blue.store.getState().seq;
    for (const socket of server.io.of('/').sockets.values()) if (socket.data.seat === 'blue:xs') socket.conn.close();
    await until(blue.store, (s) => s.status === 'reconnecting', 'the drop');
    expect((await control.connection.send({ type: 'speed', speed: 10 })).ok).toBe(true);
    expect((await control.connection.send({ type: 'pause' })).ok).toBe(true);
    const back = await until(blue.store, (s) => s.status === 'online' && (s.view as BlueView).clock.phase === 'paused', 'the catch-up');
    expect(back.seq).toBeGreaterThan(before);
    const fresh = join_('blue:xs');
    const reference = await until(fresh.store, (s) => s.status === 'online' && s.view !== null && s.seq === back.seq, 'a fresh blue view');
    expect(back.view).toEqual(reference.view);
  });

  it('comes back by itself after the server restarts, to the recovered exercise', async () => {
    const control = join_('controller');
    await until(control.store, (s) => s.status === 'online', 'the controller');
    expect((await control.connection.send({ type: 'resume' })).ok).toBe(true);
    await until(control.store, (s) => (s.view as WhiteView).clock.phase === 'running', 'running');
    const seq = control.store.getState().seq;
    const port = server.port;
    await server.close();
    await until(control.store, (s) => s.status === 'reconnecting', 'the disconnection');
    server = await start(port);
    const back = await until(control.store, (s) => s.status === 'online' && s.seq > seq, 'the reconnection');
    expect((back.view as WhiteView).clock.phase).toBe('paused'); // a running real-time exercise comes back paused
    expect(back.notices.map((n) => n.code)).toContain('RECOVERED_PAUSED');
    // Once the controller resumes, the server withdraws the notice and the seat stops showing it.
    expect((await control.connection.send({ type: 'resume' })).ok).toBe(true);
    const resumed = await until(control.store, (s) => (s.view as WhiteView).clock.phase === 'running' && !s.notices.some((n) => n.code === 'RECOVERED_PAUSED'), 'the notice withdrawn');
    expect(resumed.notices).toEqual([]);
  });

  it("is refused with the server's reason for a token that is not the exercise's", async () => {
    const store = createSessionStore();
    open.push(connect(store, created.exerciseId, 'A'.repeat(43), server.url));
    const refused = await until(store, (s) => s.status === 'refused', 'the refusal');
    expect(refused.error?.code).toBe('UNAUTHENTICATED');
    expect(refused.view).toBeNull();
  });
});
