/**
 * The abuse matrix: a seat (or a stranger) tries what it may not, over real sockets and HTTP. Every
 * attempt must be REFUSED with its code and change nothing (state hash, revision and log length of
 * every exercise the same), be LOGGED as a structured line naming who tried (seat, role, team,
 * exercise, or the client address), and be COUNTED in `ramparts_rejected_total{code}` on /metrics.
 * Floods are in abuse-floods.test.ts.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { hashValue } from '../../engine/index.ts';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, PROTOCOL_VERSION, type CreateExerciseResponse, type ErrorCode } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { api, createExercise, FIXTURES, joinSeat, seatToken, TEST_OPERATOR_TOKEN, type Seat } from '../server/helpers.ts';
import { countsByCode, handshakeCode, rawRequest, refusalLines, startAbuseServer, stateOf, type AbuseServer, type LogLine } from './abuse-harness.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';

/** Each row's attempts are made this many times (a fresh socket each time). */
const REPEAT = scale(1, 20);
const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const token = seatToken;
const operator = () => TEST_OPERATOR_TOKEN;

/** What one row of the matrix expects the refusal log line to name. */
type Who = Partial<Pick<LogLine, 'exerciseId' | 'seat' | 'role' | 'team' | 'channel'>> & { address?: true };

interface Row {
  actor: string;
  attempt: string;
  code: ErrorCode;
  who: Who;
  /** Makes the attempts; returns the code each got (or 'accepted'). */
  run(): Promise<string[]>;
}

// ---------------------------------------------------------------------------------------------
// The matrix: one server that logs every refusal (no flood summaries), generous rate limits so
// that each attempt reaches the check it is about.

