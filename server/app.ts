/**
 * The Express application: security headers (a strict content security policy: scripts, styles,
 * connections only from this origin), same-origin checks, per-address rate limits and body size
 * limits on the API, operations endpoints, the API and the web client.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { ERROR_CODES } from '../protocol/index.ts';
import type { Accounts } from './auth/accounts.ts';
import { authenticate } from './auth/guard.ts';
import type { OperatorCredential } from './auth/operator.ts';
import { OidcLogin } from './auth/oidc.ts';
import { authRouter } from './http/auth-routes.ts';
import { oidcRouter } from './http/oidc-routes.ts';
import type { EnginePort } from './authority/engine-port.ts';
import type { ExerciseManager } from './authority/manager.ts';
import type { ServerConfig } from './config.ts';
import type { Clock } from './ops/clock.ts';
import { apiRouter } from './http/api.ts';
import type { LibraryAuth } from './http/library-auth.ts';
import { libraryRouter } from './http/library-api.ts';
import { exerciseLogText } from './http/exercise-log.ts';
import { taxiiRouter } from './taxii/router.ts';
import { hostProblem } from './ops/host-check.ts';
import { isAllowedOrigin } from './ops/origin.ts';
import { metricsRoute } from './http/metrics-route.ts';
import { sendError, type RefusalLocals } from './http/reply.ts';
import { clientRouter } from './http/static.ts';
import { isTraversal } from './http/traversal.ts';
import type { Logger } from './ops/logger.ts';
import type { Metrics } from './ops/metrics.ts';
import type { RefusalLog } from './ops/refusals.ts';
import { KeyedBuckets } from './ops/token-bucket.ts';
import type { RampartsServer } from './realtime/types.ts';
import type { ScenarioCatalog } from './scenarios/catalog.ts';
import type { ScenarioLibrary } from './scenarios/library.ts';
import type { LibraryStore } from './store/library-types.ts';
import type { ExerciseStore } from './store/types.ts';

export interface AppDeps {
  config: ServerConfig;
  manager: ExerciseManager;
  catalog: ScenarioCatalog;
  engine: EnginePort;
  io: RampartsServer;
  store: ExerciseStore;
  /** Who may create exercises and upload scenarios (server/auth/operator.ts). */
  operator: OperatorCredential;
  /** The credential of Prometheus scrapes, which opens /metrics and nothing else. */
  metricsToken?: OperatorCredential | undefined;
  /** Operator accounts and sessions (server/auth/accounts.ts). */
  accounts: Accounts;
  /** The operators' library (/api/library): who is asking, the scenario library, its store. */
  library: { auth: LibraryAuth; scenarios: ScenarioLibrary; store: LibraryStore };
  metrics: Metrics;
  logger: Logger;
  /** Counts and logs every refused request (summaries for floods). */
  refusals: RefusalLog;
  /** Monotonic ms (the uptime on /healthz). */
  clock: Clock;
  startedAt: number;
}

