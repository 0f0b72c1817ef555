/**
 * The operators' library under `/api/library` (docs/PROTOCOL.md, "The library"; docs/SERVER.md):
 * every route needs an operator (library-auth.ts), then the role the route names. No seat token of
 * any exercise opens any of it.
 */
import { Router } from 'express';
import { ERROR_CODES, type AuditResponse } from '../../protocol/index.ts';
import { operatorOnly, requireRole, type LibraryAuth } from './library-auth.ts';
import { libraryExerciseRoutes, type LibraryExerciseDeps } from './library-exercises.ts';
import { libraryPlanRoutes, type LibraryPlanDeps } from './library-plan.ts';
import { libraryScenarioRoutes, type LibraryScenarioDeps } from './library-scenarios.ts';
import { route, sendError } from './reply.ts';

export interface LibraryApiDeps extends LibraryScenarioDeps, LibraryExerciseDeps, LibraryPlanDeps {
  auth: LibraryAuth;
}

export function libraryRouter(deps: LibraryApiDeps): Router {
  const router = Router();
  router.use(operatorOnly(deps.auth));
  libraryScenarioRoutes(router, deps);
  libraryExerciseRoutes(router, deps);
  libraryPlanRoutes(router, deps);
  router.get(
    '/audit',
    requireRole('administrator', 'controller'),
    route(async (_req, res) => {
      const body: AuditResponse = { ok: true, entries: await deps.store.listAudit() };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );
  router.use((_req, res) => sendError(res, ERROR_CODES.NOT_FOUND, 'no such library endpoint; see docs/PROTOCOL.md'));
  return router;
}
