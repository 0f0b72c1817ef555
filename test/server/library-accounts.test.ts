/**
 * The library behind real operator accounts (issue 17), through the server's guard with session
 * cookies and CSRF tokens, no test hook: an evaluator reads the library and downloads a log but
 * cannot create or delete; a controller creates and deletes (not without the CSRF token); a
 * planner's save is signed with the planner's name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExerciseResponse, ErrorBody, LibraryExercisesResponse, OperatorRole, SaveVersionResponse } from '../../protocol/index.ts';
import { CookieClient } from './auth-client.ts';
import { FIXTURES, startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
const clients = new Map<string, CookieClient>();

async function signedIn(username: string, roles: OperatorRole[]): Promise<CookieClient> {
  const password = `${username} password 1`;
  expect(await server.accounts.store.createUser(await server.accounts.newUser(username, roles, password))).toBe('created');
  const client = new CookieClient(server.url);
  await client.login(username, password);
  clients.set(username, client);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

describe('the library with operator accounts', () => {
  it('gives each role its part, and an evaluator cannot create or delete', async () => {
    const eve = await signedIn('eve', ['evaluator']);
    const carl = await signedIn('carl', ['controller']);
    const pat = await signedIn('pat', ['planner']);

    const text = (await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8')).replace('title: Minimal exercise', 'title: Minimal, by pat');
    const saved = await pat.call<SaveVersionResponse>('POST', '/api/library/scenarios/minimal/versions', { text, message: 'retitled', basedOn: 1 });
    expect([saved.status, saved.body.version?.author]).toEqual([201, 'pat']);

    const refusedCreate = await eve.call<ErrorBody>('POST', '/api/library/scenarios/minimal/versions/2/exercises', { mode: 'tabletop' });
    expect([refusedCreate.status, refusedCreate.body.code]).toEqual([403, 'FORBIDDEN']);
    const noCsrf = await carl.call<ErrorBody>('POST', '/api/library/scenarios/minimal/versions/2/exercises', { mode: 'tabletop' }, { csrf: false });
    expect([noCsrf.status, noCsrf.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await server.store.listExercises()).toEqual([]);
    const created = await carl.call<CreateExerciseResponse>('POST', '/api/library/scenarios/minimal/versions/2/exercises', { mode: 'tabletop' });
    expect(created.status).toBe(201);
    const id = created.body.exerciseId;

    const listed = await eve.call<LibraryExercisesResponse>('GET', '/api/library/exercises');
    expect(listed.body.exercises.map((x) => [x.id, x.scenario.version])).toEqual([[id, 2]]);
    const log = await eve.call<string>('GET', `/api/library/exercises/${id}/export/log`);
    expect(log.status).toBe(200);
    const refusedDelete = await eve.call<ErrorBody>('DELETE', `/api/library/exercises/${id}?confirm=${id}`);
    expect([refusedDelete.status, refusedDelete.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await server.store.getExercise(id)).toBeDefined();

    const deleted = await carl.call('DELETE', `/api/library/exercises/${id}?confirm=${id}`);
    expect(deleted.status).toBe(200);
    expect(await server.store.getExercise(id)).toBeUndefined();
    const trail = await server.library.listAudit();
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['scenario.saved', 'pat'],
      ['exercise.created', 'carl'],
      ['exercise.deleted', 'carl'],
    ]);
  });
});
