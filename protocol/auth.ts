/**
 * Operator accounts on the wire (issue 17): roles, the session endpoints' bodies and the CSRF
 * header. Seats (join links) are not accounts: a seat token never reaches these endpoints.
 */
import { z } from 'zod';

export * from './operators.ts';

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
