/**
 * Operator roles, the CSRF header and the session's answer (issue 17), without a schema library, so
 * that the web client's first page loads no zod (test/structure/front-door.test.ts). The request
 * schemas are in auth.ts.
 */

/**
 * What an operator may do. An administrator manages accounts and may do everything the others may;
 * a planner writes scenarios; a controller runs exercises; an evaluator watches and grades.
 */
export const OPERATOR_ROLES = ['administrator', 'planner', 'controller', 'evaluator'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** The header a browser session sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who is signed in, as the client sees it. */
export interface OperatorInfo {
  username: string;
  roles: OperatorRole[];
  /** How the session was opened: a password, single sign-on, or the operator token (scripts). */
  via: 'password' | 'oidc' | 'token';
}

/** GET /api/auth/session (and the body of a successful login or setup). */
export interface SessionResponse {
  ok: true;
  operator?: OperatorInfo;
  /** The CSRF token of this session: send it as `x-csrf-token` on every POST, PUT, PATCH and DELETE. */
  csrf?: string;
  /** No account exists yet: the first administrator is created from the link `ramparts serve` printed. */
  setupNeeded: boolean;
  /** Single sign-on is configured: the login page offers it (GET /api/auth/oidc/login). */
  sso?: { label: string };
}
