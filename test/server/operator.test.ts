/**
 * Operators only create exercises (issue 13): creating an exercise and uploading a scenario need the
 * operator token; everyone else gets UNAUTHENTICATED with a sentence that says what to send, before
 * the body is read, and nothing is created. Where the token comes from: the configuration, the
 * environment, or the data directory (made and printed once at the first start).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExerciseResponse, ErrorBody } from '../../protocol/index.ts';
import { OPERATOR_TOKEN_FILE, resolveOperatorToken } from '../../server/auth/operator.ts';
import { spawnServe } from './child-server.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise, startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
let created: CreateExerciseResponse;

beforeAll(async () => {
  server = await startTestServer();
  created = await createExercise(server.url, 'minimal', 'tabletop');
});
afterAll(async () => {
  await server?.dispose();
});

describe('creating exercises and uploading scenarios', () => {
  it('is refused without the operator token, with a sentence saying what to send, and creates nothing', async () => {
    const before = server.manager.size;
    const seatTokens = created.seats.map((s) => s.token);
    const attempts: Array<[string, unknown, string | undefined]> = [
      ['/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, undefined],
      ['/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, `${TEST_OPERATOR_TOKEN}0`],
      ['/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN.slice(1)],
      ...seatTokens.map((t): [string, unknown, string] => ['/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, t]),
      ['/api/scenarios/validate', { text: 'ramparts: 1\n' }, undefined],
      ['/api/scenarios/validate', { text: 'ramparts: 1\n' }, seatTokens[0]],
    ];
    for (const [path, body, token] of attempts) {
      const res = await api<ErrorBody>(server.url, 'POST', path, body, token);
      expect([res.status, res.body.code], `${path} with ${token ? 'a wrong token' : 'no token'}`).toEqual([401, 'UNAUTHENTICATED']);
      expect(res.body.message).toMatch(/operator token.*Authorization: Bearer/);
    }
    expect(server.manager.size).toBe(before);
  });

  it('refuses before reading the body: a 3.9 MB upload without the token is UNAUTHENTICATED, not parsed', async () => {
    const body = JSON.stringify({ scenario: { text: `# ${'x'.repeat(3_900_000)}` }, mode: 'tabletop' });
    const res = await api<ErrorBody>(server.url, 'POST', '/api/exercises', body);
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('is accepted with the operator token', async () => {
    const res = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    expect(res.status).toBe(201);
    const valid = await api<{ ok: boolean }>(server.url, 'POST', '/api/scenarios/validate', { text: await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8') }, TEST_OPERATOR_TOKEN);
    expect(valid.body.ok).toBe(true);
  });

  it('leaves the lobby and the seats open as before: the scenario list, and each seat its own exercise', async () => {
    expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/exercises/${created.exerciseId}`, undefined, created.seats[1]!.token)).status).toBe(200);
  });
});

describe('where the operator token comes from', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ramparts-operator-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the configuration, then the environment, then the data directory', async () => {
    const env = { RAMPARTS_OPERATOR_TOKEN: 'from-the-environment-123' };
    expect(await resolveOperatorToken({ configured: 'from-the-configuration', env, dataDir: dir })).toEqual({ token: 'from-the-configuration', source: 'config' });
    expect(await resolveOperatorToken({ env, dataDir: dir })).toEqual({ token: 'from-the-environment-123', source: 'environment' });
    const first = await resolveOperatorToken({ env: {}, dataDir: join(dir, 'data') });
    expect(first.source).toBe('generated');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dir, 'data', OPERATOR_TOKEN_FILE);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.token);
    // Readable by the server's user only.
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await resolveOperatorToken({ env: {}, dataDir: join(dir, 'data') })).toEqual({ token: first.token, source: 'file' });
    // An empty variable is no token.
    expect((await resolveOperatorToken({ env: { RAMPARTS_OPERATOR_TOKEN: '' }, dataDir: join(dir, 'data') })).source).toBe('file');
  });

  it('refuses to start with a token nobody can send', async () => {
    await expect(resolveOperatorToken({ env: { RAMPARTS_OPERATOR_TOKEN: 'short' }, dataDir: dir })).rejects.toThrow(/RAMPARTS_OPERATOR_TOKEN is unusable: an operator token is 16 to 128/);
    await expect(resolveOperatorToken({ configured: 'has spaces in it, sixteen+', dataDir: dir })).rejects.toThrow(/configuration is unusable/);
  });

  it('ramparts serve prints a generated token once, at the first start, and never in a log line', async () => {
    const data = join(dir, 'serve-data');
    const run = async () => {
      const lines: string[] = [];
      const child = await spawnServe(['--data', data, '--scenarios', FIXTURES, '--log-level', 'info'], { env: { RAMPARTS_OPERATOR_TOKEN: '' }, lines });
      const created = await api<CreateExerciseResponse>(
        child.url,
        'POST',
        '/api/exercises',
        { scenario: 'minimal', mode: 'tabletop' },
        (await readFile(join(data, OPERATOR_TOKEN_FILE), 'utf8')).trim(),
      );
      expect(created.status).toBe(201);
      await child.stop();
      return lines;
    };
    const first = await run();
    const token = (await readFile(join(data, OPERATOR_TOKEN_FILE), 'utf8')).trim();
    const printed = first.filter((l) => l.includes(token));
    expect(printed).toEqual([expect.stringMatching(/^Operator token \(printed this once; kept in .*operator-token\): /)]);
    expect(first.filter((l) => l.startsWith('{')).length).toBeGreaterThan(0);
    const second = await run();
    expect(second.some((l) => l.includes(token))).toBe(false);
  }, 60_000);
});
