/**
 * Exactly once (issue 13): a command whose answer is lost is applied once however often its sender
 * retries it under the same client key, on every backend, across a restart. The lost answer is made
 * the way the PostgreSQL restarts made it: the append is stored, then the store reports a failure
 * (a COMMIT whose answer never came back), so the seat hears UNAVAILABLE for a stored command.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type CreateExerciseResponse } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { FileStore } from '../../server/store/file-store.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { ExerciseStore, LogEntry } from '../../server/store/types.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, createExercise, seatJoiner, type Seat } from './helpers.ts';
import { TEST_PG } from './pg-env.ts';

/** A store whose next append is stored and then reported as failed: the answer is lost, not the write. */
function lossy(inner: ExerciseStore): { store: ExerciseStore; loseNext(): void } {
  let lose = false;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'append') {
        return async (id: string, entries: readonly LogEntry[]) => {
          await target.append(id, entries);
          if (lose) {
            lose = false;
            throw Object.assign(new Error('connection lost during COMMIT'), { code: 'ECONNRESET' });
          }
        };
      }
      // Closing is the test's: a restart closes the server, not the store under it.
      if (prop === 'close') return async () => undefined;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, loseNext: () => void (lose = true) };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function backend(kind: 'file' | 'postgres'): Promise<ExerciseStore> {
  if (kind === 'file') {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-once-'));
    const store = await FileStore.open(dir);
    cleanups.push(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });
    return store;
  }
  const schema = `ramparts_once_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open(TEST_PG, { schema });
  cleanups.push(async () => {
    await store.close();
    const client = new pg.Client({ connectionString: TEST_PG });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });
  return store;
}

async function serve(store: ExerciseStore): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ramparts-once-srv-'));
  const server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      store: { snapshotEvery: 2 },
    }),
    { logger: silentLogger, store },
  );
  cleanups.push(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return server;
}

const texts = async (store: ExerciseStore, id: string, text: string) => (await store.readLog(id)).filter((e) => (e as unknown as { command: { text?: string } }).command.text === text).length;

describe.each(['file', 'postgres'] as const)('exactly once on the %s store', (kind) => {
  it('a command whose answer was lost is applied once, however often it is retried, also after a restart', async () => {
    const inner = await backend(kind);
    const { store, loseNext } = lossy(inner);
    let server = await serve(store);
    const ex: CreateExerciseResponse = await createExercise(server.url, 'minimal', 'tabletop');
    const opened: Seat[] = [];
    cleanups.push(async () => {
      for (const s of opened) s.close();
    });
    const join_ = seatJoiner(ex, opened);
    const controller = await join_(server.url, 'controller');
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    const kw = await join_(server.url, 'blue:kw');

    const sitrep = { type: 'sitrep', text: 'lost answer', severity: 'high', key: 'kw-lost-answer-1' };
    loseNext();
    // Stored, but the seat hears UNAVAILABLE: it cannot tell whether the command was applied.
    expect(await kw.command(sitrep)).toMatchObject({ ok: false, code: ERROR_CODES.UNAVAILABLE });
    expect(await texts(inner, ex.exerciseId, 'lost answer')).toBe(1);
    const seq = await inner.lastSeq(ex.exerciseId);
    // The retry under the same key gets the first answer; nothing new is stored.
    expect(await kw.command(sitrep)).toEqual({ ok: true, seq });
    expect(await kw.command(sitrep)).toEqual({ ok: true, seq });
    expect(await inner.lastSeq(ex.exerciseId)).toBe(seq);
    // Several copies at once (a client retrying from two windows) still apply once.
    const twice = { type: 'sitrep', text: 'sent twice at once', severity: 'low', key: 'kw-twice-0001' };
    const [a, b] = await Promise.all([kw.command(twice), kw.command(twice)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(await texts(inner, ex.exerciseId, 'sent twice at once')).toBe(1);
    // The same key with another command is refused; another seat's same key is its own.
    expect(await kw.command({ ...sitrep, text: 'something else' })).toMatchObject({ ok: false, code: ERROR_CODES.CONFLICT });
    const om = await join_(server.url, 'blue:om');
    expect(await om.command({ ...sitrep, text: 'om, same key' })).toMatchObject({ ok: true });
    // More commands than a snapshot interval, so that the restart restores the ledger from a snapshot.
    for (const n of [1, 2, 3]) expect(await kw.command({ type: 'sitrep', text: `after ${n}`, severity: 'low', key: `kw-after-000${n}` })).toMatchObject({ ok: true });
    const before = await inner.lastSeq(ex.exerciseId);

    // Restart on the same store: the retry is still answered with the first answer.
    for (const s of opened.splice(0)) s.close();
    await server.close();
    server = await serve(store);
    const kw2 = await seatJoiner(ex, opened)(server.url, 'blue:kw');
    expect(await kw2.command(sitrep)).toEqual({ ok: true, seq });
    expect(await kw2.command({ type: 'sitrep', text: 'after 1', severity: 'low', key: 'kw-after-0001' })).toMatchObject({ ok: true });
    expect(await inner.lastSeq(ex.exerciseId)).toBe(before);
    expect(await texts(inner, ex.exerciseId, 'lost answer')).toBe(1);
    // A bad key is a bad message, not a command without a key.
    expect(await kw2.command({ type: 'sitrep', text: 'x', severity: 'low', key: 'no spaces allowed' })).toMatchObject({ ok: false, code: ERROR_CODES.BAD_MESSAGE });
  }, 60_000);
});
