/**
 * The account store (server/auth/account-store.ts) on both backends: the file store's accounts and
 * PostgreSQL's users and sessions tables. The first administrator is created once however many
 * setup forms arrive together; names are unique; sessions are found by the hash of their cookie.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountStore, SessionRecord } from '../../server/auth/account-store.ts';
import { newUserRecord } from '../../server/auth/accounts.ts';
import { FileStore } from '../../server/store/file-store.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { TEST_PG } from './pg-env.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function fileBackend(): Promise<{ store: AccountStore; dir?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ramparts-accounts-store-'));
  const store = await FileStore.open(dir);
  cleanups.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { store: store.accounts(), dir };
}

async function postgresBackend(): Promise<{ store: AccountStore; dir?: string }> {
  const schema = `ramparts_test_${randomBytes(6).toString('hex')}`;
  // Its pool has several connections: the five setup forms below run on different ones at once.
  const store = await PostgresStore.open(TEST_PG, { schema });
  cleanups.push(async () => {
    await store.close();
    const client = new pg.Client({ connectionString: TEST_PG });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  });
  return { store: store.accounts() };
}

const session = (userId: string, idHash: string, expiresAt: number): SessionRecord => ({
  idHash,
  userId,
  epoch: 0,
  csrf: 'c'.repeat(32),
  via: 'password',
  createdAt: new Date().toISOString(),
  expiresAt,
});

describe.each([
  ['the file store', fileBackend],
  ['PostgreSQL', postgresBackend],
] as const)('accounts in %s', (_name, open) => {
  it('creates the first administrator once when several setup forms arrive together', async () => {
    const { store } = await open();
    const users = await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => newUserRecord(name, ['administrator'], undefined)));
    const outcomes = await Promise.all(users.map((u) => store.createUser(u, { onlyIfFirst: true })));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'first-taken')).toHaveLength(4);
    expect(await store.listUsers()).toHaveLength(1);
  });

  it('keeps names unique, finds by name, id and subject, updates, and keeps sessions by their hash', async () => {
    const { store, dir } = await open();
    const alice = await newUserRecord('alice', ['planner'], undefined, 'https://idp#alice');
    expect(await store.createUser(alice)).toBe('created');
    expect(await store.createUser(await newUserRecord('alice', ['controller']))).toBe('username-taken');
    expect((await store.findByUsername('alice'))?.id).toBe(alice.id);
    expect((await store.getUser(alice.id))?.username).toBe('alice');
    expect((await store.findBySubject('https://idp#alice'))?.id).toBe(alice.id);
    expect(await store.findByUsername('bob')).toBeUndefined();
    await store.updateUser({ ...alice, roles: ['planner', 'evaluator'], epoch: 1 });
    expect((await store.getUser(alice.id))?.roles).toEqual(['planner', 'evaluator']);
    await expect(store.updateUser({ ...alice, id: 'nobody' })).rejects.toThrow(/no user with id nobody/);

    await store.createSession(session(alice.id, 'h1', Date.now() + 60_000));
    await store.createSession(session(alice.id, 'h2', Date.now() + 60_000));
    expect((await store.getSession('h1'))?.userId).toBe(alice.id);
    await store.deleteSession('h1');
    expect(await store.getSession('h1')).toBeUndefined();
    expect((await store.getSession('h2'))?.userId).toBe(alice.id);
    if (dir) {
      // Readable by the server's user only.
      expect((await stat(join(dir, 'accounts', 'users.json'))).mode & 0o077).toBe(0);
      expect((await stat(join(dir, 'accounts', 'sessions.json'))).mode & 0o077).toBe(0);
    }
  });
});
