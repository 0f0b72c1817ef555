/** The REST API, security headers and operations endpoints of a real server. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog, replay, stateHash } from '../../engine/index.ts';
import { exportProduct, loadExercise } from '../../interchange/index.ts';
import { d3Bundle } from '../../native/d3-bundle.ts';
import type { CreateExerciseResponse, ErrorBody, ExerciseSummary, ScenarioListing, ScenarioSummary, ValidateScenarioResponse } from '../../protocol/index.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise, startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
let minimal: string;

beforeAll(async () => {
  server = await startTestServer();
  minimal = await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8');
});
afterAll(async () => server?.dispose());

describe('lobby', () => {
  it('lists bundled scenarios without their network, red plan or seed', async () => {
    const { status, body } = await api<{ scenarios: ScenarioSummary[] }>(server.url, 'GET', '/api/scenarios');
    expect(status).toBe(200);
    const entry = body.scenarios.find((s) => s.id === 'minimal')!;
    expect(entry).toMatchObject({ title: 'Minimal exercise', modes: ['realtime', 'tabletop', 'headless'], duration: '8h' });
    expect(entry).not.toHaveProperty('seed');
    expect(JSON.stringify(body)).not.toMatch(/"seed"/);
    expect(entry.teams.map((t) => `${t.id}:${t.role}`)).toEqual(['white:white', 'kw:blue', 'om:blue', 'red:red']);
    const text = JSON.stringify(body);
    for (const secret of ['zerologon', 'Exploit Netlogon', 'kw-dc', 'phish-domain', 'campaigns', 'network']) expect(text).not.toContain(secret);
  });

  it("gives the scenarios' descriptions (their story) to an operator only, never to a seat or a passer-by", async () => {
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const listed = async (token?: string) => (await api<{ scenarios: ScenarioListing[] }>(server.url, 'GET', '/api/scenarios', undefined, token)).body.scenarios.find((s) => s.id === 'minimal')!;
    const operator = await listed(TEST_OPERATOR_TOKEN);
    expect(typeof operator.description).toBe('string');
    const story = String(operator.description);
    expect(story.length).toBeGreaterThan(10);
    for (const token of [undefined, ex.seats.find((s) => s.seat === 'blue:kw')!.token, ex.seats.find((s) => s.seat === 'red')!.token]) {
      const entry = await listed(token);
      expect(entry).not.toHaveProperty('description');
      expect(entry).toMatchObject({ id: 'minimal', title: operator.title, teams: operator.teams });
    }
  });

  it('validates a scenario text with located diagnostics', async () => {
    const good = await api<ValidateScenarioResponse>(server.url, 'POST', '/api/scenarios/validate', { text: minimal }, TEST_OPERATOR_TOKEN);
    expect(good).toMatchObject({ status: 200, body: { ok: true } });
    const broken = minimal.replace('criticality: 2', 'criticality: 9');
    const bad = await api<ValidateScenarioResponse>(server.url, 'POST', '/api/scenarios/validate', { text: broken, name: 'mine.yaml' }, TEST_OPERATOR_TOKEN);
    expect(bad.body.ok).toBe(false);
    const line = broken.split('\n').findIndex((l) => l.includes('criticality: 9')) + 1;
    expect(bad.body.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', path: 'network.nodes[0].criticality', line }));
  });
});

describe('creating exercises', () => {
  it('from a bundled scenario: one link per seat, each with its own token, and a secret seed', async () => {
    const { status, body } = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    expect(status).toBe(201);
    expect(Number.isInteger(body.seed) && body.seed >= 0 && body.seed < 2 ** 31).toBe(true);
    expect(body.seats.map((s) => [s.seat, s.role, s.team])).toEqual([
      ['controller', 'white', undefined],
      ['blue:kw', 'blue', 'kw'],
      ['blue:om', 'blue', 'om'],
      ['red', 'red', undefined],
      ['evaluator', 'evaluator', undefined],
      ['presentation', 'presentation', undefined],
    ]);
    expect(new Set(body.seats.map((s) => s.token)).size).toBe(6);
    for (const s of body.seats) expect(s.link).toBe(`/#/join/${body.exerciseId}/${s.token}`);
    // Only hashes are stored.
    const seatsFile = await readFile(join(server.dataDir, 'exercises', body.exerciseId, 'seats.json'), 'utf8');
    for (const s of body.seats) expect(seatsFile).not.toContain(s.token);
    const summary = await api(server.url, 'GET', `/api/exercises/${body.exerciseId}`, undefined, body.seats[1]!.token);
    expect(summary.body).toMatchObject({ ok: true, exerciseId: body.exerciseId, mode: 'tabletop', seat: { seat: 'blue:kw', role: 'blue', team: 'kw' } });
  });

  it('draws each seed from a cryptographic source unless the operator sets one, and shows it to the white cell and evaluators only', async () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const created = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
      seeds.add(created.body.seed);
      // The record (and so the log, which replay needs) holds the seed the exercise runs with.
      expect((await server.store.getExercise(created.body.exerciseId))?.seed).toBe(created.body.seed);
    }
    // Six draws from 2^31 values, none the scenario's default (42): all distinct.
    expect(seeds.size).toBe(6);
    expect(seeds.has(42)).toBe(false);
    const chosen = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop', seed: 4242 }, TEST_OPERATOR_TOKEN);
    expect(chosen.body.seed).toBe(4242);
    const tokenOf = (seat: string) => chosen.body.seats.find((s) => s.seat === seat)!.token;
    for (const seat of ['controller', 'evaluator']) {
      expect((await api<ExerciseSummary>(server.url, 'GET', `/api/exercises/${chosen.body.exerciseId}`, undefined, tokenOf(seat))).body.seed).toBe(4242);
    }
    for (const seat of ['blue:kw', 'blue:om', 'red']) {
      const summary = await api<ExerciseSummary>(server.url, 'GET', `/api/exercises/${chosen.body.exerciseId}`, undefined, tokenOf(seat));
      expect(summary.status).toBe(200);
      expect(JSON.stringify(summary.body), seat).not.toMatch(/seed|4242/);
    }
  });

  it('from an uploaded scenario, with a chosen seed; several exercises at once', async () => {
    const one = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: { text: minimal }, mode: 'realtime', seed: 9 }, TEST_OPERATOR_TOKEN);
    const two = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: { text: minimal }, mode: 'realtime', seed: 9 }, TEST_OPERATOR_TOKEN);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.exerciseId).not.toBe(two.body.exerciseId);
    expect(server.manager.host(one.body.exerciseId)!.stateHash()).toBe(server.manager.host(two.body.exerciseId)!.stateHash());
  });

  it('refuses an invalid upload with every located error, and creates nothing', async () => {
    const before = server.manager.size;
    const broken = minimal.replace('kind: workstation', 'kind: toaster').replace('base: 0.8', 'base: 8');
    const { status, body } = await api<ErrorBody>(server.url, 'POST', '/api/exercises', { scenario: { text: broken, name: 'upload.yaml' }, mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    expect(status).toBe(422);
    expect(body.code).toBe('INVALID_SCENARIO');
    const errors = body.diagnostics!.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toEqual(expect.arrayContaining(['network.nodes[0].kind', 'campaigns[0].steps[0].success.base']));
    for (const d of errors) expect(d.line).toBeGreaterThan(0);
    expect(server.manager.size).toBe(before);
  });

  it('answers bad requests with coded errors', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ scenario: 'nope', mode: 'tabletop' }, 404, 'NOT_FOUND'],
      [{ scenario: 'minimal', mode: 'headless' }, 400, 'BAD_REQUEST'],
      [{ scenario: 'minimal' }, 400, 'BAD_REQUEST'],
      [{ scenario: 'minimal', mode: 'tabletop', seed: -1 }, 400, 'BAD_REQUEST'],
      [{ scenario: 'minimal', mode: 'tabletop', extra: 1 }, 400, 'BAD_REQUEST'],
      [{ scenario: { text: minimal.replace('modes: [realtime, tabletop, headless]', 'modes: [headless]') }, mode: 'tabletop' }, 422, 'BAD_MODE'],
      ['{"scenario": "minimal", ', 400, 'BAD_REQUEST'],
      [[1, 2, 3], 400, 'BAD_REQUEST'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api<ErrorBody>(server.url, 'POST', '/api/exercises', body, TEST_OPERATOR_TOKEN);
      expect([res.status, res.body.code], JSON.stringify(body).slice(0, 60)).toEqual([status, code]);
      expect(res.body.message.length).toBeGreaterThan(5);
    }
    const huge = await api<ErrorBody>(server.url, 'POST', '/api/exercises', { scenario: { text: 'x'.repeat(5 * 1024 * 1024) }, mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    expect([huge.status, huge.body.code]).toEqual([413, 'TOO_LARGE']);
    const unknown = await api<ErrorBody>(server.url, 'GET', '/api/nothing-here');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const noAuth = await api<ErrorBody>(server.url, 'GET', '/api/exercises/abcdefghijkl');
    expect([noAuth.status, noAuth.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('the exercise log', () => {
  it("is the engine's log format, for the controller and evaluators only, and replays to the live state hash", async () => {
    const { body: created } = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    const tokenOf = (seat: string) => created.seats.find((s) => s.seat === seat)!.token;
    const host = server.manager.host(created.exerciseId)!;
    expect(await host.submit({ role: 'white' }, { type: 'start' })).toMatchObject({ ok: true });
    expect(await host.submit({ role: 'white' }, { type: 'advance', to: 7_200_000 })).toMatchObject({ ok: true });
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'quiet', severity: 'low' })).toMatchObject({ ok: true });
    // The revision counts every seat's commands: the controller's and evaluators' to know, not blue's.
    const blue = await api<ExerciseSummary>(server.url, 'GET', `/api/exercises/${created.exerciseId}`, undefined, tokenOf('blue:kw'));
    expect(blue.body.revision).toBeUndefined();
    expect(blue.body.stateHash).toBeUndefined();
    expect((await api<ExerciseSummary>(server.url, 'GET', `/api/exercises/${created.exerciseId}`, undefined, tokenOf('controller'))).body.revision).toBe(3);
    expect((await api(server.url, 'GET', `/api/exercises/${created.exerciseId}/log`, undefined, tokenOf('blue:kw'))).status).toBe(403);
    expect((await api(server.url, 'GET', `/api/exercises/${created.exerciseId}/log`, undefined, tokenOf('red'))).status).toBe(403);
    const white = await api<ExerciseSummary>(server.url, 'GET', `/api/exercises/${created.exerciseId}`, undefined, tokenOf('controller'));
    for (const seat of ['controller', 'evaluator']) {
      const log = await api<string>(server.url, 'GET', `/api/exercises/${created.exerciseId}/log`, undefined, tokenOf(seat));
      const parsed = parseLog(log.body);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.log.records.map((r) => r.command.type)).toEqual(['start', 'advance', 'sitrep']);
      const replayed = replay(parsed.log, { verify: true });
      if (!replayed.ok) throw new Error(replayed.message);
      expect(stateHash(replayed.state)).toBe(white.body.stateHash);
    }
  });
});

describe('exports', () => {
  it("are the command line's products of the log, for the controller and evaluators only, refused in a sentence otherwise", async () => {
    const { body: created } = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    const tokenOf = (seat: string) => created.seats.find((s) => s.seat === seat)!.token;
    const host = server.manager.host(created.exerciseId)!;
    expect(await host.submit({ role: 'white' }, { type: 'start' })).toMatchObject({ ok: true });
    expect(await host.submit({ role: 'white' }, { type: 'advance', to: 3_600_000 })).toMatchObject({ ok: true });
    const path = (format: string, query = '') => `/api/exercises/${created.exerciseId}/export/${format}${query}`;
    for (const seat of ['blue:kw', 'red']) {
      const refused = await api<ErrorBody>(server.url, 'GET', path('aar-md'), undefined, tokenOf(seat));
      expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: expect.stringContaining('only the controller and evaluators may export') } });
    }
    expect((await api(server.url, 'GET', path('aar-md'))).status).toBe(401);
    expect((await api<ErrorBody>(server.url, 'GET', path('pdf'), undefined, tokenOf('evaluator'))).body.message).toContain('the exports are aar-html, aar-md');
    expect((await api<ErrorBody>(server.url, 'GET', path('aar-md', '?tz=Mars/Olympus'), undefined, tokenOf('evaluator'))).status).toBe(400);
    expect((await api<ErrorBody>(server.url, 'GET', path('stix', '?team=nobody'), undefined, tokenOf('evaluator'))).body.message).toContain('no blue team "nobody"');
    const log = await api<string>(server.url, 'GET', path('log'), undefined, tokenOf('controller'));
    const parsed = parseLog(log.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const x = loadExercise(parsed.log);
    if (!x.ok) throw new Error(x.message);
    for (const [format, query] of [
      ['aar-md', '?lang=ar&tz=Asia/Riyadh'],
      ['aar-html', ''],
      ['stix', '?team=kw'],
      ['navigator', ''],
      ['msel-csv', ''],
      ['json', ''],
      ['package', ''],
    ] as const) {
      const res = await fetch(`${server.url}${path(format, query)}`, { headers: { authorization: `Bearer ${tokenOf('evaluator')}` } });
      expect(res.status, format).toBe(200);
      const q = new URLSearchParams(query);
      const expected = exportProduct(format, x.exercise, {
        lang: q.get('lang') ?? 'en',
        ...(format === 'aar-html' ? { d3: d3Bundle() } : {}),
        ...(q.get('tz') ? { timeZone: q.get('tz')! } : {}),
        ...(q.get('team') ? { team: q.get('team')! } : {}),
      });
      if (!expected.ok) throw new Error(expected.message);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(expected.text, 'utf8')), format).toBe(true);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${expected.fileName}"`);
      expect(res.headers.get('content-type')).toBe(`${expected.mediaType}; charset=utf-8`);
    }
  });
});

describe('headers and operations', () => {
  it('serves a build notice before the client is built, with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/connect-src[^;]* (ws|wss):( |;|$)/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await api<{ ok: boolean; exercises: number }>(server.url, 'GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { ok: true, exercises: server.manager.size } });
    const metrics = await api<string>(server.url, 'GET', '/metrics', undefined, TEST_OPERATOR_TOKEN);
    expect(metrics.status).toBe(200);
    for (const name of ['ramparts_exercises', 'ramparts_seats_connected', 'ramparts_commands_total', 'ramparts_command_duration_seconds', 'ramparts_delta_bytes', 'ramparts_rejected_total']) {
      expect(metrics.body).toContain(`# TYPE ${name} `);
    }
    expect(metrics.body).toMatch(new RegExp(`^ramparts_exercises ${server.manager.size}$`, 'm'));
  });

  it('limits the request rate per client address', async () => {
    const limited = await startTestServer({ limits: { ...(await import('../../server/config.ts')).defaultConfig().limits, httpRate: 0.001, httpBurst: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await api(limited.url, 'GET', '/api/scenarios')).status);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      // Operations endpoints are not rate limited (scrapers poll them).
      expect((await api(limited.url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});
