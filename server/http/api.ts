/**
 * The REST API under `/api` (documented in docs/PROTOCOL.md). The lobby's list is open, without the
 * scenarios' descriptions (scenario content: an operator's); creating
 * an exercise and checking a scenario need an operator with a role (server/auth/guard.ts); endpoints
 * about one exercise need a seat token of *that* exercise as a bearer token, and the seat
 * management ones the controller's.
 */
import express, { Router, type Request, type Response } from 'express';
import {
  CreateExerciseRequest,
  ERROR_CODES,
  ExerciseId,
  MAX_SCENARIO_BYTES,
  PROTOCOL_VERSION,
  ValidateScenarioRequest,
  type ExerciseSummary,
  type ScenarioListResponse,
  type SeatListResponse,
  type ValidateScenarioResponse,
} from '../../protocol/index.ts';
import { currentOperator, requireRole } from '../auth/guard.ts';
import type { EnginePort } from '../authority/engine-port.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { ExerciseRecord, ExerciseStore, SeatRecord } from '../store/types.ts';
import type { RampartsServer } from '../realtime/types.ts';
import { seatRoom } from '../realtime/rooms.ts';
import { exerciseLogText } from './exercise-log.ts';
import { exportRoutes } from './exports.ts';
import { bearerToken, route, sendError, sendResult, type RefusalLocals } from './reply.ts';

export interface ApiDeps {
  manager: ExerciseManager;
  catalog: ScenarioCatalog;
  engine: EnginePort;
  io: RampartsServer;
  store: ExerciseStore;
  jsonBodyBytes: number;
}

