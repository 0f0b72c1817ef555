/**
 * The white cell's view as a team, against a real server with real socket.io clients: the
 * controller's token with `viewAs` gets exactly the team's view, read-only; no other seat may.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlueView } from '../../engine/index.ts';
import { PROTOCOL_VERSION } from '../../protocol/index.ts';
import { createExercise, FIXTURES, joinSeat, openSocket, type Seat, seatToken, startTestServer, type TestServer, until } from './helpers.ts';

const MOVES = `moves:
  - id: m1
    title: Move 1, detection
    start: "0"
    description: EVERYONE-READS the payment outage.
    situations:
      - { to: [kw], text: KW-ONLY-SITUATION your DCs are slow. }
    questions:
      - { id: q1, text: Who do you call first?, evaluation: { rubric: RUBRIC-SECRET names a duty officer, answer: ANSWER-SECRET the duty officer } }
      - { id: q2, to: [kw], text: KW-ONLY-QUESTION what about the DCs? }
  - id: m2
    title: Move 2, response
    start: 4h
capabilities:`;

describe('view as team', () => {
  let server: TestServer;
  let ex: Awaited<ReturnType<typeof createExercise>>;
  const opened: Seat[] = [];
  let kw: Seat;

  beforeAll(async () => {
    server = await startTestServer();
    const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(/moves:[\s\S]*?capabilities:/, MOVES);
    ex = await createExercise(server.url, { text }, 'tabletop');
    const join_ = async (seat: string) => {
      const s = await joinSeat(server.url, ex.exerciseId, seatToken(ex, seat));
      opened.push(s);
      return s;
    };
    const control = await join_('controller');
    kw = await join_('blue:kw');
    expect(await control.command({ type: 'start' })).toMatchObject({ ok: true });
    expect(await kw.command({ type: 'answer-question', move: 'm1', question: 'q1', text: 'KW-SECRET-ANSWER the night duty officer' })).toMatchObject({ ok: true });
    expect(await kw.command({ type: 'answer-question', move: 'm1', question: 'q2', text: 'KW-SECRET-ANSWER-2' })).toMatchObject({ ok: true });
    expect(await control.command({ type: 'adjudicate', item: { kind: 'question', move: 'm1', question: 'q1', team: 'kw' }, grade: 80, comment: 'GRADE-COMMENT' })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const s of opened) s.close();
    await server?.dispose();
  });

  it("the controller views a team's console read-only, exactly as the team sees it", async () => {
    const as = await joinSeatAs(server.url, ex.exerciseId, seatToken(ex, 'controller'), 'kw');
    opened.push(as);
    expect(as.welcome.seat).toMatchObject({ seat: 'controller', role: 'white', viewAs: 'kw' });
    await until(kw, () => kw.lastSeq >= 0, 'kw view');
    expect((as.view as BlueView).team.id).toBe('kw');
    expect(as.view).toEqual(kw.view);
    expect(JSON.stringify(as.view)).toContain('KW-ONLY-SITUATION');
    expect(JSON.stringify(as.view)).not.toContain('RUBRIC-SECRET');
    expect(await as.command({ type: 'pause' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/read-only view of team kw/) });
  });

  it('only the controller may, and only for a blue team', async () => {
    await expect(joinSeatAs(server.url, ex.exerciseId, seatToken(ex, 'blue:om'), 'kw')).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(joinSeatAs(server.url, ex.exerciseId, seatToken(ex, 'evaluator'), 'kw')).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(joinSeatAs(server.url, ex.exerciseId, seatToken(ex, 'controller'), 'red')).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});

/** Joins with `viewAs` in the handshake; resolves with the welcome's seat and view, rejects with the connect error. */
function joinSeatAs(url: string, exerciseId: string, token: string, viewAs: string): Promise<Seat> {
  const socket = openSocket(url, { exerciseId, token, protocol: PROTOCOL_VERSION, viewAs });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
    socket.once('welcome', (welcome) => {
      const sync = welcome.sync as { kind: string; full?: { view: unknown; seq: number } };
      resolve({
        socket,
        welcome,
        view: sync.full?.view,
        lastSeq: sync.full?.seq ?? -1,
        deltas: [],
        frames: [],
        gaps: 0,
        command: (body) => socket.emitWithAck('command', body),
        close: () => void socket.close(),
      });
    });
  });
}
