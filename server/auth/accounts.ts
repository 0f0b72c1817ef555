/**
 * Operator accounts (issue 17): who signs in, with which roles. Sign-in by password (scrypt,
 * password.ts) or by single sign-on (oidc.ts), both ending in `openSession`; the first administrator
 * from a one-time setup link; sessions kept in the store (store/accounts/) and ended by logout,
 * expiry, or the user's epoch rising (password reset, account disabled).
 *
 * Sign-in is rate-limited per account name and per client address (token buckets: a bounded number
 * of guesses whatever the attacker does); every attempt is counted (`ramparts_logins_total`) and
 * logged with the account name only when that account exists (a password typed into the name field
 * must not reach a log), never with a password or a token.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ERROR_CODES, type ErrorCode, type OperatorRole } from '../../protocol/index.ts';
import type { AuthConfig } from './auth-config.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import { KeyedBuckets } from '../ops/token-bucket.ts';
import type { AccountStore, SessionRecord, UserRecord } from './account-store.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken } from './tokens.ts';

/** Who is behind a request: an account's session, or the operator token (scripts, tests). */
export interface Operator {
  /** The account's id, or `operator-token`. */
  id: string;
  username: string;
  roles: OperatorRole[];
  via: 'password' | 'oidc' | 'token';
}

/** The operator-token holder: every role (it is the server's own credential, for headless use). */
export const TOKEN_OPERATOR: Readonly<Operator> = Object.freeze({ id: 'operator-token', username: 'operator-token', roles: ['administrator' as const], via: 'token' as const });

export type Refusal = { ok: false; code: ErrorCode; message: string; retryAfterSeconds?: number };
export type Opened = { ok: true; token: string; session: SessionRecord; user: UserRecord };

/** Whether `operator` may act as `role`: an administrator may act as any. */
export function hasRole(operator: Pick<Operator, 'roles'>, role: OperatorRole): boolean {
  return operator.roles.includes('administrator') || operator.roles.includes(role);
}

const REFUSED = 'the user name or the password is wrong';

/** A new user record (not stored): a random id, epoch 0, enabled; the password hashed if given. */
export async function newUserRecord(username: string, roles: OperatorRole[], password?: string, subject?: string, wallNow = Date.now()): Promise<UserRecord> {
  const now = new Date(wallNow).toISOString();
  return {
    id: randomUUID(),
    username,
    roles: [...new Set(roles)],
    disabled: false,
    epoch: 0,
    createdAt: now,
    updatedAt: now,
    ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}),
    ...(subject !== undefined ? { subject } : {}),
  };
}

export class Accounts {
  private readonly perAccount: KeyedBuckets;
  private readonly perAddress: KeyedBuckets;
  /** SHA-256 of the one-time setup token, while no account exists and the link has not been used. */
  private setupHash: string | undefined;

  constructor(
    readonly store: AccountStore,
    private readonly config: AuthConfig,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly wallNow: () => number = () => Date.now(),
  ) {
    this.perAccount = new KeyedBuckets(config.loginRate.perAccount.perSecond, config.loginRate.perAccount.burst);
    this.perAddress = new KeyedBuckets(config.loginRate.perAddress.perSecond, config.loginRate.perAddress.burst);
  }

  /**
   * When no account exists, a new one-time setup token (the secret of the link `ramparts serve`
   * prints); undefined otherwise. Each call replaces the previous token.
   */
  async prepareSetup(): Promise<string | undefined> {
    if ((await this.store.listUsers()).length > 0) return undefined;
    const token = randomBytes(32).toString('base64url');
    this.setupHash = hashToken(token);
    return token;
  }

  /** Whether the first administrator is still to be created. */
  async setupNeeded(): Promise<boolean> {
    return (await this.store.listUsers()).length === 0;
  }