/** A scenario upload over the limit in UTF-8 bytes (the schema counts characters): TOO_LARGE, as documented. */
function oversizedScenario(body: unknown): boolean {
  const b = body as { text?: unknown; scenario?: { text?: unknown } } | null;
  const text = b?.text ?? b?.scenario?.text;
  return typeof text === 'string' && Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES;
}
const OVERSIZED = `a scenario may be at most ${MAX_SCENARIO_BYTES} bytes of UTF-8 text`;

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();
  const scenarioJson = express.json({ limit: MAX_SCENARIO_BYTES + 64 * 1024, strict: true });

  /** The seat of the bearer token in the exercise of the path, or an error reply already sent. */
  async function seatOf(req: Request, res: Response): Promise<SeatRecord | undefined> {
    const id = req.params.id;
    if (typeof id !== 'string' || !ExerciseId.safeParse(id).success) return void sendError(res, ERROR_CODES.NOT_FOUND, 'no such exercise');
    (res.locals as RefusalLocals).exerciseId = id;
    const token = bearerToken(req);
    if (!token) return void sendError(res, ERROR_CODES.UNAUTHENTICATED, 'send a seat token of this exercise as "Authorization: Bearer <token>"');
    const seat = await deps.manager.authenticate(id, token);
    if (!seat) return void sendError(res, ERROR_CODES.UNAUTHENTICATED, 'unknown exercise or seat token');
    // Named in the refusal log if this seat is then refused (e.g. a blue seat asking for the log).
    (res.locals as RefusalLocals).seat = { exerciseId: id, seat: seat.seat, role: seat.role, ...(seat.team ? { team: seat.team } : {}) };
    return seat;
  }

  router.get('/version', (_req, res) => void res.json({ ok: true, protocol: PROTOCOL_VERSION }));

  // Scenario content is the white cell's and evaluators': descriptions go to an operator only
  // (any role: administrators, planners, controllers, evaluators), never to a seat or a passer-by.
  router.get('/scenarios', (req, res) => {
    const body: ScenarioListResponse = { ok: true, scenarios: currentOperator(req) ? deps.catalog.list() : deps.catalog.listing() };
    res.json(body);
  });

  router.post('/scenarios/validate', requireRole('planner', 'controller'), scenarioJson, (req, res) => {
    if (oversizedScenario(req.body)) return sendError(res, ERROR_CODES.TOO_LARGE, OVERSIZED);
    const parsed = ValidateScenarioRequest.safeParse(req.body);
    if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
    const loaded = deps.engine.load(parsed.data.text, parsed.data.name ?? 'upload');
    const body: ValidateScenarioResponse = loaded.ok ? { ok: true, diagnostics: loaded.warnings } : { ok: false, diagnostics: loaded.diagnostics };
    res.json(body);
  });

  router.post(
    '/exercises',
    requireRole('controller'),
    scenarioJson,
    route(async (req, res) => {
      if (oversizedScenario(req.body)) return sendError(res, ERROR_CODES.TOO_LARGE, OVERSIZED);
      const parsed = CreateExerciseRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
      sendResult(res, await deps.manager.create(parsed.data), 201);
    }),
  );

  /**
   * The record of the exercise a REST call is about: its host's when this process runs it, else
   * (scale-out: another process owns it) the one in the shared store. Sends NOT_FOUND when neither.
   */
  async function recordOf(id: string, res: Response): Promise<ExerciseRecord | undefined> {
    const record = deps.manager.host(id)?.record ?? (await deps.store.getExercise(id));
    if (!record) sendError(res, ERROR_CODES.NOT_FOUND, 'no such exercise');
    return record;
  }

  router.get(
    '/exercises/:id',
    route(async (req, res) => {
      const seat = await seatOf(req, res);
      if (!seat) return;
      const id = String(req.params.id);
      const record = await recordOf(id, res);
      if (!record) return;
      const host = deps.manager.host(id);
      const body: ExerciseSummary = {
        ok: true,
        exerciseId: record.id,
        scenario: { id: record.scenario.id, title: record.scenario.title },
        mode: record.mode,
        // The seed lets whoever holds the scenario run the exercise ahead: white cell and evaluators only.
        ...(seat.role === 'white' || seat.role === 'evaluator' ? { seed: record.seed } : {}),
        createdAt: record.createdAt,
        seat: { seat: seat.seat, role: seat.role, ...(seat.team ? { team: seat.team } : {}) },
        // Read between batches: the revision and hash of durable state only. On a process that does
        // not own the exercise, the stored revision (no state here to hash). Both count every seat's
        // commands: the controller's and evaluators' only.
        ...(seat.role !== 'white' && seat.role !== 'evaluator'
          ? {}
          : host
            ? await host.settled(() => ({ revision: host.seq, stateHash: host.stateHash() }))
            : { revision: await deps.store.lastSeq(id) }),
      };
      res.json(body);
    }),
  );

  /** The exercise's log as text, or undefined with the refusal sent. */
  async function logText(id: string, res: Response): Promise<string | undefined> {
    const text = await exerciseLogText(deps, id);
    if (text === undefined) sendError(res, ERROR_CODES.NOT_FOUND, 'no such exercise');
    return text;
  }

  router.get(
    '/exercises/:id/log',
    route(async (req, res) => {
      const seat = await seatOf(req, res);
      if (!seat) return;
      if (seat.role !== 'white' && seat.role !== 'evaluator') return sendError(res, ERROR_CODES.FORBIDDEN, 'only the controller and evaluators may read the log: it holds the ground truth');
      const id = String(req.params.id);
      const text = await logText(id, res);
      if (text === undefined) return;
      res.type('application/x-ndjson').set('Cache-Control', 'no-store').set('Content-Disposition', `attachment; filename="${id}.log.jsonl"`).send(text);
    }),
  );

  exportRoutes(router, { seatOf, logText });

  router.get(
    '/exercises/:id/seats',
    route(async (req, res) => {
      const seat = await seatOf(req, res);
      if (!seat) return;
      if (seat.role !== 'white') return sendError(res, ERROR_CODES.FORBIDDEN, 'only the controller may list the seats');
      const id = String(req.params.id);
      const rooms = deps.io.sockets.adapter.rooms;
      const body: SeatListResponse = {
        ok: true,
        seats: (await deps.manager.seats(id)).map(({ tokenHash: _hash, ...info }) => ({ ...info, connected: rooms.get(seatRoom(id, info.seat))?.size ?? 0 })),
      };
      res.json(body);
    }),
  );

  router.post(
    '/exercises/:id/seats/:seat/token',
    route(async (req, res) => {
      const seat = await seatOf(req, res);
      if (!seat) return;
      if (seat.role !== 'white') return sendError(res, ERROR_CODES.FORBIDDEN, 'only the controller may issue new links');
      const id = String(req.params.id);
      const target = String(req.params.seat);
      const link = await deps.manager.rotateToken(id, target);
      if (!link) return sendError(res, ERROR_CODES.NOT_FOUND, `no seat "${target}" in this exercise`);
      // Sockets opened with the old token leave: the old link is revoked, not just unusable for new joins.
      deps.io.in(seatRoom(id, target)).disconnectSockets(true);
      res.json({ ok: true, seat: link });
    }),
  );

  router.use((_req, res) => sendError(res, ERROR_CODES.NOT_FOUND, 'no such API endpoint; see docs/PROTOCOL.md'));
  return router;
}
