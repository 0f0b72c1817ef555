/**
 * /metrics answers the server's operators only (issue 13): its counters are server-wide, so a seat
 * that read them could count other teams' activity. The operator token, a signed-in administrator and
 * the metrics token read it; a seat token is refused exactly as a stranger is; the metrics token
 * opens nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../protocol/index.ts';
import { resolveMetricsToken } from '../../server/http/metrics-route.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CookieClient } from './auth-client.ts';
import { spawnServe } from './child-server.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise, startTestServer, type TestServer } from './helpers.ts';

const METRICS_TOKEN = 'scrape-token-for-prometheus-0123';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ metricsToken: METRICS_TOKEN });
  for (const [username, roles] of [
    ['boss', ['administrator']],
    ['planner', ['planner']],
  ] as const) {
    const user = await server.accounts.newUser(username, [...roles], `${username} password 123`);
    expect(await server.accounts.store.createUser(user)).toBe('created');
  }
});
afterAll(async () => {
  await server?.dispose();
});

const isExposition = (body: unknown) => typeof body === 'string' && /^# TYPE ramparts_commands_total counter$/m.test(body);

describe('GET /metrics', () => {
  it('answers the operator token, the metrics token and a signed-in administrator', async () => {
    for (const token of [TEST_OPERATOR_TOKEN, METRICS_TOKEN]) {
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(isExposition(await res.text())).toBe(true);
    }
    const admin = new CookieClient(server.url);
    await admin.login('boss', 'boss password 123');
    const signedIn = await admin.call<string>('GET', '/metrics');
    expect(signedIn.status).toBe(200);
    expect(isExposition(signedIn.body)).toBe(true);
  });

  it('refuses a seat token exactly as it refuses a stranger, and says nothing of the counters', async () => {
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const stranger = await api<ErrorBody>(server.url, 'GET', '/metrics');
    expect(stranger.status).toBe(401);
    expect(stranger.body.code).toBe('UNAUTHENTICATED');
    expect(stranger.body.message).toMatch(/operators of this server/);
    for (const seat of ex.seats) {
      const answer = await api<ErrorBody>(server.url, 'GET', '/metrics', undefined, seat.token);
      expect(answer).toEqual(stranger);
      expect(JSON.stringify(answer.body)).not.toContain('ramparts_');
    }
  });

  it('refuses a signed-in operator without the administrator role (FORBIDDEN)', async () => {
    const planner = new CookieClient(server.url);
    await planner.login('planner', 'planner password 123');
    const answer = await planner.call<ErrorBody>('GET', '/metrics');
    expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(JSON.stringify(answer.body)).not.toContain('ramparts_');
  });

  it('the metrics token opens nothing but /metrics', async () => {
    const before = server.manager.size;
    const create = await api<ErrorBody>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, METRICS_TOKEN);
    expect([create.status, create.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(server.manager.size).toBe(before);
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const summary = await api<ErrorBody>(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, METRICS_TOKEN);
    expect([summary.status, summary.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a metrics token that cannot travel as a bearer token stops the start', () => {
    expect(() => resolveMetricsToken('short', {})).toThrow(/metrics token from the configuration is unusable/);
    expect(() => resolveMetricsToken(undefined, { RAMPARTS_METRICS_TOKEN: 'has space in it 0123' })).toThrow(/RAMPARTS_METRICS_TOKEN is unusable/);
    expect(resolveMetricsToken(undefined, {})).toBeUndefined();
    expect(resolveMetricsToken(undefined, { RAMPARTS_METRICS_TOKEN: METRICS_TOKEN })?.allows(METRICS_TOKEN)).toBe(true);
  });

  it("ramparts serve --metrics-token-file reads the scrape token from the file's first line", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-metrics-'));
    const file = join(dir, 'metrics-token');
    await writeFile(file, `${METRICS_TOKEN}\n`, { mode: 0o600 });
    const child = await spawnServe(['--data', join(dir, 'data'), '--scenarios', FIXTURES, '--log-level', 'warn', '--metrics-token-file', file]);
    try {
      const scraped = await fetch(`${child.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(isExposition(await scraped.text())).toBe(true);
      expect((await fetch(`${child.url}/metrics`)).status).toBe(401);
    } finally {
      await child.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
