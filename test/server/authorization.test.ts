/**
 * Seat authorisation over real sockets and HTTP: a seat acts only as itself, in its exercise, with
 * its role's commands; refusals are coded and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type CreateExerciseResponse } from '../../protocol/index.ts';
import { api, createExercise, joinSeat, openSocket, startTestServer, type Seat, type TestServer } from './helpers.ts';

let server: TestServer;
let a: CreateExerciseResponse;
let b: CreateExerciseResponse;
const token = (ex: CreateExerciseResponse, seat: string) => ex.seats.find((s) => s.seat === seat)!.token;
const opened: Seat[] = [];
async function join(ex: CreateExerciseResponse, seat: string): Promise<Seat> {
  const s = await joinSeat(server.url, ex.exerciseId, token(ex, seat));
  opened.push(s);
  return s;
}

/** The connect_error a handshake gets. */
function refusedWith(auth: Record<string, unknown>, extraHeaders?: Record<string, string>): Promise<{ message: string; code?: string }> {
  return new Promise((resolve, reject) => {
    const s = openSocket(server.url, auth, { ...(extraHeaders ? { extraHeaders } : {}) });
    s.once('connect', () => {
      s.close();
      reject(new Error('the handshake was accepted'));
    });
    s.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      s.close();
      resolve({ message: error.message, ...(error.data?.code ? { code: error.data.code } : {}) });
    });
  });
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createExercise(server.url, 'minimal', 'tabletop');
  b = await createExercise(server.url, 'minimal', 'tabletop');
  const controller = await join(a, 'controller');
  expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
});

afterAll(async () => {
  for (const s of opened) s.close();
  await server?.dispose();
});

const host = () => server.manager.host(a.exerciseId)!;

