/**
 * The exercise library over HTTP (issue 17), with roles given to test tokens through the library's
 * one authentication hook: exercises listed at a glance from the store (after a restart too),
 * archive, delete with its confirmation and its audit entry, seat links re-issued and revoked, the
 * downloads; an evaluator cannot create, archive or delete; no seat token reaches any of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResponse, CreateExerciseResponse, ErrorBody, LibraryExercisesResponse, LibraryLinkResponse, OperatorRole } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import type { LibraryAuth } from '../../server/http/library-auth.ts';
import { bearerToken } from '../../server/http/reply.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, seatToken } from './helpers.ts';

const TOKENS = new Map<string, { name: string; roles: OperatorRole[] }>([
  ['controller-token-0123456789', { name: 'carla', roles: ['controller'] }],
  ['evaluator-token-0123456789', { name: 'evan', roles: ['evaluator'] }],
  ['planner-token-0123456789ab', { name: 'pia', roles: ['planner'] }],
]);
const [CONTROLLER, EVALUATOR, PLANNER] = [...TOKENS.keys()] as [string, string, string];
const rolesAuth: LibraryAuth = { identify: (req) => TOKENS.get(bearerToken(req) ?? '') };

let dir: string;
let server: RunningServer;
let ex: CreateExerciseResponse;

async function start(): Promise<RunningServer> {
  return startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
    }),
    { logger: silentLogger, libraryAuth: rolesAuth },
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ramparts-library-ex-'));
  server = await start();
  const res = await api<CreateExerciseResponse>(server.url, 'POST', '/api/library/scenarios/minimal/versions/1/exercises', { mode: 'tabletop' }, CONTROLLER);
  expect(res.status).toBe(201);
  ex = res.body;
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const list = async (token = CONTROLLER) => (await api<LibraryExercisesResponse>(server.url, 'GET', '/api/library/exercises', undefined, token)).body.exercises;

describe('the exercise library', () => {
  it('lists an exercise at a glance: scenario and version, mode, status, clock, seats, scores', async () => {
    const line = (await list(EVALUATOR)).find((e) => e.id === ex.exerciseId);
    expect(line).toMatchObject({ scenario: { id: 'minimal', version: 1 }, mode: 'tabletop', status: 'planned', phase: 'planned', clockMs: 0 });
    expect(line?.seats.map((s) => s.seat).sort()).toEqual(ex.seats.map((s) => s.seat).sort());
    expect(line?.seats.every((s) => s.connected === 0 && !('tokenHash' in s))).toBe(true);
    expect(line?.scores.map((s) => s.team).sort()).toEqual(['kw', 'om']);
  });

  it('refuses an evaluator and a planner what only a controller may do, and changes nothing', async () => {
    for (const token of [EVALUATOR, PLANNER]) {
      const create = await api<ErrorBody>(server.url, 'POST', '/api/library/scenarios/minimal/versions/1/exercises', { mode: 'tabletop' }, token);
      const del = await api<ErrorBody>(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}?confirm=${ex.exerciseId}`, undefined, token);
      const archive = await api<ErrorBody>(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/archive`, { archived: true }, token);
      const revoke = await api<ErrorBody>(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}/seats/blue:kw/link`, undefined, token);
      const reissue = await api<ErrorBody>(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/seats/controller/link`, undefined, token);
      for (const res of [create, del, archive, revoke, reissue]) expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      expect(create.body.message).toMatch(/only a controller/);
    }
    expect((await server.store.listExercises()).map((r) => r.id)).toEqual([ex.exerciseId]);
    expect((await list()).find((e) => e.id === ex.exerciseId)?.status).toBe('planned');
    const evaluatorLink = await api<LibraryLinkResponse>(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/seats/evaluator/link`, undefined, EVALUATOR);
    expect(evaluatorLink.status).toBe(200);
    expect((await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, evaluatorLink.body.seat.token)).status).toBe(200);
  });

  it('gives the log and the reports to controllers and evaluators, not to planners', async () => {
    const log = await api<string>(server.url, 'GET', `/api/library/exercises/${ex.exerciseId}/export/log`, undefined, EVALUATOR);
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('seed');
    const md = await api<string>(server.url, 'GET', `/api/library/exercises/${ex.exerciseId}/export/aar-md?lang=ar`, undefined, CONTROLLER);
    expect(md.status).toBe(200);
    expect((await api(server.url, 'GET', `/api/library/exercises/${ex.exerciseId}/export/log`, undefined, PLANNER)).status).toBe(403);
    expect((await api(server.url, 'GET', '/api/library/exercises/nosuchexercise/export/log', undefined, CONTROLLER)).status).toBe(404);
  });

  it('re-issues and revokes seat links: the old token stops opening the exercise', async () => {
    const oldController = seatToken(ex, 'controller');
    const res = await api<LibraryLinkResponse>(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/seats/controller/link`, undefined, CONTROLLER);
    expect(res.body.seat.link).toBe(`/#/join/${ex.exerciseId}/${res.body.seat.token}`);
    expect((await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, oldController)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, res.body.seat.token)).status).toBe(200);
    const blue = seatToken(ex, 'blue:kw');
    expect((await api(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}/seats/blue:kw/link`, undefined, CONTROLLER)).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, blue)).status).toBe(401);
    expect((await api(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}/seats/nobody/link`, undefined, CONTROLLER)).status).toBe(404);
  });

  it("is closed to seat tokens, a blue seat's first", async () => {
    const other = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, TEST_OPERATOR_TOKEN);
    for (const seat of ['blue:om', 'controller', 'evaluator']) {
      for (const path of ['/api/library/exercises', `/api/library/exercises/${other.body.exerciseId}/export/log`, '/api/library/audit']) {
        expect((await api(server.url, 'GET', path, undefined, seatToken(other.body, seat))).status).toBe(401);
      }
    }
  });

  it('finds the exercises again after a restart, archived as they were', async () => {
    const archived = await api(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/archive`, { archived: true }, CONTROLLER);
    expect(archived.status).toBe(200);
    await server.close();
    server = await start();
    const line = (await list()).find((e) => e.id === ex.exerciseId);
    expect(line).toMatchObject({ status: 'archived', phase: 'planned', scenario: { version: 1 } });
  });

  it('deletes only with the confirmation, records who deleted what first, and the seats stop working', async () => {
    const evaluatorLink = await api<LibraryLinkResponse>(server.url, 'POST', `/api/library/exercises/${ex.exerciseId}/seats/evaluator/link`, undefined, CONTROLLER);
    const unconfirmed = await api<ErrorBody>(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}?confirm=other`, undefined, CONTROLLER);
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([400, 'BAD_REQUEST']);
    expect(await server.store.getExercise(ex.exerciseId)).toBeDefined();
    const res = await api(server.url, 'DELETE', `/api/library/exercises/${ex.exerciseId}?confirm=${ex.exerciseId}`, undefined, CONTROLLER);
    expect(res.status).toBe(200);
    expect(await server.store.getExercise(ex.exerciseId)).toBeUndefined();
    expect(server.manager.host(ex.exerciseId)).toBeUndefined();
    expect((await list()).some((e) => e.id === ex.exerciseId)).toBe(false);
    expect((await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, evaluatorLink.body.seat.token)).status).toBe(401);
    const trail = (await api<AuditResponse>(server.url, 'GET', '/api/library/audit', undefined, CONTROLLER)).body.entries;
    expect(trail.find((e) => e.action === 'exercise.deleted')).toMatchObject({ actor: 'carla', subject: ex.exerciseId, detail: expect.stringMatching(/^minimal@1, tabletop/) });
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['exercise.created', 'seat.reissued', 'seat.revoked', 'exercise.archived']));
  });
});
