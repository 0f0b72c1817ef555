/**
 * The session endpoints under `/api/auth` (docs/PROTOCOL.md, "Operators"): who is signed in, sign-in
 * by password, sign-out, and the first administrator from the one-time setup link. The session is
 * an HttpOnly, SameSite=Strict cookie; the body of each answer gives the session's CSRF token.
 */
import express, { Router, type Request, type Response } from 'express';
import { ERROR_CODES, LoginRequest, SetupRequest, type SessionResponse } from '../../protocol/index.ts';
import type { Accounts, Opened, Operator, Refusal } from '../auth/accounts.ts';
import { currentOperator, currentSession, setSessionCookie } from '../auth/guard.ts';
import type { AuthConfig } from '../auth/auth-config.ts';
import { route, sendError } from './reply.ts';

export interface AuthRouteDeps {
  accounts: Accounts;
  auth: AuthConfig;
  /** The single sign-on routes, when configured (server/auth/oidc-routes.ts adds them). */
  sso?: { label: string };
}

const address = (req: Request) => req.socket.remoteAddress ?? 'unknown';

function describe(operator: Operator) {
  return { username: operator.username, roles: operator.roles, via: operator.via };
}

export function authRouter(deps: AuthRouteDeps): Router {
  const router = Router();
  const json = express.json({ limit: 4 * 1024, strict: true });
  const maxAge = deps.auth.sessionHours * 3600;

  /** Answers a sign-in or setup: the cookie and the session's body, or the refusal. */
  function answer(req: Request, res: Response, result: Opened | Refusal): void {
    if (!result.ok) {
      if (result.retryAfterSeconds !== undefined) res.set('Retry-After', String(result.retryAfterSeconds));
      sendError(res, result.code, result.message);
      return;
    }
    setSessionCookie(req, res, result.token, maxAge, deps.auth.secureCookies);
    const body: SessionResponse = {
      ok: true,
      setupNeeded: false,
      csrf: result.session.csrf,
      operator: { username: result.user.username, roles: result.user.roles, via: result.session.via },
      ...(deps.sso ? { sso: deps.sso } : {}),
    };
    res.set('Cache-Control', 'no-store').json(body);
  }

  router.get(
    '/session',
    route(async (req, res) => {
      const operator = currentOperator(req);
      const session = currentSession(req);
      const body: SessionResponse = {
        ok: true,
        setupNeeded: await deps.accounts.setupNeeded(),
        ...(operator ? { operator: describe(operator) } : {}),
        ...(session ? { csrf: session.csrf } : {}),
        ...(deps.sso ? { sso: deps.sso } : {}),
      };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );

  router.post(
    '/login',
    json,
    route(async (req, res) => {
      const parsed = LoginRequest.safeParse(req.body);
      if (!parsed.success) return sendError(res, ERROR_CODES.BAD_REQUEST, 'send { "username": ..., "password": ... } as JSON');
      answer(req, res, await deps.accounts.login(parsed.data.username, parsed.data.password, address(req)));
    }),
  );

  router.post(
    '/logout',
    route(async (req, res) => {
      const session = currentSession(req);
      const operator = currentOperator(req);
      if (session && operator) await deps.accounts.logout(session, operator, address(req));
      setSessionCookie(req, res, undefined, 0, deps.auth.secureCookies);
      res.set('Cache-Control', 'no-store').json({ ok: true });
    }),
  );

  router.post(
    '/setup',
    json,
    route(async (req, res) => {
      const parsed = SetupRequest.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendError(res, ERROR_CODES.BAD_REQUEST, issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid body');
      }
      answer(req, res, await deps.accounts.setup(parsed.data.token, parsed.data.username, parsed.data.password, address(req)));
    }),
  );

  return router;
}
