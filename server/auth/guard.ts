/**
 * The one place that decides who an API request comes from and what it may do (issue 17):
 *
 * - `authenticate(deps)`: mounted once on `/api` (server/app.ts). A request with a bearer token is
 *   the operator token's holder when the token is the operator token (scripts, tests), and nobody
 *   as far as operators go otherwise (a seat token only opens its own exercise's seat endpoints).
 *   A request without one may carry the session cookie; a request that changes something (POST, PUT,
 *   PATCH, DELETE) with a valid session must carry the session's CSRF token in `x-csrf-token`
 *   (synchronizer token), or it is refused (FORBIDDEN) before any route sees it.
 * - `currentOperator(req)`: who that is, or undefined.
 * - `requireRole(...roles)`: a route guard: UNAUTHENTICATED without an operator, FORBIDDEN without
 *   one of `roles` (an administrator has every role).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { CSRF_HEADER, ERROR_CODES, HTTP_STATUS, type ErrorCode, type OperatorRole } from '../../protocol/index.ts';
import type { SessionRecord } from './account-store.ts';
import { TOKEN_OPERATOR, hasRole, type Accounts, type Operator } from './accounts.ts';
import type { OperatorCredential } from './operator.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ramparts_session';

interface Authenticated {
  operator: Operator;
  /** The cookie session, when the operator came with one (logout ends it; the CSRF token is read from it). */
  session?: SessionRecord;
}

const authenticated = new WeakMap<Request, Authenticated>();

/** The bearer token of a request, if it has a well-formed `Authorization: Bearer ...` header. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header) : null;
  return match?.[1];
}

/** A coded refusal, noted on `res.locals.refusal` for the refusal log as server/http/reply.ts's sendError does. */
function sendError(res: Response, code: ErrorCode, message: string): void {
  (res.locals as { refusal?: { code: ErrorCode; message: string } }).refusal = { code, message };
  res.status(HTTP_STATUS[code]).json({ ok: false, code, message });
}

/** The operator behind `req` (after `authenticate` ran on it), or undefined. */
export function currentOperator(req: Request): Operator | undefined {
  return authenticated.get(req)?.operator;
}

/** The cookie session behind `req`, if the operator came with one. */
export function currentSession(req: Request): SessionRecord | undefined {
  return authenticated.get(req)?.session;
}

/** The value of cookie `name` in the request's Cookie header. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Sets (or, with `value` undefined, clears) the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over https. */
export function setSessionCookie(req: Request, res: Response, value: string | undefined, maxAgeSeconds: number, secureAlways: boolean): void {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${value === undefined ? 0 : maxAgeSeconds}`];
  if (req.secure || secureAlways) attributes.push('Secure');
  res.append('Set-Cookie', `${SESSION_COOKIE}=${value ?? ''}; ${attributes.join('; ')}`);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface GuardDeps {
  accounts: Accounts;
  operator: OperatorCredential;
}

/** Finds the operator of each request (see the module comment); refuses a cookie request without its CSRF token. */
export function authenticate(deps: GuardDeps): RequestHandler {
  return async (req, res, next) => {
    const bearer = bearerToken(req);
    if (bearer !== undefined) {
      if (deps.operator.allows(bearer)) authenticated.set(req, { operator: TOKEN_OPERATOR });
      return next();
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie === undefined || !COOKIE_SHAPE.test(cookie)) return next();
    const found = await deps.accounts.resolveSession(cookie);
    if (!found) return next();
    if (!SAFE_METHODS.has(req.method)) {
      const presented = req.get(CSRF_HEADER);
      if (presented === undefined || !sameText(presented, found.session.csrf)) {
        return sendError(
          res,
          ERROR_CODES.FORBIDDEN,
          `this request changes something and came with a session cookie but without the session's CSRF token: send it as "${CSRF_HEADER}" (GET /api/auth/session gives it)`,
        );
      }
    }
    authenticated.set(req, { operator: found.operator, session: found.session });
    next();
  };
}

/** The sentence of a refusal for want of a role. */
export function roleMissing(roles: readonly OperatorRole[]): string {
  const names = roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.join(', ')}`;
  return `only an operator with ${names} may do this`;
}

/**
 * A route guard: the request needs an operator (a signed-in account, or the operator token) with
 * one of `roles` (an administrator passes any). Checked before the body is read.
 */
export function requireRole(...roles: OperatorRole[]): RequestHandler {
  return (req, res, next) => {
    const operator = currentOperator(req);
    if (!operator) {
      return sendError(
        res,
        ERROR_CODES.UNAUTHENTICATED,
        'sign in as an operator first (or, for scripts, send the operator token as "Authorization: Bearer <token>": ' +
          'ramparts serve keeps it in the file operator-token of its data directory, or takes it from RAMPARTS_OPERATOR_TOKEN)',
      );
    }
    if (!roles.some((role) => hasRole(operator, role))) return sendError(res, ERROR_CODES.FORBIDDEN, roleMissing(roles));
    next();
  };
}
