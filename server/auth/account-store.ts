/**
 * Operator accounts and their sessions, kept by the same store as the exercises (the file store
 * under `<dataDir>/accounts/`, or the PostgreSQL store's `users` and `sessions` tables):
 * `ExerciseStore.accounts()`. Seats are not accounts; they stay with their exercise. The interface
 * lives here, on the ground floor, and the store's floor implements it (docs/SERVER.md, "Floors").
 */
import type { OperatorRole } from '../../protocol/index.ts';

export interface UserRecord {
  /** Random, stable; sessions and audit lines name it. */
  id: string;
  /** Unique, lower-case (protocol `Username`). */
  username: string;
  roles: OperatorRole[];
  /** server/auth/password.ts form; absent for an account that signs in by single sign-on only. */
  passwordHash?: string;
  disabled: boolean;
  /**
   * Raised when the password is reset or the account disabled: sessions opened under an older epoch
   * are refused, so `ramparts users reset|disable` ends them without touching the sessions.
   */
  epoch: number;
  /** `issuer#subject` of a single sign-on account. */
  subject?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the session cookie's value; the value itself is never stored. */
  idHash: string;
  userId: string;
  /** The user's epoch when the session opened. */
  epoch: number;
  /** The synchronizer CSRF token of this session. */
  csrf: string;
  via: 'password' | 'oidc';
  createdAt: string;
  /** Wall-clock ms after which the session is refused. */
  expiresAt: number;
}

/** What `createUser` did: `first-taken` when only a first account was asked for and one exists. */
export type CreateUserOutcome = 'created' | 'username-taken' | 'first-taken';

export interface AccountStore {
  listUsers(): Promise<UserRecord[]>;
  getUser(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findBySubject(subject: string): Promise<UserRecord | undefined>;
  /**
   * Adds a user unless the name is taken; with `onlyIfFirst`, only while no account exists at all,
   * atomically (two first-administrator forms sent at once create one account).
   */
  createUser(user: UserRecord, options?: { onlyIfFirst?: boolean }): Promise<CreateUserOutcome>;
  /** Replaces a user's record (same id); throws if there is none. */
  updateUser(user: UserRecord): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
}
