/**
 * Accounts in the PostgreSQL store (tables `users` and `sessions`, migration 3), on the exercise
 * store's pool. The first administrator is created under a table lock, so that two setup forms sent
 * at once to two processes create one account.
 */
import type pg from 'pg';
import type { AccountStore, CreateUserOutcome, SessionRecord, UserRecord } from '../../auth/account-store.ts';

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresAccountStore implements AccountStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: Transaction,
  ) {}

  private async users(where: string, values: unknown[]): Promise<UserRecord[]> {
    const { rows } = await this.pool.query<{ record: UserRecord }>(`SELECT record FROM users ${where}`, values);
    return rows.map((r) => r.record);
  }

  listUsers(): Promise<UserRecord[]> {
    return this.users('ORDER BY created_at, id', []);
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    return (await this.users('WHERE id = $1', [id]))[0];
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    return (await this.users('WHERE username = $1', [username]))[0];
  }

  async findBySubject(subject: string): Promise<UserRecord | undefined> {
    return (await this.users('WHERE subject = $1', [subject]))[0];
  }

  createUser(user: UserRecord, options: { onlyIfFirst?: boolean } = {}): Promise<CreateUserOutcome> {
    return this.transaction(async (client) => {
      // Blocks concurrent inserts (and other first-account checks) until this transaction ends.
      await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if (options.onlyIfFirst) {
        const { rows } = await client.query('SELECT 1 FROM users LIMIT 1');
        if (rows.length > 0) return 'first-taken';
      }
      const { rows } = await client.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
      if (rows.length > 0) return 'username-taken';
      await client.query('INSERT INTO users (id, username, subject, created_at, record) VALUES ($1, $2, $3, $4, $5)', [
        user.id,
        user.username,
        user.subject ?? null,
        user.createdAt,
        JSON.stringify(user),
      ]);
      return 'created';
    });
  }

  async updateUser(user: UserRecord): Promise<void> {
    const { rowCount } = await this.pool.query('UPDATE users SET username = $2, subject = $3, record = $4 WHERE id = $1', [user.id, user.username, user.subject ?? null, JSON.stringify(user)]);
    if (rowCount === 0) throw new Error(`no user with id ${user.id}`);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE expires_at < $1', [Date.now()]);
    await this.pool.query('INSERT INTO sessions (id_hash, user_id, expires_at, record) VALUES ($1, $2, $3, $4)', [session.idHash, session.userId, session.expiresAt, JSON.stringify(session)]);
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<{ record: SessionRecord }>('SELECT record FROM sessions WHERE id_hash = $1', [idHash]);
    return rows[0]?.record;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }
}
