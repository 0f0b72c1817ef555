/**
 * The exercise library's routes (`/api/library/exercises`, docs/SERVER.md): every exercise kept in
 * the store at a glance (scenario, mode, status, clock, seats joined, scores), archive and delete
 * (controller; deleting is recorded in the audit trail first), seat links re-issued or revoked
 * (controller; an evaluator may re-issue the evaluator seat's link to open that console), and the
 * after-action downloads (controller, evaluator) with the same code as the seats' exports.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ArchiveRequest, ERROR_CODES, ExerciseId, type LibraryExercise, type LibraryExercisesResponse, type LibraryLinkResponse } from '../../protocol/index.ts';
import type { EnginePort } from '../authority/engine-port.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { Clock } from '../ops/clock.ts';
import { exerciseRoom, seatRoom } from '../realtime/rooms.ts';
import type { RampartsServer } from '../realtime/types.ts';
import type { LibraryStore } from '../store/library-types.ts';
import type { ExerciseRecord, ExerciseStore, SeatRecord } from '../store/types.ts';
import { exerciseLogText } from './exercise-log.ts';
import { exportRoutes } from './exports.ts';
import { principalOf, requireRole } from './library-auth.ts';
import { firstIssue } from './library-scenarios.ts';
import { route, sendError } from './reply.ts';

export interface LibraryExerciseDeps {
  manager: ExerciseManager;
  engine: EnginePort;
  exercises: ExerciseStore;
  store: LibraryStore;
  io: RampartsServer;
  clock: Clock;
}

export function libraryExerciseRoutes(router: Router, deps: LibraryExerciseDeps): void {
  const small = express.json({ limit: 1024, strict: true });
  const audit = (res: Response, action: Parameters<LibraryStore['audit']>[0]['action'], subject: string, detail?: string) =>
    deps.store.audit({ at: deps.clock.timestamp(), actor: principalOf(res).name, action, subject, ...(detail === undefined ? {} : { detail }) });

  /** The stored record of the exercise of the path, or undefined with NOT_FOUND sent. */
  async function recordOf(req: Request, res: Response): Promise<ExerciseRecord | undefined> {
    const id = String(req.params.id);
    const record = ExerciseId.safeParse(id).success ? (deps.manager.host(id)?.record ?? (await deps.exercises.getExercise(id))) : undefined;
    if (!record) sendError(res, ERROR_CODES.NOT_FOUND, `no exercise "${id}" in the library`);
    return record;
  }

  async function glance(record: ExerciseRecord, archived: boolean): Promise<LibraryExercise> {
    const host = deps.manager.host(record.id);
    const rooms = deps.io.sockets.adapter.rooms;
    const seats = (await deps.exercises.getSeats(record.id)).map(({ tokenHash: _hash, ...info }) => ({ ...info, connected: rooms.get(seatRoom(record.id, info.seat))?.size ?? 0 }));
    const live = host ? await host.settled(() => ({ clock: deps.engine.clock(host.currentState), scores: deps.engine.scores(host.currentState) })) : undefined;
    const phase = live?.clock.phase ?? 'elsewhere';
    return {
      id: record.id,
      createdAt: record.createdAt,
      mode: record.mode,
      scenario: { id: record.scenario.id, title: record.scenario.title, ...(record.scenario.version === undefined ? {} : { version: record.scenario.version }) },
      status: archived ? 'archived' : phase,
      phase,
      ...(live ? { clockMs: live.clock.now } : {}),
      seats,
      scores: live?.scores ?? [],
    };
  }

  router.get(
    '/exercises',
    route(async (_req, res) => {
      const marks = new Map((await deps.store.listMarks()).map((m) => [m.exerciseId, m]));
      const exercises: LibraryExercise[] = [];
      for (const record of (await deps.exercises.listExercises()).reverse()) exercises.push(await glance(record, marks.get(record.id)?.archived ?? false));
      const body: LibraryExercisesResponse = { ok: true, exercises };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  router.post(
    '/exercises/:id/archive',
    requireRole('controller'),
    small,
    route(async (req, res) => {
      const record = await recordOf(req, res);
      if (!record) return;
      const parsed = ArchiveRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
      const mark = (await deps.store.getMark(record.id)) ?? { exerciseId: record.id, archived: false };
      await deps.store.putMark({ ...mark, archived: parsed.data.archived });
      await audit(res, parsed.data.archived ? 'exercise.archived' : 'exercise.unarchived', record.id);
      res.json({ ok: true, exercise: await glance(record, parsed.data.archived) });
    }),
  );

  router.delete(
    '/exercises/:id',
    requireRole('controller'),
    route(async (req, res) => {
      const record = await recordOf(req, res);
      if (!record) return;
      // The confirmation travels with the request: a stray or replayed call without it deletes nothing.
      if (req.query.confirm !== record.id) return sendError(res, ERROR_CODES.BAD_REQUEST, `confirm the deletion: repeat the exercise's id as ?confirm=${record.id}`);
      // Recorded before anything is removed: a deletion the trail does not show never happened.
      await audit(
        res,
        'exercise.deleted',
        record.id,
        `${record.scenario.id}${record.scenario.version === undefined ? '' : `@${record.scenario.version}`}, ${record.mode}, created ${record.createdAt}`,
      );
      deps.io.in(exerciseRoom(record.id)).disconnectSockets(true);
      await deps.manager.remove(record.id);
      await deps.store.deleteMark(record.id);
      res.json({ ok: true, deleted: record.id });
    }),
  );

  /** The seat of the path, checked against the exercise and the principal's roles; or undefined, refused. */
  async function seatFor(req: Request, res: Response, record: ExerciseRecord, evaluatorMay: boolean): Promise<string | undefined> {
    const seat = String(req.params.seat);
    const roles = principalOf(res).roles;
    const controller = roles.includes('controller') || roles.includes('administrator');
    if (!controller && !(evaluatorMay && roles.includes('evaluator') && seat === 'evaluator')) {
      return void sendError(res, ERROR_CODES.FORBIDDEN, evaluatorMay ? "only a controller may do this (an evaluator may re-issue the evaluator seat's link only)" : 'only a controller may do this');
    }
    if (!(await deps.exercises.getSeats(record.id)).some((s) => s.seat === seat)) return void sendError(res, ERROR_CODES.NOT_FOUND, `no seat "${seat}" in this exercise`);
    return seat;
  }

  router.post(
    '/exercises/:id/seats/:seat/link',
    route(async (req, res) => {
      const record = await recordOf(req, res);
      const seat = record && (await seatFor(req, res, record, true));
      if (!record || !seat) return;
      const link = await deps.manager.rotateToken(record.id, seat);
      if (!link) return sendError(res, ERROR_CODES.NOT_FOUND, `no seat "${seat}" in this exercise`);
      deps.io.in(seatRoom(record.id, seat)).disconnectSockets(true);
      await audit(res, 'seat.reissued', `${record.id}/${seat}`);
      const body: LibraryLinkResponse = { ok: true, seat: link };
      res.json(body);
    }),
  );

  router.delete(
    '/exercises/:id/seats/:seat/link',
    route(async (req, res) => {
      const record = await recordOf(req, res);
      const seat = record && (await seatFor(req, res, record, false));
      if (!record || !seat) return;
      await deps.manager.revokeToken(record.id, seat);
      deps.io.in(seatRoom(record.id, seat)).disconnectSockets(true);
      await audit(res, 'seat.revoked', `${record.id}/${seat}`);
      res.json({ ok: true, revoked: seat });
    }),
  );

  // The after-action downloads, by the seats' export code: a controller or evaluator of the library
  // reads the exercise as its white cell does.
  const whiteCell: SeatRecord = { seat: 'library', role: 'white', tokenHash: '' };
  const evaluatorSeat: SeatRecord = { seat: 'library', role: 'evaluator', tokenHash: '' };
  exportRoutes(router, {
    seatOf: async (req, res) => {
      const roles = principalOf(res).roles;
      const seat = roles.includes('controller') || roles.includes('administrator') ? whiteCell : roles.includes('evaluator') ? evaluatorSeat : undefined;
      if (!seat) return void sendError(res, ERROR_CODES.FORBIDDEN, "only a controller or an evaluator may download an exercise's log and reports");
      return (await recordOf(req, res)) ? seat : undefined;
    },
    logText: async (id, res) => {
      const text = await exerciseLogText({ manager: deps.manager, engine: deps.engine, store: deps.exercises }, id);
      if (text === undefined) sendError(res, ERROR_CODES.NOT_FOUND, 'no such exercise');
      return text;
    },
  });
}