describe('commands are checked against the seat', () => {
  it('a blue team cannot run the clock, and nothing changes', async () => {
    const kw = await join(a, 'blue:kw');
    const before = { hash: host().stateHash(), seq: host().seq };
    for (const body of [{ type: 'pause' }, { type: 'resume' }, { type: 'end' }, { type: 'speed', speed: 5 }, { type: 'advance', to: 3_600_000 }, { type: 'jump-to-next-inject' }, { type: 'move' }]) {
      const reply = await kw.command(body);
      expect(reply, body.type).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(reply.ok === false && reply.message).toContain('controller');
    }
    expect({ hash: host().stateHash(), seq: host().seq }).toEqual(before);
  });

  it("a blue team acts only as itself: no other team's nodes, no impersonation", async () => {
    const kw = await join(a, 'blue:kw');
    const before = host().stateHash();
    // pay-switch belongs to om (shared with kw for alerts): kw may not isolate it without a grant.
    expect(await kw.command({ type: 'action', action: 'isolate', target: { node: 'pay-switch' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await kw.command({ type: 'sitrep', text: 'from om', severity: 'low', actor: { role: 'blue', team: 'om' } })).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    expect(await kw.command({ type: 'sitrep', text: 'as white', severity: 'low', team: 'om' })).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    expect(host().stateHash()).toBe(before);
    // What kw may do is recorded as kw's.
    const ok = await kw.command({ type: 'sitrep', text: 'kw all quiet', severity: 'low' });
    expect(ok).toMatchObject({ ok: true });
    const entries = await server.store.readLog(a.exerciseId);
    expect(entries.at(-1)).toMatchObject({ command: { type: 'sitrep', actor: { role: 'blue', team: 'kw' } } });
  });

  it('red sends only red commands, the evaluator only ratings', async () => {
    const red = await join(a, 'red');
    const evaluator = await join(a, 'evaluator');
    const before = host().stateHash();
    expect(await red.command({ type: 'pause' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await red.command({ type: 'sitrep', text: 'x', severity: 'low' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await evaluator.command({ type: 'end' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await evaluator.command({ type: 'red-launch', step: 'phish' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await evaluator.command({ type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(host().stateHash()).toBe(before);
    expect(await evaluator.command({ type: 'rate', capability: 'coordination', rating: 'S' })).toMatchObject({ ok: true });
  });
});

describe('a seat stays in its exercise', () => {
  it('a token opens only its own exercise', async () => {
    expect(await refusedWith({ exerciseId: b.exerciseId, token: token(a, 'controller'), protocol: PROTOCOL_VERSION })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusedWith({ exerciseId: a.exerciseId, token: token(b, 'blue:kw') })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const blueB = await join(b, 'blue:kw');
    expect(blueB.welcome.exerciseId).toBe(b.exerciseId);
    const res = await api(server.url, 'GET', `/api/exercises/${b.exerciseId}`, undefined, token(a, 'controller'));
    expect(res).toMatchObject({ status: 401, body: { ok: false, code: 'UNAUTHENTICATED' } });
    const seats = await api(server.url, 'GET', `/api/exercises/${b.exerciseId}/seats`, undefined, token(a, 'controller'));
    expect(seats.status).toBe(401);
  });

  it('refuses unknown, malformed and missing credentials, and other protocol versions', async () => {
    const unknown = 'A'.repeat(43);
    expect(await refusedWith({ exerciseId: a.exerciseId, token: unknown })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusedWith({ exerciseId: a.exerciseId })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusedWith({ exerciseId: '../../etc', token: token(a, 'controller') })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusedWith({})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusedWith({ exerciseId: a.exerciseId, token: token(a, 'controller'), protocol: PROTOCOL_VERSION + 1 })).toMatchObject({ code: 'PROTOCOL_VERSION' });
  });

  it('refuses browser handshakes and changes from other origins', async () => {
    // The transport refuses the handshake before Socket.IO sees it (a WebSocket upgrade just fails).
    await refusedWith({ exerciseId: a.exerciseId, token: token(a, 'controller') }, { origin: 'https://evil.example' });
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example' } });
    expect(handshake.status).toBe(403);
    expect(await handshake.text()).toContain('BAD_ORIGIN');
    // The same handshake from the server's own origin is accepted.
    const own = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url } });
    expect(own.status).toBe(200);
    const res = await fetch(`${server.url}/api/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ scenario: 'minimal', mode: 'tabletop' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'BAD_ORIGIN' });
  });
});

describe("seat management is the controller's", () => {
  it('lists seats and connections for the controller only, never tokens', async () => {
    const forbidden = await api(server.url, 'GET', `/api/exercises/${a.exerciseId}/seats`, undefined, token(a, 'blue:kw'));
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const { status, body } = await api<{ seats: Array<{ seat: string; connected: number }> }>(server.url, 'GET', `/api/exercises/${a.exerciseId}/seats`, undefined, token(a, 'controller'));
    expect(status).toBe(200);
    expect(body.seats.map((s) => s.seat)).toEqual(['controller', 'blue:kw', 'blue:om', 'red', 'evaluator', 'presentation']);
    expect(body.seats.find((s) => s.seat === 'controller')!.connected).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    for (const s of a.seats) expect(text).not.toContain(s.token);
    expect(text).not.toContain('tokenHash');
  });

  it('rotating a token revokes the old link and its sockets', async () => {
    const om = await join(a, 'blue:om');
    const disconnected = new Promise<string>((resolve) => om.socket.once('disconnect', resolve));
    expect((await api(server.url, 'POST', `/api/exercises/${a.exerciseId}/seats/blue:om/token`, undefined, token(a, 'blue:om'))).status).toBe(403);
    const { status, body } = await api<{ seat: { token: string; link: string } }>(server.url, 'POST', `/api/exercises/${a.exerciseId}/seats/blue:om/token`, undefined, token(a, 'controller'));
    expect(status).toBe(200);
    expect(body.seat.link).toBe(`/#/join/${a.exerciseId}/${body.seat.token}`);
    expect(await disconnected).toBe('io server disconnect');
    expect(await refusedWith({ exerciseId: a.exerciseId, token: token(a, 'blue:om') })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await joinSeat(server.url, a.exerciseId, body.seat.token);
    opened.push(again);
    expect(again.welcome.seat).toEqual({ seat: 'blue:om', role: 'blue', team: 'om' });
    const missing = await api(server.url, 'POST', `/api/exercises/${a.exerciseId}/seats/blue:zz/token`, undefined, token(a, 'controller'));
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