export function createApp(deps: AppDeps): Express {
  const { config, metrics, logger, refusals } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  // Before anything reads the Host (the content security policy writes it into connect-src).
  app.use((req, res, next) => {
    const problem = hostProblem(req.headers.host, config.allowedHosts);
    if (problem === undefined) return next();
    refusals.refuse({ channel: 'http', code: ERROR_CODES.BAD_REQUEST, what: `${req.method} ${req.originalUrl}`, message: problem, address: req.socket.remoteAddress ?? 'unknown' });
    res
      .status(400)
      .type('application/json')
      .send(JSON.stringify({ ok: false, code: ERROR_CODES.BAD_REQUEST, message: problem }));
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          // 'self' covers same-origin WebSockets in current browsers; the explicit ws(s) origin is
          // for older ones. Never a bare ws:/wss: scheme, which would allow any host.
          connectSrc: ["'self'", (req) => `ws://${req.headers.host ?? 'localhost'}`, (req) => `wss://${req.headers.host ?? 'localhost'}`],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' }, // join links carry tokens in the fragment; send no referrer at all
    }),
  );

  app.use((req, res, next) => {
    res.on('finish', () => {
      metrics.httpRequests.inc({ route: req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'other', status: String(res.statusCode) });
      // Every coded refusal (sendError) is counted and logged once, with the seat when the token was checked.
      const locals = res.locals as RefusalLocals;
      if (!locals.refusal) return;
      refusals.refuse({
        channel: 'http',
        code: locals.refusal.code,
        message: locals.refusal.message,
        what: `${req.method} ${req.originalUrl}`,
        address: req.socket.remoteAddress ?? 'unknown',
        ...(locals.exerciseId ? { exerciseId: locals.exerciseId } : {}),
        ...locals.seat,
      });
    });
    next();
  });

  app.use((req, res, next) => {
    if (!isTraversal(req.url)) return next();
    sendError(res, ERROR_CODES.BAD_REQUEST, 'the path climbs out of the site (".." or an encoded form of it); no such resource');
  });

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true, exercises: deps.manager.size, uptimeSeconds: Math.round((deps.clock.now() - deps.startedAt) / 1000) });
  });
  // Server-wide counters: operators and the scrape token only (issue 13; server/http/metrics-route.ts).
  app.get('/metrics', ...metricsRoute({ metrics, accounts: deps.accounts, operator: deps.operator, metricsToken: deps.metricsToken }));

  const buckets = new KeyedBuckets(config.limits.httpRate, config.limits.httpBurst);
  const rateLimit: RequestHandler = (req, res, next) => {
    if (buckets.take(req.socket.remoteAddress ?? 'unknown')) return next();
    res.set('Retry-After', '1');
    sendError(res, ERROR_CODES.RATE_LIMITED, 'too many requests; retry in a second');
  };
  const sameOrigin: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || isAllowedOrigin(req.get('origin'), req.get('host'), config.allowedOrigins)) return next();
    sendError(res, ERROR_CODES.BAD_ORIGIN, 'cross-origin requests are not accepted');
  };
  // Who each API request comes from (server/auth/guard.ts): routes under /api read it with
  // currentOperator(req) and guard themselves with requireRole(...).
  app.use('/api', rateLimit, sameOrigin, authenticate(deps));
  const sso = config.auth.oidc;
  if (sso) app.use('/api/auth/oidc', oidcRouter({ oidc: new OidcLogin(sso, deps.accounts, logger), auth: config.auth, publicUrl: sso.publicUrl }));
  app.use('/api/auth', authRouter({ accounts: deps.accounts, auth: config.auth, ...(sso ? { sso: { label: sso.label } } : {}) }));
  app.use(
    '/api/library',
    libraryRouter({
      auth: deps.library.auth,
      library: deps.library.scenarios,
      store: deps.library.store,
      manager: deps.manager,
      clock: deps.clock,
      engine: deps.engine,
      exercises: deps.store,
      io: deps.io,
    }),
  );
  app.use('/api', apiRouter({ ...deps, jsonBodyBytes: config.limits.jsonBodyBytes }));
  // The read-only TAXII 2.1 feed of each exercise (server/taxii): GET only, so no origin check to pass.
  app.use('/taxii2', rateLimit, taxiiRouter({ manager: deps.manager, logText: (id) => exerciseLogText(deps, id) }));
  app.use(clientRouter(config.distDir));
  app.use((_req, res) => void res.status(404).type('text/plain').send('Not found'));

  const onError: ErrorRequestHandler = (error: { type?: string; status?: number }, req, res, _next) => {
    if (res.headersSent) return;
    if (error.type === 'entity.too.large') return sendError(res, ERROR_CODES.TOO_LARGE, 'the request body is too large');
    if (error.type === 'entity.parse.failed') return sendError(res, ERROR_CODES.BAD_REQUEST, 'the request body is not valid JSON');
    if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') return sendError(res, ERROR_CODES.BAD_REQUEST, 'send the body as UTF-8 JSON');
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) return sendError(res, ERROR_CODES.BAD_REQUEST, 'bad request');
    logger.error('request failed', { method: req.method, path: req.path, error });
    sendError(res, ERROR_CODES.INTERNAL, 'the server failed on this request');
  };
  app.use(onError);
  return app;
}
