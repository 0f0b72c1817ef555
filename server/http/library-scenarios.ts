/**
 * The scenario library's routes (`/api/library/scenarios`, documented in docs/PROTOCOL.md and
 * docs/SERVER.md): list, versions, a version's text, save a new version (planner; the validator is
 * the gate), create an exercise from a version (controller).
 */
import express, { type Request, type Response, type Router } from 'express';
import {
  CreateFromVersionRequest,
  ERROR_CODES,
  LibraryScenarioId,
  MAX_SCENARIO_BYTES,
  SaveVersionRequest,
  type LibraryScenariosResponse,
  type SaveVersionResponse,
  type ScenarioVersionResponse,
  type ScenarioVersionsResponse,
} from '../../protocol/index.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { Clock } from '../ops/clock.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { LibraryStore } from '../store/library-types.ts';
import { principalOf, requireRole } from './library-auth.ts';
import { route, sendError, sendResult } from './reply.ts';

export interface LibraryScenarioDeps {
  library: ScenarioLibrary;
  store: LibraryStore;
  manager: ExerciseManager;
  clock: Clock;
}

/** The first zod issue as `path: message`. */
export function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The scenario id of the path, or undefined with NOT_FOUND sent. */
function scenarioIdOf(req: Request, res: Response): string | undefined {
  const id = String(req.params.id);
  if (LibraryScenarioId.safeParse(id).success) return id;
  sendError(res, ERROR_CODES.NOT_FOUND, `no scenario "${id}" in the library`);
  return undefined;
}

/** The version number of the path, or undefined with NOT_FOUND sent. */
function versionOf(req: Request, res: Response): number | undefined {
  const text = String(req.params.version);
  const n = /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
  if (n === undefined) sendError(res, ERROR_CODES.NOT_FOUND, `no version "${text}": versions are numbered 1, 2, 3, ...`);
  return n;
}

export function libraryScenarioRoutes(router: Router, deps: LibraryScenarioDeps): void {
  const scenarioJson = express.json({ limit: MAX_SCENARIO_BYTES + 64 * 1024, strict: true });

  router.get(
    '/scenarios',
    route(async (_req, res) => {
      const body: LibraryScenariosResponse = { ok: true, scenarios: await deps.library.list() };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  router.get(
    '/scenarios/:id/versions',
    route(async (req, res) => {
      const id = scenarioIdOf(req, res);
      if (id === undefined) return;
      const versions = await deps.library.versions(id);
      if (versions.length === 0) return sendError(res, ERROR_CODES.NOT_FOUND, `no scenario "${id}" in the library`);
      const body: ScenarioVersionsResponse = { ok: true, scenarioId: id, versions };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  router.get(
    '/scenarios/:id/versions/:version',
    route(async (req, res) => {
      const id = scenarioIdOf(req, res);
      const version = id === undefined ? undefined : versionOf(req, res);
      if (id === undefined || version === undefined) return;
      const stored = await deps.library.version(id, version);
      if (!stored) return sendError(res, ERROR_CODES.NOT_FOUND, `scenario "${id}" has no version ${version}`);
      const body: ScenarioVersionResponse = { ok: true, version: stored.info, text: stored.text };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  /** A save under the path's scenario, or (no `:id`: an upload) under the text's own meta.id. */
  const save = route(async (req, res) => {
    const id = req.params.id === undefined ? undefined : scenarioIdOf(req, res);
    if (req.params.id !== undefined && id === undefined) return;
    const parsed = SaveVersionRequest.safeParse(req.body);
    if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
    if (Buffer.byteLength(parsed.data.text, 'utf8') > MAX_SCENARIO_BYTES) return sendError(res, ERROR_CODES.TOO_LARGE, `a scenario may be at most ${MAX_SCENARIO_BYTES} bytes of UTF-8 text`);
    const who = principalOf(res).name;
    const saved = await deps.library.save({ scenarioId: id, text: parsed.data.text, message: parsed.data.message, author: who, basedOn: parsed.data.basedOn });
    if (!saved.ok) return sendResult(res, saved);
    const { scenarioId, version, savedAt } = saved.version;
    await deps.store.audit({ at: savedAt, actor: who, action: 'scenario.saved', subject: `${scenarioId}@${version}`, ...(parsed.data.message ? { detail: parsed.data.message } : {}) });
    const body: SaveVersionResponse = { ok: true, version: saved.version };
    res.status(201).json(body);
  });
  router.post('/scenarios', requireRole('planner'), scenarioJson, save);
  router.post('/scenarios/:id/versions', requireRole('planner'), scenarioJson, save);

  router.post(
    '/scenarios/:id/versions/:version/exercises',
    requireRole('controller'),
    express.json({ limit: 4096 }),
    route(async (req, res) => {
      const id = scenarioIdOf(req, res);
      const version = id === undefined ? undefined : versionOf(req, res);
      if (id === undefined || version === undefined) return;
      const parsed = CreateFromVersionRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
      const loaded = await deps.library.load(id, version);
      if (!loaded.ok) return sendResult(res, loaded);
      const created = await deps.manager.createLoaded({
        scenario: loaded.scenario,
        text: loaded.stored.text,
        source: 'library',
        version,
        mode: parsed.data.mode,
        seed: parsed.data.seed,
      });
      if (!created.ok) return sendResult(res, created);
      const who = principalOf(res).name;
      await deps.store.putMark({ exerciseId: created.exerciseId, archived: false, origin: { scenarioId: id, version } });
      await deps.store.audit({ at: deps.clock.timestamp(), actor: who, action: 'exercise.created', subject: created.exerciseId, detail: `${id}@${version}` });
      sendResult(res, created, 201);
    }),
  );
}
