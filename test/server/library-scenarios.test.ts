/**
 * The scenario library over HTTP (issue 17): bundled scenarios enter the history once, each save is
 * a new version with who, when and the message, the validator is the gate (located errors, nothing
 * stored), a stale edit is refused, an exercise is created from any stored version, and no seat
 * token of any exercise (a blue seat least of all) reaches the library.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExerciseResponse, ErrorBody, LibraryScenariosResponse, SaveVersionResponse, ScenarioVersionResponse, ScenarioVersionsResponse } from '../../protocol/index.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise, seatToken, startTestServer, type TestServer } from './helpers.ts';

let server: TestServer;
let minimal: string;
const op = TEST_OPERATOR_TOKEN;

beforeAll(async () => {
  server = await startTestServer();
  minimal = await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8');
});
afterAll(async () => {
  await server?.dispose();
});

const edited = () => minimal.replace('title: Minimal exercise', 'title: Minimal exercise, second draft');

describe('the scenario library', () => {
  it('lists each bundled scenario as version 1 by "bundled"', async () => {
    const res = await api<LibraryScenariosResponse>(server.url, 'GET', '/api/library/scenarios', undefined, op);
    expect(res.status).toBe(200);
    const line = res.body.scenarios.find((s) => s.id === 'minimal');
    expect(line).toMatchObject({ versions: 1, latest: { version: 1, source: 'bundled', author: 'bundled', validation: { ok: true } } });
  });

  it('refuses an invalid version with located errors and stores nothing', async () => {
    const broken = minimal.replace('criticality: 2', 'criticality: "very"');
    const res = await api<ErrorBody>(server.url, 'POST', '/api/library/scenarios/minimal/versions', { text: broken, message: 'oops', basedOn: 1 }, op);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_SCENARIO');
    const located = res.body.diagnostics?.find((d) => d.severity === 'error');
    expect(located?.line).toBe(broken.split('\n').findIndex((l) => l.includes('criticality: "very"')) + 1);
    const versions = await api<ScenarioVersionsResponse>(server.url, 'GET', '/api/library/scenarios/minimal/versions', undefined, op);
    expect(versions.body.versions.map((v) => v.version)).toEqual([1]);
  });

  it('saves a valid text as the next version, with who, when and the message, and serves its text', async () => {
    const res = await api<SaveVersionResponse>(server.url, 'POST', '/api/library/scenarios/minimal/versions', { text: edited(), message: 'retitled', basedOn: 1 }, op);
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ scenarioId: 'minimal', version: 2, source: 'saved', author: 'operator-token', message: 'retitled', title: 'Minimal exercise, second draft' });
    expect(Date.parse(res.body.version.savedAt)).not.toBeNaN();
    const got = await api<ScenarioVersionResponse>(server.url, 'GET', '/api/library/scenarios/minimal/versions/2', undefined, op);
    expect(got.body.text).toBe(edited());
    const versions = await api<ScenarioVersionsResponse>(server.url, 'GET', '/api/library/scenarios/minimal/versions', undefined, op);
    expect(versions.body.versions.map((v) => [v.version, v.author])).toEqual([
      [2, 'operator-token'],
      [1, 'bundled'],
    ]);
  });

  it('refuses an edit started from an older version, and a text of another scenario', async () => {
    const stale = await api<ErrorBody>(server.url, 'POST', '/api/library/scenarios/minimal/versions', { text: edited(), basedOn: 1 }, op);
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    expect(stale.body.message).toMatch(/version 2/);
    const other = await api<ErrorBody>(server.url, 'POST', '/api/library/scenarios/another/versions', { text: edited() }, op);
    expect([other.status, other.body.code]).toEqual([400, 'BAD_REQUEST']);
    expect(other.body.message).toMatch(/meta\.id/);
    const missing = await api<ErrorBody>(server.url, 'GET', '/api/library/scenarios/minimal/versions/9', undefined, op);
    expect(missing.status).toBe(404);
  });

  it('creates an exercise from a stored version, recording which', async () => {
    const res = await api<CreateExerciseResponse>(server.url, 'POST', '/api/library/scenarios/minimal/versions/2/exercises', { mode: 'tabletop' }, op);
    expect(res.status).toBe(201);
    const record = await server.store.getExercise(res.body.exerciseId);
    expect(record?.scenario).toMatchObject({ id: 'minimal', source: 'library', version: 2, text: edited() });
    expect(await server.library.getMark(res.body.exerciseId)).toMatchObject({ archived: false, origin: { scenarioId: 'minimal', version: 2 } });
    const badMode = await api<ErrorBody>(server.url, 'POST', '/api/library/scenarios/minimal/versions/2/exercises', { mode: 'sideways' }, op);
    expect(badMode.status).toBe(400);
  });

  it("is closed to every seat token of an exercise, a blue seat's first, and to no token", async () => {
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const tokens = [seatToken(ex, 'blue:kw'), seatToken(ex, 'controller'), seatToken(ex, 'evaluator'), undefined];
    const before = (await server.library.listVersions('minimal')).length;
    for (const token of tokens) {
      for (const [method, path, body] of [
        ['GET', '/api/library/scenarios', undefined],
        ['GET', '/api/library/scenarios/minimal/versions', undefined],
        ['GET', '/api/library/scenarios/minimal/versions/1', undefined],
        ['POST', '/api/library/scenarios/minimal/versions', { text: edited() }],
        ['POST', '/api/library/scenarios/minimal/versions/1/exercises', { mode: 'tabletop' }],
        ['GET', '/api/library/audit', undefined],
      ] as const) {
        const res = await api<ErrorBody>(server.url, method, path, body, token);
        expect([path, res.status, res.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
        expect(JSON.stringify(res.body)).not.toContain('Minimal exercise');
      }
    }
    expect((await server.library.listVersions('minimal')).length).toBe(before);
  });

  it('does not enter a bundled file again after a restart', async () => {
    const again = await startTestServer({}, server.dataDir);
    try {
      const res = await api<ScenarioVersionsResponse>(again.url, 'GET', '/api/library/scenarios/minimal/versions', undefined, op);
      expect(res.body.versions.map((v) => v.version)).toEqual([2, 1]);
    } finally {
      await again.close();
    }
  });
});
