/**
 * The storage contract against a real PostgreSQL (RAMPARTS_TEST_PG, default the local `test`
 * database), each store in a fresh schema dropped afterwards; plus migrations and the cross-process
 * guarantees only a shared database has.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/postgres/migrations.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { runStoreContract } from './store-contract.ts';

import { TEST_PG } from './pg-env.ts';

const schemas: string[] = [];
function freshSchema(): string {
  const schema = `ramparts_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

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

runStoreContract('PostgreSQL store', async () => {
  const schema = freshSchema();
  const opened: PostgresStore[] = [await PostgresStore.open(TEST_PG, { schema })];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = await PostgresStore.open(TEST_PG, { schema });
      opened.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgreSQL store specifics', () => {
  const record = {
    id: 'exercise-1',
    createdAt: '2025-03-01T08:00:00.000Z',
    seed: 1,
    mode: 'tabletop' as const,
    scenario: { id: 's', title: 'S', text: 'x', source: 'upload' as const },
  };

  it('runs every migration once, even when two processes open the store at the same time', async () => {
    const schema = freshSchema();
    const stores = await Promise.all([PostgresStore.open(TEST_PG, { schema }), PostgresStore.open(TEST_PG, { schema })]);
    const again = await PostgresStore.open(TEST_PG, { schema });
    const { rows } = await again.pool.query<{ version: number }>('SELECT version FROM ramparts_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    for (const store of [...stores, again]) await store.close();
  });

  it('serialises appends from two stores (two processes) on one exercise: exactly one of two racing appends wins', async () => {
    const schema = freshSchema();
    const a = await PostgresStore.open(TEST_PG, { schema });
    const b = await PostgresStore.open(TEST_PG, { schema });
    await a.createExercise(record, []);
    const results = await Promise.allSettled([a.append('exercise-1', [{ seq: 1, from: 'a' }]), b.append('exercise-1', [{ seq: 1, from: 'b' }])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const log = await b.readLog('exercise-1');
    expect(log).toHaveLength(1);
    await b.append('exercise-1', [{ seq: 2, from: 'b' }]);
    expect(await a.lastSeq('exercise-1')).toBe(2);
    await a.close();
    await b.close();
  });

  it('refuses an append to an exercise that does not exist, and a bad schema name', async () => {
    const store = await PostgresStore.open(TEST_PG, { schema: freshSchema() });
    await expect(store.append('nope', [{ seq: 1 }])).rejects.toThrow(/no such exercise/);
    await store.close();
    await expect(PostgresStore.open(TEST_PG, { schema: 'x; DROP TABLE y' })).rejects.toThrow(/schema name/);
  });

  it('keeps only the newest snapshots', async () => {
    const store = await PostgresStore.open(TEST_PG, { schema: freshSchema() });
    await store.createExercise(record, []);
    for (const seq of [10, 20, 30, 40]) await store.putSnapshot('exercise-1', { seq, stateHash: `h${seq}`, data: { seq } });
    expect(await store.latestSnapshot('exercise-1', 15)).toBeUndefined();
    expect(await store.latestSnapshot('exercise-1', 25)).toEqual({ seq: 20, stateHash: 'h20', data: { seq: 20 } });
    await store.close();
  });
});
