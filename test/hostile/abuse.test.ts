/**
 * The abuse matrix: a seat (or a stranger) tries what it may not, over real sockets and HTTP. Every
 * attempt must be REFUSED with its code and change nothing (state hash, revision and log length of
 * every exercise the same), be LOGGED as a structured line naming who tried (seat, role, team,
 * exercise, or the client address), and be COUNTED in `ramparts_rejected_total{code}` on /metrics.
 * The rows are in abuse-rows-own.ts (a seat's powers in its own exercise) and abuse-rows-reach.ts
 * (reaching past its room, exercise, token or size); oversized frames, the CLI and upload names are
 * here. Floods are in abuse-floods.test.ts.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { hashValue } from '../../engine/index.ts';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type CreateExerciseResponse } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { api, createExercise, joinSeat, TEST_OPERATOR_TOKEN, type Seat } from '../server/helpers.ts';
import { countsByCode, refusalLines, startAbuseServer, stateOf, type AbuseServer } from './abuse-harness.ts';
import { MINIMAL, token, type MatrixWorld, type Row } from './abuse-matrix.ts';
import { ownExerciseRows } from './abuse-rows-own.ts';
import { reachRows } from './abuse-rows-reach.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';

/** Each row's attempts are made this many times (a fresh socket each time). */
const REPEAT = scale(1, 20);

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
  const world: MatrixWorld = { server: () => server, a: () => a, b: () => b, oldOmToken: () => oldOmToken, seat };
  const rows: Row[] = [...ownExerciseRows(world), ...reachRows(world)];

  beforeAll(async () => {
    server = await startAbuseServer(
      {
        limits: { ...defaultConfig().limits, socketRate: 1e6, socketBurst: 1e6, httpRate: 1e6, httpBurst: 1e6 },
        quotas: { ...defaultConfig().quotas, commandsPerSecond: 1e6, commandBurst: 1e6 },
      },
      { refusalLog: { linesPerWindow: Number.POSITIVE_INFINITY } },
    );
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
        code: row.code,
        attempts: codes.length,
        refused: codes.filter((c) => c === row.code).length,
        logged: lines.length,
        counted: countedNow,
        stateChanged: 0,
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
      const res = await api<{ ok: boolean; diagnostics?: unknown[]; exerciseId?: string }>(
        server.url,
        'POST',
        '/api/scenarios/validate',
        { text: 'ramparts: 1\nmeta: {}\n', name },
        TEST_OPERATOR_TOKEN,
      );
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