  /** Creates the first administrator with the setup token; the token works once. */
  async setup(token: string, username: string, password: string, address: string): Promise<Opened | Refusal> {
    const expected = this.setupHash;
    if (expected === undefined || hashToken(token) !== expected) {
      this.logger.warn('setup refused', { address, reason: expected === undefined ? 'no setup pending' : 'wrong link' });
      return { ok: false, code: ERROR_CODES.UNAUTHENTICATED, message: 'this setup link is not valid (it works once; when no account exists, restart the server for a new one)' };
    }
    const user = await this.newUser(username, ['administrator'], password);
    const outcome = await this.store.createUser(user, { onlyIfFirst: true });
    if (outcome !== 'created') {
      this.setupHash = undefined;
      return { ok: false, code: ERROR_CODES.CONFLICT, message: 'an account exists already: sign in instead' };
    }
    this.setupHash = undefined;
    this.logger.info('first administrator created', { user: user.username, userId: user.id, address });
    return this.openSession(user, 'password');
  }

  /** A new user record (not stored). */
  newUser(username: string, roles: OperatorRole[], password?: string, subject?: string): Promise<UserRecord> {
    return newUserRecord(username, roles, password, subject, this.wallNow());
  }

  /** Signs in with a password, within the rate limits. */
  async login(username: string, password: string, address: string): Promise<Opened | Refusal> {
    const name = username.trim().toLowerCase();
    // Both buckets are drawn from, so that a flood on one name also spends the address's guesses.
    const accountOk = this.perAccount.take(name);
    const addressOk = this.perAddress.take(address);
    const user = await this.store.findByUsername(name);
    const shownName = user ? user.username : '(no such account)';
    if (!accountOk || !addressOk) {
      this.metrics.logins.inc({ outcome: 'rate-limited' });
      this.logger.warn('login rate-limited', { user: shownName, address, limit: accountOk ? 'address' : 'account' });
      const bucket = accountOk ? this.config.loginRate.perAddress : this.config.loginRate.perAccount;
      return { ok: false, code: ERROR_CODES.RATE_LIMITED, message: 'too many sign-in attempts; wait a little and try again', retryAfterSeconds: Math.ceil(1 / bucket.perSecond) };
    }
    const matches = await verifyPassword(password, user?.passwordHash);
    if (!user || !matches) {
      this.metrics.logins.inc({ outcome: 'refused' });
      this.logger.warn('login refused', { user: shownName, address });
      return { ok: false, code: ERROR_CODES.UNAUTHENTICATED, message: REFUSED };
    }
    if (user.disabled) {
      this.metrics.logins.inc({ outcome: 'disabled' });
      this.logger.warn('login refused: account disabled', { user: user.username, address });
      return { ok: false, code: ERROR_CODES.FORBIDDEN, message: 'this account is disabled; ask an administrator' };
    }
    this.metrics.logins.inc({ outcome: 'ok' });
    this.logger.info('login', { user: user.username, userId: user.id, address, via: 'password' });
    return this.openSession(user, 'password');
  }

  /** A new session for `user`: the cookie value (returned once, stored only hashed) and its record. */
  async openSession(user: UserRecord, via: SessionRecord['via']): Promise<Opened> {
    const token = randomBytes(32).toString('base64url');
    const now = this.wallNow();
    const session: SessionRecord = {
      idHash: hashToken(token),
      userId: user.id,
      epoch: user.epoch,
      csrf: randomBytes(24).toString('base64url'),
      via,
      createdAt: new Date(now).toISOString(),
      expiresAt: now + this.config.sessionHours * 3_600_000,
    };
    await this.store.createSession(session);
    return { ok: true, token, session, user };
  }

  /** The operator of a session cookie's value, with the session; undefined when it is not valid now. */
  async resolveSession(token: string): Promise<{ operator: Operator; session: SessionRecord } | undefined> {
    const session = await this.store.getSession(hashToken(token));
    if (!session || session.expiresAt <= this.wallNow()) return undefined;
    const user = await this.store.getUser(session.userId);
    if (!user || user.disabled || user.epoch !== session.epoch) return undefined;
    return { operator: { id: user.id, username: user.username, roles: user.roles, via: session.via }, session };
  }

  /** Ends a session (logout). */
  async logout(session: SessionRecord, operator: Operator, address: string): Promise<void> {
    await this.store.deleteSession(session.idHash);
    this.logger.info('logout', { user: operator.username, userId: operator.id, address });
  }
}
