/**
 * The improvement plan across exercises (`/api/library/plan`, docs/SERVER.md): every AAR's
 * corrective actions in one tracker kept in the library's store, so it outlives the exercises.
 * Controllers and evaluators collect an exercise's lessons (its AAR, replayed from its log), import
 * a partner's exercise package (its lessons marked with the package's TLP), and update an item's
 * owner, due date, status and note; every operator reads it and its CSV.
 */
import express, { type Router } from 'express';
import { aarFromLog, logFromFile, openPackage } from '../../interchange/index.ts';
import { ERROR_CODES, ExerciseId } from '../../protocol/index.ts';
import { PlanImportRequest, PlanUpdateRequest, type PlanAddResponse, type PlanItem, type PlanResponse } from '../../protocol/plan.ts';
import type { EnginePort } from '../authority/engine-port.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { Clock } from '../ops/clock.ts';
import type { LibraryStore } from '../store/library-types.ts';
import type { ExerciseStore } from '../store/types.ts';
import { exerciseLogText } from './exercise-log.ts';
import { principalOf, requireRole } from './library-auth.ts';
import { firstIssue } from './library-scenarios.ts';
import { itemsFromAar, packageOrigin, planCsv } from './plan-items.ts';
import { route, sendError } from './reply.ts';

export interface LibraryPlanDeps {
  manager: ExerciseManager;
  engine: EnginePort;
  exercises: ExerciseStore;
  store: LibraryStore;
  clock: Clock;
}

/** Largest package accepted for import (a package carries the whole log). */
export const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;

export function libraryPlanRoutes(router: Router, deps: LibraryPlanDeps): void {
  const evaluatorsAndControllers = requireRole('controller', 'evaluator');

  /** Stores the items not yet in the tracker (same id: already collected); answers how many were new. */
  async function add(items: readonly PlanItem[]): Promise<PlanAddResponse> {
    const known = new Set((await deps.store.listPlan()).map((i) => i.id));
    const fresh = items.filter((i) => !known.has(i.id));
    for (const item of fresh) await deps.store.putPlan(item);
    return { ok: true, added: fresh.length, items: await deps.store.listPlan() };
  }

  router.get(
    '/plan',
    route(async (_req, res) => {
      const body: PlanResponse = { ok: true, items: await deps.store.listPlan() };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  router.get(
    '/plan.csv',
    route(async (_req, res) => {
      res
        .set('Content-Type', 'text/csv; charset=utf-8')
        .set('Cache-Control', 'no-store')
        .set('Content-Disposition', 'attachment; filename="improvement-plan.csv"')
        .send(Buffer.from(planCsv(await deps.store.listPlan()), 'utf8'));
    }),
  );

  router.post(
    '/plan/collect/:id',
    evaluatorsAndControllers,
    route(async (req, res) => {
      const id = String(req.params.id);
      const text = ExerciseId.safeParse(id).success ? await exerciseLogText({ manager: deps.manager, engine: deps.engine, store: deps.exercises }, id) : undefined;
      if (text === undefined) return sendError(res, ERROR_CODES.NOT_FOUND, `no exercise "${id}" in the library`);
      const opened = logFromFile(text);
      const aar = opened.ok ? aarFromLog(opened.log) : opened;
      if (!aar.ok) return sendError(res, ERROR_CODES.INTERNAL, `the exercise's log does not replay: ${aar.message}`);
      const record = deps.manager.host(id)?.record ?? (await deps.exercises.getExercise(id));
      const title = typeof record?.scenario.title === 'string' ? record.scenario.title : (record?.scenario.title.en ?? id);
      const origin = { kind: 'exercise' as const, key: id, scenarioId: record?.scenario.id ?? '', title: `${title} (${id})` };
      const who = principalOf(res).name;
      const body = await add(itemsFromAar(aar.results, origin, deps.clock.timestamp(), who));
      await deps.store.audit({ at: deps.clock.timestamp(), actor: who, action: 'plan.collected', subject: id, detail: `${body.added} new` });
      res.json(body);
    }),
  );

  router.post(
    '/plan/import',
    evaluatorsAndControllers,
    express.json({ limit: MAX_PACKAGE_BYTES + 1024, strict: true }),
    route(async (req, res) => {
      const parsed = PlanImportRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
      const opened = openPackage(parsed.data.text);
      if (!opened.ok) return sendError(res, ERROR_CODES.BAD_REQUEST, `not an exercise package this server can read: ${opened.message}`);
      if (!Array.isArray(opened.package.report?.improvementPlan)) return sendError(res, ERROR_CODES.BAD_REQUEST, 'the package holds no after-action report with an improvement plan');
      const origin = packageOrigin(opened.package);
      const who = principalOf(res).name;
      const body = await add(itemsFromAar(opened.package.report, origin, deps.clock.timestamp(), who));
      await deps.store.audit({ at: deps.clock.timestamp(), actor: who, action: 'plan.imported', subject: origin.key, detail: `TLP:${origin.tlp ?? '?'}, ${body.added} new` });
      res.json(body);
    }),
  );

  router.patch(
    '/plan/:itemId',
    evaluatorsAndControllers,
    express.json({ limit: 8192, strict: true }),
    route(async (req, res) => {
      const itemId = String(req.params.itemId);
      const item = (await deps.store.listPlan()).find((i) => i.id === itemId);
      if (!item) return sendError(res, ERROR_CODES.NOT_FOUND, `no item "${itemId}" in the improvement plan`);
      const parsed = PlanUpdateRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, firstIssue(parsed.error));
      const { owner, dueDate, status, capability, note } = parsed.data;
      if (dueDate !== undefined && Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) return sendError(res, ERROR_CODES.BAD_REQUEST, `dueDate: ${dueDate} is not a calendar date`);
      const who = principalOf(res).name;
      const next: PlanItem = {
        ...item,
        ...(owner === undefined ? {} : { owner }),
        ...(dueDate === undefined ? {} : { dueDate }),
        ...(status === undefined ? {} : { status }),
        ...(capability === undefined ? {} : { capability }),
        ...(note === undefined ? {} : { note }),
        updatedAt: deps.clock.timestamp(),
        updatedBy: who,
      };
      await deps.store.putPlan(next);
      await deps.store.audit({ at: next.updatedAt, actor: who, action: 'plan.updated', subject: itemId, detail: Object.keys(parsed.data).join(', ') });
      res.json({ ok: true, item: next });
    }),
  );
}