describe('abuse matrix: refused, logged, counted, nothing changed', () => {
  let server: AbuseServer;
  let a: CreateExerciseResponse;
  let b: CreateExerciseResponse;
  let oldOmToken: string;
  const opened: Seat[] = [];
  const seat = async (ex: CreateExerciseResponse, name: string) => {
    const s = await joinSeat(server.url, ex.exerciseId, token(ex, name));
    opened.push(s);
    return s;
  };
  const commands = (ex: () => CreateExerciseResponse, name: string, bodies: unknown[]) => async () => {
    const s = await seat(ex(), name);
    const codes: string[] = [];
    for (const body of bodies) {
      const reply = await s.command(body);
      codes.push(reply.ok ? 'accepted' : reply.code);
    }
    s.close();
    return codes;
  };
  const emits = (ex: () => CreateExerciseResponse, name: string, messages: Array<[string, unknown]>) => async () => {
    const s = await seat(ex(), name);
    const codes: string[] = [];
    for (const [event, payload] of messages) {
      const reply = (await (s.socket as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; code?: string }> }).emitWithAck(event, payload));
      codes.push(reply.ok ? 'accepted' : reply.code ?? '?');
    }
    s.close();
    return codes;
  };
  const rest = (requests: Array<[method: string, path: () => string, token?: () => string, body?: unknown]>) => async () => {
    const codes: string[] = [];
    for (const [method, path, bearer, body] of requests) {
      const res = await api<{ ok: boolean; code?: string }>(server.url, method, path(), body, bearer?.());
      codes.push(res.status < 400 ? 'accepted' : res.body.code ?? `status ${res.status}`);
    }
    return codes;
  };
  const raw = (requests: Array<[method: string, path: string]>) => async () => {
    const codes: string[] = [];
    for (const [method, path] of requests) {
      const res = await rawRequest(server.url, method, path);
      let code = `status ${res.status}`;
      try {
        code = (JSON.parse(res.text) as { code: string }).code;
      } catch {
        // not a coded reply
      }
      codes.push(res.status < 400 ? 'accepted' : code);
    }
    return codes;
  };
  const handshakes = (auths: Array<() => Record<string, unknown>>) => async () => {
    const codes: string[] = [];
    for (const auth of auths) codes.push(await handshakeCode(server.url, auth()));
    return codes;
  };

  const A = () => a;
  const aId = () => a.exerciseId;
  const bId = () => b.exerciseId;
  const aTok = (name: string) => () => token(a, name);

  const rows: Row[] = [
    // --- the clock and the white cell's powers belong to the controller
    {
      actor: 'blue:kw', attempt: 'run the clock (start, pause, resume, speed, end, advance, move, jump)', code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'start' }, { type: 'pause' }, { type: 'resume' }, { type: 'speed', speed: 100 }, { type: 'end' },
        { type: 'advance', to: 3_600_000 }, { type: 'move' }, { type: 'jump-to-next-inject' }]),
    },
    {
      actor: 'blue:kw', attempt: 'white-only: ad-hoc inject, adjudicate', code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'adhoc-inject', inject: { id: 'fake', title: 'x', body: 'x', to: 'all-blue', from: { name: 'x' } } },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 100 },
      ]),
    },
    {
      actor: 'red', attempt: 'white-only: pause, end, speed, ad-hoc inject, adjudicate; blue: sitrep', code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'red', role: 'red', channel: 'command' },
      run: commands(A, 'red', [{ type: 'pause' }, { type: 'end' }, { type: 'speed', speed: 2 },
        { type: 'adhoc-inject', inject: { id: 'fake', title: 'x', body: 'x', to: 'all-blue', from: { name: 'x' } } },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 0 }, { type: 'sitrep', text: 'x', severity: 'low' }]),
    },
    {
      actor: 'evaluator', attempt: 'white-only: start, pause, end, adjudicate; red: red-launch', code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'evaluator', role: 'evaluator', channel: 'command' },
      run: commands(A, 'evaluator', [{ type: 'start' }, { type: 'pause' }, { type: 'end' },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 10 }, { type: 'red-launch', step: 'phish' }]),
    },
    // --- a blue team acts only for itself
    {
      actor: 'blue:kw', attempt: "act on another team's node (isolate om's pay-switch)", code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'action', action: 'isolate', target: { node: 'pay-switch' } }]),
    },
    {
      // Refused as if they did not exist (NOT_FOUND, word for word): another nation's hosts cannot be enumerated.
      actor: 'blue:om', attempt: "act on another team's node or segment (isolate kw's domain controller, hunt in kw-corp)", code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:om', role: 'blue', team: 'om', channel: 'command' },
      run: commands(A, 'blue:om', [{ type: 'action', action: 'isolate', target: { node: 'kw-dc' } }, { type: 'action', action: 'hunt', target: { segment: 'kw-corp' } }]),
    },
    {
      // The engine answers as if the object did not exist: a team learns nothing about another's.
      actor: 'blue:om', attempt: "handle another team's objects (cancel kw's action, answer kw's inject)", code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:om', role: 'blue', team: 'om', channel: 'command' },
      run: commands(A, 'blue:om', [{ type: 'cancel-action', id: 'kw-X1' }, { type: 'ack-inject', inject: 'ministry-call' },
        { type: 'answer-inject', inject: 'ministry-call', text: 'answered for kw' }]),
    },
    {
      actor: 'blue:kw', attempt: 'grant its own request for assistance (a grant is the addressee\'s: om\'s)', code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'grant-assistance', request: 'kw-H1' }]),
    },
    // --- a forged sender: fields claiming another actor, team or role
    {
      actor: 'blue:kw', attempt: 'forged sender on its own command (actor white, actor om, team om, role white, seat controller)', code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'sitrep', text: 'as white', severity: 'low', actor: { role: 'white' } },
        { type: 'sitrep', text: 'as om', severity: 'low', actor: { role: 'blue', team: 'om' } },
        { type: 'sitrep', text: 'for om', severity: 'low', team: 'om' },
        { type: 'sitrep', text: 'role', severity: 'low', role: 'white' },
        { type: 'sitrep', text: 'seat', severity: 'low', seat: 'controller', exerciseId: 'x' },
      ]),
    },
    {
      actor: 'blue:kw', attempt: 'forged sender on a clock command (pause with actor white)', code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'pause', actor: { role: 'white' } }, { type: 'end', actor: { role: 'system' } }]),
    },
    {
      actor: 'red', attempt: 'forged sender (red-launch with actor white)', code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'red', role: 'red', channel: 'command' },
      run: commands(A, 'red', [{ type: 'red-launch', step: 'phish', actor: { role: 'white' } }]),
    },
    {
      actor: 'stranger with a blue token', attempt: 'handshake claiming another seat, role or audience', code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'handshake', address: true },
      run: handshakes([
        () => ({ exerciseId: aId(), token: token(a, 'blue:kw'), seat: 'controller' }),
        () => ({ exerciseId: aId(), token: token(a, 'blue:kw'), role: 'white' }),
        () => ({ exerciseId: aId(), token: token(a, 'blue:kw'), audience: 'white', protocol: PROTOCOL_VERSION }),
      ]),
    },
    {
      actor: 'blue:kw', attempt: 'a command without an acknowledgement (answered by a rejected event)', code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: async () => {
        const s = await seat(a, 'blue:kw');
        const rejected = new Promise<{ code: string }>((done) => s.socket.once('rejected', done));
        (s.socket as unknown as { emit(e: string, ...x: unknown[]): void }).emit('command', { type: 'pause' });
        const { code } = await rejected;
        s.close();
        return [code];
      },
    },
    {
      actor: 'a page on another site', attempt: 'drive an exercise with a participant\'s browser: socket handshake (WebSocket, polling) and POST', code: ERROR_CODES.BAD_ORIGIN,
      who: { address: true },
      run: async () => {
        const evil = { origin: 'https://evil.example' };
        const polling = await rawRequest(server.url, 'GET', '/socket.io/?EIO=4&transport=polling', evil);
        const ws = await rawRequest(server.url, 'GET', '/socket.io/?EIO=4&transport=websocket', { ...evil, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });
        const post = await rawRequest(server.url, 'POST', `/api/exercises/${aId()}/seats/controller/token`, { ...evil, authorization: `Bearer ${token(a, 'controller')}` });
        // Engine.IO answers a refused WebSocket upgrade 400 (its only status for upgrades), saying why.
        return [polling, ws, post].map((r) => ((r.status === 403 || (r === ws && r.status === 400)) && r.text.includes('BAD_ORIGIN') ? ERROR_CODES.BAD_ORIGIN : `status ${r.status}: ${r.text.slice(0, 80)}`));
      },
    },
    // --- another room, another audience
    {
      actor: 'blue:kw', attempt: "join another room or audience ('join', 'subscribe', 'leave')", code: ERROR_CODES.UNKNOWN_EVENT,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: emits(A, 'blue:kw', [['join', { room: 'x|a|white' }], ['subscribe', { audience: 'white' }], ['leave', { room: 'x|a|blue:kw' }]]),
    },
    {
      actor: 'blue:kw', attempt: "sync another audience's view", code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: emits(A, 'blue:kw', [['sync', { audience: 'white' }], ['sync', { lastSeq: 0, seat: 'controller' }], ['sync', { exerciseId: 'x' }]]),
    },
    // --- another exercise, REST and socket
    {
      actor: "A's controller", attempt: 'read or manage exercise B over REST (summary, log, seats, new link)', code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'http', address: true },
      run: rest([
        ['GET', () => `/api/exercises/${bId()}`, aTok('controller')],
        ['GET', () => `/api/exercises/${bId()}/log`, aTok('controller')],
        ['GET', () => `/api/exercises/${bId()}/seats`, aTok('controller')],
        ['POST', () => `/api/exercises/${bId()}/seats/controller/token`, aTok('controller')],
      ]),
    },
    {
      actor: "A's controller and blue", attempt: 'open exercise B over the socket', code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'handshake', address: true },
      run: handshakes([
        () => ({ exerciseId: bId(), token: token(a, 'controller'), protocol: PROTOCOL_VERSION }),
        () => ({ exerciseId: bId(), token: token(a, 'blue:kw') }),
      ]),
    },
    // --- old and foreign tokens
    {
      actor: 'blue:om (rotated out)', attempt: 'replay the old token: socket and REST', code: ERROR_CODES.UNAUTHENTICATED,
      who: { address: true },
      run: async () => [
        await handshakeCode(server.url, { exerciseId: aId(), token: oldOmToken }),
        ...(await rest([['GET', () => `/api/exercises/${aId()}`, () => oldOmToken]])()),
      ],
    },
    {
      actor: 'stranger', attempt: 'no, malformed or guessed token: socket and REST', code: ERROR_CODES.UNAUTHENTICATED,
      who: { address: true },
      run: async () => [
        await handshakeCode(server.url, { exerciseId: aId() }),
        await handshakeCode(server.url, { exerciseId: aId(), token: 'A'.repeat(43) }),
        await handshakeCode(server.url, { exerciseId: '../../etc/passwd', token: token(a, 'controller') }),
        ...(await rest([
          ['GET', () => `/api/exercises/${aId()}`],
          ['GET', () => `/api/exercises/${aId()}/log`, () => 'B'.repeat(43)],
        ])()),
      ],
    },
    // --- seat management and ground truth are not for everyone
    {
      actor: 'blue, red, evaluator', attempt: 'white-only over REST: read the log (ground truth; blue, red), list seats, issue links', code: ERROR_CODES.FORBIDDEN,
      who: { exerciseId: 'A', channel: 'http' },
      run: rest([
        ['GET', () => `/api/exercises/${aId()}/log`, aTok('blue:kw')],
        ['GET', () => `/api/exercises/${aId()}/log`, aTok('red')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('blue:kw')],
        ['POST', () => `/api/exercises/${aId()}/seats/controller/token`, aTok('blue:kw')],
        ['POST', () => `/api/exercises/${aId()}/seats/controller/token`, aTok('red')],
        ['POST', () => `/api/exercises/${aId()}/seats/blue:kw/token`, aTok('evaluator')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('evaluator')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('red')],
      ]),
    },
    // --- path traversal in ids, log downloads, static files, URL-encoded variants
    {
      actor: 'stranger', attempt: 'path traversal: ../../etc/passwd as exercise id, log download, seat, static file (raw, %2e%2e, %2f, double-encoded, backslash)',
      code: ERROR_CODES.BAD_REQUEST, who: { channel: 'http', address: true },
      run: raw([
        ['GET', '/api/exercises/../../etc/passwd'],
        ['GET', '/api/exercises/..%2F..%2Fetc%2Fpasswd/log'],
        ['GET', '/api/exercises/%2e%2e%2f%2e%2e%2fetc%2fpasswd/log'],
        ['GET', '/api/exercises/%252e%252e%252fetc%252fpasswd/log'],
        ['POST', '/api/exercises/AAAAAAAAAAAAAAAA/seats/..%2F..%2Fcontroller/token'],
        ['GET', '/../../../etc/passwd'],
        ['GET', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
        ['GET', '/assets/..%2f..%2f..%2fetc%2fpasswd'],
        ['GET', '/assets/%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
        ['GET', '/..%5c..%5c..%5cetc%5cpasswd'],
        ['GET', '/index.html%00.png'],
      ]),
    },
    // --- oversized payloads
    {
      actor: 'blue:kw', attempt: 'socket message over 64 KiB', code: ERROR_CODES.TOO_LARGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: commands(A, 'blue:kw', [{ type: 'sitrep', text: 'x'.repeat(70 * 1024), severity: 'low' }, { type: 'share-intel', report: { padding: 'y'.repeat(200 * 1024) }, partners: ['om'] }]),
    },
    {
      actor: 'stranger', attempt: 'HTTP body over the upload limit; scenario text over 4 MiB', code: ERROR_CODES.TOO_LARGE,
      who: { channel: 'http', address: true },
      run: rest([
        ['POST', () => '/api/exercises', operator, JSON.stringify({ scenario: { text: 'x'.repeat(5 * 1024 * 1024) }, mode: 'tabletop' })],
        ['POST', () => '/api/exercises', operator, { scenario: { text: `${MINIMAL}\n#${'x'.repeat(4 * 1024 * 1024)}` }, mode: 'tabletop' }],
        ['POST', () => '/api/scenarios/validate', operator, { text: `#${'é'.repeat(2 * 1024 * 1024 + 8)}` }],
      ]),
    },
    // --- operators only
    {
      actor: 'stranger and seats', attempt: 'create an exercise or upload a scenario without the operator token', code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'http', address: true },
      run: rest([
        ['POST', () => '/api/exercises', undefined, { scenario: 'minimal', mode: 'tabletop' }],
        ['POST', () => '/api/exercises', aTok('controller'), { scenario: 'minimal', mode: 'tabletop' }],
        ['POST', () => '/api/exercises', () => `${TEST_OPERATOR_TOKEN}x`, { scenario: { text: MINIMAL }, mode: 'tabletop' }],
        ['POST', () => '/api/scenarios/validate', aTok('blue:kw'), { text: MINIMAL }],
        ['POST', () => '/api/exercises', undefined, JSON.stringify({ scenario: { text: 'x'.repeat(3_900_000) }, mode: 'tabletop' })],
      ]),
    },
  ];

  beforeAll(async () => {
    server = await startAbuseServer({
      limits: { ...defaultConfig().limits, socketRate: 1e6, socketBurst: 1e6, httpRate: 1e6, httpBurst: 1e6 },
      quotas: { ...defaultConfig().quotas, commandsPerSecond: 1e6, commandBurst: 1e6 },
    }, { refusalLog: { linesPerWindow: Number.POSITIVE_INFINITY } });
    a = await createExercise(server.url, 'minimal', 'tabletop');
    b = await createExercise(server.url, 'minimal', 'tabletop');
    const controller = await seat(a, 'controller');
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    const kw = await seat(a, 'blue:kw');
    expect(await kw.command({ type: 'sitrep', text: 'kw on watch', severity: 'low' })).toMatchObject({ ok: true });
    // Objects of kw's that om will try to handle: an action in progress and a request to om.
    expect(await kw.command({ type: 'action', action: 'isolate', target: { node: 'kw-ws1' } })).toMatchObject({ ok: true });
    expect(await kw.command({ type: 'request-assistance', to: 'om', text: 'help with the switch' })).toMatchObject({ ok: true });
    const state = await server.manager.host(a.exerciseId)!.settled(() => server.manager.host(a.exerciseId)!.currentState as { actions: object; assists: object });
    expect(Object.keys(state.actions)).toContain('kw-X1');
    expect(Object.keys(state.assists)).toContain('kw-H1');
    // Rotate om's link: the old token is the one replayed below.
    oldOmToken = token(a, 'blue:om');
    const rotated = await api<{ seat: { token: string } }>(server.url, 'POST', `/api/exercises/${a.exerciseId}/seats/blue:om/token`, undefined, token(a, 'controller'));
    expect(rotated.status).toBe(200);
    a.seats.find((s) => s.seat === 'blue:om')!.token = rotated.body.seat.token;
  });

  afterAll(async () => {
    for (const s of opened) s.close();
    await server?.dispose();
  });

  for (const row of rows) {
    it(`${row.actor}: ${row.attempt} -> ${row.code}`, { timeout: budgetMs(300_000) }, async () => {
      const ids = [a.exerciseId, b.exerciseId];
      const before = await stateOf(server, ids);
      const counted = await countsByCode(server.url);
      const from = server.logs.length;

      const codes: string[] = [];
      for (let r = 0; r < REPEAT; r++) codes.push(...(await row.run()));

      expect(codes, row.attempt).toEqual(codes.map(() => row.code));
      expect(await stateOf(server, ids)).toEqual(before);
      const counts = await countsByCode(server.url);
      const countedNow = (counts[row.code] ?? 0) - (counted[row.code] ?? 0);
      expect(countedNow, 'counted in ramparts_rejected_total').toBe(codes.length);
      const { lines } = refusalLines(server.logs, row.code, from);
      expect(lines.length, 'one log line per refusal').toBe(codes.length);
      for (const line of lines) {
        expect(line.level).toBe('warn');
        const { address, exerciseId, ...fields } = row.who;
        expect(line).toMatchObject(fields);
        if (exerciseId === 'A') expect(line.exerciseId).toBe(a.exerciseId);
        else if (fields.seat) expect(line.exerciseId).toBe(a.exerciseId);
        if (address) expect(line.address).toMatch(/127\.0\.0\.1/);
      }
      recordFigures('abuse', `${row.actor}: ${row.attempt}`, {
        code: row.code, attempts: codes.length, refused: codes.filter((c) => c === row.code).length,
        logged: lines.length, counted: countedNow, stateChanged: 0,
      });
    });
  }

  it('a frame over the transport limit closes the connection, and is logged and counted as TOO_LARGE', async () => {
    const before = await stateOf(server, [a.exerciseId, b.exerciseId]);
    const counted = await countsByCode(server.url);
    const from = server.logs.length;
    const kw = await seat(a, 'blue:kw');
    const closed = new Promise<string>((done) => kw.socket.once('disconnect', done));
    (kw.socket as unknown as { emit(e: string, ...x: unknown[]): void }).emit('command', { type: 'sitrep', text: 'x'.repeat(2 * 1024 * 1024), severity: 'low' });
    expect(await closed).toBe('transport close');
    await expect.poll(async () => ((await countsByCode(server.url))[ERROR_CODES.TOO_LARGE] ?? 0) - (counted[ERROR_CODES.TOO_LARGE] ?? 0)).toBe(1);
    const { lines } = refusalLines(server.logs, ERROR_CODES.TOO_LARGE, from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', channel: 'transport', seat: 'blue:kw', role: 'blue', exerciseId: a.exerciseId });
    expect(await stateOf(server, [a.exerciseId, b.exerciseId])).toEqual(before);
    recordFigures('abuse', 'blue:kw: socket frame over 1 MiB', { code: ERROR_CODES.TOO_LARGE, attempts: 1, refused: 1, logged: 1, counted: 1, stateChanged: 0 });
  });

  it('over long-polling, a frame over the transport limit is dropped (413), and logged and counted as TOO_LARGE', async () => {
    const before = await stateOf(server, [a.exerciseId, b.exerciseId]);
    const counted = await countsByCode(server.url);
    const from = server.logs.length;
    const socket = connect(server.url, { auth: { exerciseId: a.exerciseId, token: token(a, 'blue:kw') }, transports: ['polling'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((done, fail) => {
        socket.once('welcome', () => done());
        socket.once('connect_error', fail);
      });
      socket.emit('command', { type: 'sitrep', text: 'x'.repeat(2 * 1024 * 1024), severity: 'low' }, () => undefined);
      await expect.poll(async () => ((await countsByCode(server.url))[ERROR_CODES.TOO_LARGE] ?? 0) - (counted[ERROR_CODES.TOO_LARGE] ?? 0)).toBe(1);
    } finally {
      socket.close();
    }
    const { lines } = refusalLines(server.logs, ERROR_CODES.TOO_LARGE, from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', channel: 'transport', seat: 'blue:kw', role: 'blue', exerciseId: a.exerciseId, address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(await stateOf(server, [a.exerciseId, b.exerciseId])).toEqual(before);
    recordFigures('abuse', 'blue:kw: long-polling payload over 1 MiB', { code: ERROR_CODES.TOO_LARGE, attempts: 1, refused: 1, logged: 1, counted: 1, stateChanged: 0 });
  });

  it('CLI: an exported log whose scenario id climbs out of the directory is refused, nothing written', async () => {
    const downloaded = await api<string>(server.url, 'GET', `/api/exercises/${a.exerciseId}/log`, undefined, token(a, 'controller'));
    expect(downloaded.status).toBe(200);
    const lines = String(downloaded.body).trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { scenario: { meta: { id: string } }; scenarioHash: string };
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-abuse-cli-'));
    const ids = ['../../../../../../tmp/ramparts-abuse-evil', '..', 'a/../../ramparts-abuse-evil', '..\\..\\ramparts-abuse-evil'];
    const exits: number[] = [];
    try {
      for (const [i, id] of ids.entries()) {
        header.scenario.meta.id = id;
        header.scenarioHash = hashValue(header.scenario);
        const file = join(dir, `hostile-${i}.jsonl`);
        await writeFile(file, `${[JSON.stringify(header), ...lines.slice(1)].join('\n')}\n`);
        let err = '';
        const code = await main(['export', file, '--format', 'package'], { out: () => undefined, err: (t) => void (err += t), isTTY: false });
        exits.push(code);
        expect(err).toContain('header.scenario.meta.id');
      }
      expect(exits).toEqual(ids.map(() => 1));
      expect((await readdir(dir)).filter((f) => !f.startsWith('hostile-'))).toEqual([]);
      expect((await readdir(tmpdir())).filter((f) => f.includes('ramparts-abuse-evil'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    recordFigures('abuse', 'CLI: export of a log whose scenario id is a path', { code: 'exit 1', attempts: ids.length, refused: exits.filter((c) => c === 1).length, written: 0, stateChanged: 0 });
  });

  it('an upload name is a label, never a path: nothing is written outside the data directory', async () => {
    const names = ['../../../../tmp/ramparts-evil.yaml', '..\\..\\evil.yaml', '/etc/passwd', '%2e%2e%2fevil'];
    for (const name of names) {
      const res = await api<{ ok: boolean; diagnostics?: unknown[]; exerciseId?: string }>(server.url, 'POST', '/api/scenarios/validate', { text: 'ramparts: 1\nmeta: {}\n', name }, TEST_OPERATOR_TOKEN);
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
    }
    const created = await api<{ exerciseId: string }>(server.url, 'POST', '/api/exercises', { scenario: { text: MINIMAL, name: names[0] }, mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    expect(created.status).toBe(201);
    // The store keeps exercises under their own (generated) ids only.
    const entries = await readdir(server.dataDir, { recursive: true });
    expect(entries.some((e) => e.includes('evil') || e.includes('passwd'))).toBe(false);
    expect(JSON.stringify(await server.store.getExercise(created.body.exerciseId))).not.toContain('ramparts-evil');
  });
});
