/**
 * `GET /metrics`: the Prometheus exposition, for the server's operators only (issue 13).
 *
 * The counters are server-wide (commands by type and outcome, refusals by code, seats connected by
 * role, deltas sent): a seat that could read them would count other teams' activity between two
 * scrapes. So the answer goes only to
 * - the metrics token (`RAMPARTS_METRICS_TOKEN` or `ramparts serve --metrics-token-file FILE`), a
 *   credential that opens nothing but this endpoint: what a Prometheus scrape job carries
 *   (`authorization: { credentials_file: ... }`);
 * - the operator token, as a bearer token;
 * - a signed-in administrator (the session cookie; a GET needs no CSRF token).
 * Anyone else, a seat token included, gets the same UNAUTHENTICATED refusal as a stranger (a signed-in
 * operator without the administrator role: FORBIDDEN), and the refusal says nothing about the metrics.
 */
import type { RequestHandler, Response } from 'express';
import { ERROR_CODES } from '../../protocol/index.ts';
import { hasRole } from '../auth/accounts.ts';
import { authenticate, bearerToken, currentOperator, roleMissing, type GuardDeps } from '../auth/guard.ts';
import { OperatorCredential, operatorTokenProblem } from '../auth/operator.ts';
import type { Metrics } from '../ops/metrics.ts';
import { sendError } from './reply.ts';

/** The environment variable that gives the metrics token. */
export const METRICS_TOKEN_ENV = 'RAMPARTS_METRICS_TOKEN';

/**
 * The scrape credential: `configured` (ServerConfig.metricsToken), else RAMPARTS_METRICS_TOKEN, else
 * none. One that could not travel as a bearer token is an error (thrown: the server does not start).
 */
export function resolveMetricsToken(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): OperatorCredential | undefined {
  const fromEnv = env[METRICS_TOKEN_ENV];
  const token = configured ?? (fromEnv === '' ? undefined : fromEnv);
  if (token === undefined) return undefined;
  const problem = operatorTokenProblem(token);
  if (problem) throw new Error(`the metrics token from ${configured !== undefined ? 'the configuration' : METRICS_TOKEN_ENV} is unusable: ${problem.replace('an operator token', 'a token')}`);
  return new OperatorCredential(token);
}

export const METRICS_UNAUTHENTICATED =
  'the metrics are for the operators of this server: send the metrics token (RAMPARTS_METRICS_TOKEN) ' + 'or the operator token as "Authorization: Bearer <token>", or sign in as an administrator';

export interface MetricsRouteDeps extends GuardDeps {
  metrics: Metrics;
  /** The scrape credential, when the server has one. */
  metricsToken?: OperatorCredential | undefined;
}

/** The handlers of `GET /metrics`: who is asking, then the exposition or a refusal. */
export function metricsRoute(deps: MetricsRouteDeps): RequestHandler[] {
  const identify = authenticate(deps);
  const serve = async (res: Response): Promise<void> => {
    const text = await deps.metrics.registry.metrics();
    res.set('Cache-Control', 'no-store').set('Content-Type', deps.metrics.registry.contentType).send(text);
  };
  // Express 5 passes a rejected promise of a handler to the error handler.
  const scraper: RequestHandler = async (req, res, next) => {
    const bearer = bearerToken(req);
    if (bearer !== undefined && deps.metricsToken?.allows(bearer)) return serve(res);
    return identify(req, res, next);
  };
  const operator: RequestHandler = async (req, res) => {
    const who = currentOperator(req);
    if (!who) return sendError(res, ERROR_CODES.UNAUTHENTICATED, METRICS_UNAUTHENTICATED);
    if (!hasRole(who, 'administrator')) return sendError(res, ERROR_CODES.FORBIDDEN, roleMissing(['administrator']));
    return serve(res);
  };
  return [scraper, operator];
}
