/**
 * Accounts in the file store: `<dataDir>/accounts/users.json` and `sessions.json`, each replaced
 * atomically and durably (durable-file.ts) on every change, readable by the server's user only.
 *
 * `ramparts users ...` edits users.json while a server may run on the same directory, so users are
 * read from the file on every lookup (a few kilobytes) and every change re-reads the file before it
 * writes. Sessions are the server's alone (the command line ends sessions by raising the user's
 * epoch), so they are kept in memory and written through.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable } from '../durable-file.ts';
import type { AccountStore, CreateUserOutcome, SessionRecord, UserRecord } from '../../auth/account-store.ts';

async function readJson<T>(path: string, empty: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw new Error(`${path} is unreadable (${(error as Error).message}); restore it from a backup or remove it`);
  }
}

export class FileAccountStore implements AccountStore {
  /** Changes run one after another (a read-modify-write each). */
  private chain: Promise<unknown> = Promise.resolve();
  private sessions: Map<string, SessionRecord> | undefined;

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<FileAccountStore> {
    const dir = join(dataDir, 'accounts');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new FileAccountStore(dir);
  }

  private get usersFile(): string {
    return join(this.dir, 'users.json');
  }

  private get sessionsFile(): string {
    return join(this.dir, 'sessions.json');
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.catch(() => undefined).then(work);
    this.chain = next;
    return next;
  }

  private async writeUsers(users: UserRecord[]): Promise<void> {
    await writeFileDurable(this.usersFile, JSON.stringify(users, null, 1));
    await chmod(this.usersFile, 0o600);
  }

  listUsers(): Promise<UserRecord[]> {
    return readJson<UserRecord[]>(this.usersFile, []);
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    return (await this.listUsers()).find((u) => u.id === id);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    return (await this.listUsers()).find((u) => u.username === username);
  }

  async findBySubject(subject: string): Promise<UserRecord | undefined> {
    return (await this.listUsers()).find((u) => u.subject === subject);
  }

  createUser(user: UserRecord, options: { onlyIfFirst?: boolean } = {}): Promise<CreateUserOutcome> {
    return this.serial(async () => {
      const users = await this.listUsers();
      if (options.onlyIfFirst && users.length > 0) return 'first-taken';
      if (users.some((u) => u.username === user.username)) return 'username-taken';
      await this.writeUsers([...users, structuredClone(user)]);
      return 'created';
    });
  }

  updateUser(user: UserRecord): Promise<void> {
    return this.serial(async () => {
      const users = await this.listUsers();
      const index = users.findIndex((u) => u.id === user.id);
      if (index < 0) throw new Error(`no user with id ${user.id}`);
      users[index] = structuredClone(user);
      await this.writeUsers(users);
    });
  }

  private async loadSessions(): Promise<Map<string, SessionRecord>> {
    this.sessions ??= new Map((await readJson<SessionRecord[]>(this.sessionsFile, [])).map((s) => [s.idHash, s]));
    return this.sessions;
  }

  private async writeSessions(sessions: Map<string, SessionRecord>): Promise<void> {
    const now = Date.now();
    for (const [key, session] of sessions) if (session.expiresAt <= now) sessions.delete(key);
    await writeFileDurable(this.sessionsFile, JSON.stringify([...sessions.values()]));
    await chmod(this.sessionsFile, 0o600);
  }

  createSession(session: SessionRecord): Promise<void> {
    return this.serial(async () => {
      const sessions = await this.loadSessions();
      sessions.set(session.idHash, structuredClone(session));
      await this.writeSessions(sessions);
    });
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const found = (await this.loadSessions()).get(idHash);
    return found ? structuredClone(found) : undefined;
  }

  deleteSession(idHash: string): Promise<void> {
    return this.serial(async () => {
      const sessions = await this.loadSessions();
      if (!sessions.delete(idHash)) return;
      await this.writeSessions(sessions);
    });
  }
}
