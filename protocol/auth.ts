/**
 * Operator accounts on the wire (issue 17): roles, the session endpoints' bodies and the CSRF
 * header. Seats (join links) are not accounts: a seat token never reaches these endpoints.
 */
import { z } from 'zod';

/**
 * What an operator may do. An administrator manages accounts and may do everything the others may;
 * a planner writes scenarios; a controller runs exercises; an evaluator watches and grades.
 */
export const OPERATOR_ROLES = ['administrator', 'planner', 'controller', 'evaluator'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** The header a browser session sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

/** Account names: lower-case letters, digits, ".", "_", "-" and "@" (an e-mail address fits). */
export const Username = z.string().regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/, 'a user name is 1 to 64 lower-case letters, digits, ".", "_", "-" or "@", starting with a letter or digit');
/** Passwords: 12 to 256 characters (a passphrase, not a rule about symbols). */
export const Password = z.string().min(12, 'a password has at least 12 characters').max(256, 'a password has at most 256 characters');

/** POST /api/auth/login */
export const LoginRequest = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** POST /api/auth/setup: the first administrator, with the one-time setup token from the printed link. */
export const SetupRequest = z.strictObject({ token: z.string().min(1).max(128), username: Username, password: Password });
export type SetupRequest = z.infer<typeof SetupRequest>;

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
