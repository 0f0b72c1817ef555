/**
 * The library store's contract against both backends (the file library in a temporary directory,
 * PostgreSQL in a fresh schema), and deleting an exercise from both exercise stores.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { FileLibrary } from '../../server/store/file-library.ts';
import { FileStore } from '../../server/store/file-store.ts';
import { PostgresLibrary } from '../../server/store/postgres/postgres-library.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { ExerciseStore } from '../../server/store/types.ts';
import { runLibraryContract } from './library-contract.ts';
import { TEST_PG } from './pg-env.ts';

const schemas: string[] = [];
async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

runLibraryContract('file library', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ramparts-library-'));
  return {
    library: await FileLibrary.open(dir),
    reopen: () => FileLibrary.open(dir),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

runLibraryContract('PostgreSQL library', async () => {
  const schema = `ramparts_lib_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  const stores = [await PostgresStore.open(TEST_PG, { schema })];
  return {
    library: new PostgresLibrary(stores[0]!),
    reopen: async () => {
      const store = await PostgresStore.open(TEST_PG, { schema });
      stores.push(store);
      return new PostgresLibrary(store);
    },
    dispose: async () => {
      for (const store of stores) await store.close();
      await dropSchema(schema);
    },
  };
});

async function deletes(store: ExerciseStore): Promise<void> {
  const record = {
    id: 'exercise-0001',
    createdAt: '2026-12-06T18:00:00.000Z',
    seed: 7,
    mode: 'tabletop' as const,
    scenario: { id: 'minimal', title: { en: 'Minimal' }, text: 'x\n', source: 'library' as const, version: 2 },
  };
  await store.createExercise(record, [{ seat: 'controller', role: 'white', tokenHash: 'a'.repeat(64) }]);
  await store.createExercise({ ...record, id: 'exercise-0002' }, []);
  await store.append('exercise-0001', [{ seq: 1, command: { type: 'start' } }]);
  await store.putSnapshot('exercise-0001', { seq: 1, stateHash: 'h', data: {} });
  expect(await store.deleteExercise('exercise-0001')).toBe(true);
  expect(await store.deleteExercise('exercise-0001')).toBe(false);
  expect(await store.getExercise('exercise-0001')).toBeUndefined();
  expect(await store.getSeats('exercise-0001')).toEqual([]);
  expect((await store.listExercises()).map((r) => r.id)).toEqual(['exercise-0002']);
  expect((await store.getExercise('exercise-0002'))?.scenario.version).toBe(2);
}

describe('deleting an exercise', () => {
  it('removes it with its seats, log and snapshots from the file store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-delete-'));
    try {
      const store = await FileStore.open(dir);
      await deletes(store);
      expect(await readdir(join(dir, 'exercises'))).toEqual(['exercise-0002']);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes it with its seats, log and snapshots from PostgreSQL', async () => {
    const schema = `ramparts_del_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const store = await PostgresStore.open(TEST_PG, { schema });
    try {
      await deletes(store);
      const { rows } = await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM log_entries');
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
