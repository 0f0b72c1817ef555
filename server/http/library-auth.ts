/**
 * Who is asking the library, and what their roles let them do. The server's guard
 * (server/auth/guard.ts: accounts with sessions and CSRF, or the operator token) decides who a
 * request comes from; this names that operator for the audit trail and checks the library's roles.
 * `LibraryAuth` is the seam: tests may give roles to tokens. A seat token of any exercise is never
 * an operator.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ERROR_CODES, type OperatorRole } from '../../protocol/index.ts';
import { currentOperator } from '../auth/guard.ts';
import { sendError } from './reply.ts';

/** An authenticated operator: a name for the audit trail, and roles. */
export interface Principal {
  name: string;
  roles: readonly OperatorRole[];
}

export interface LibraryAuth {
  /** The operator behind a request, or undefined. */
  identify(req: Request): Principal | undefined | Promise<Principal | undefined>;
}

/** The server's guard: a signed-in account (its user name), or the operator token (`operator-token`). */
export const guardAuth: LibraryAuth = {
  identify: (req) => {
    const operator = currentOperator(req);
    return operator ? { name: operator.username, roles: operator.roles } : undefined;
  },
};

export const LIBRARY_UNAUTHENTICATED = 'the library is for operators: sign in, or send the operator token as "Authorization: Bearer <token>"';

/** The principal of a request that passed `operatorOnly`. */
export function principalOf(res: Response): Principal {
  return (res.locals as { principal: Principal }).principal;
}

/** Lets operators through (any role), with the principal on res.locals. */
export function operatorOnly(auth: LibraryAuth): RequestHandler {
  return async (req, res, next) => {
    const principal = await auth.identify(req);
    if (!principal) return sendError(res, ERROR_CODES.UNAUTHENTICATED, LIBRARY_UNAUTHENTICATED);
    (res.locals as { principal: Principal }).principal = principal;
    next();
  };
}

const ROLE_NAMES: Record<OperatorRole, string> = { administrator: 'an administrator', planner: 'a planner', controller: 'a controller', evaluator: 'an evaluator' };

/** After `operatorOnly`: lets through an operator holding one of `roles` (an administrator always). */
export function requireRole(...roles: OperatorRole[]): RequestHandler {
  return (_req, res, next) => {
    const held = principalOf(res).roles;
    if (held.includes('administrator') || roles.some((r) => held.includes(r))) return next();
    sendError(res, ERROR_CODES.FORBIDDEN, `only ${roles.map((r) => ROLE_NAMES[r]).join(' or ')} may do this`);
  };
}
