/**
 * Exercise ownership leases in the real PostgreSQL: one owner at a time, renewal keeps the lease,
 * expiry hands it over, orphans are the exercises nobody holds, release frees them at once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LeaseTable } from '../../server/cluster/lease.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { TEST_PG } from './pg-env.ts';

const schema = `ramparts_test_${randomBytes(6).toString('hex')}`;
afterAll(async () => {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

const record = (id: string) => ({
  id,
  createdAt: '2025-03-01T08:00:00.000Z',
  seed: 1,
  mode: 'tabletop' as const,
  scenario: { id: 's', title: 'S', text: 'x', source: 'upload' as const },
});

describe('exercise leases', () => {
  it('has one owner at a time, renews, expires, reports orphans and releases', async () => {
    const store = await PostgresStore.open(TEST_PG, { schema });
    try {
      await store.createExercise(record('exercise-1'), []);
      await store.createExercise(record('exercise-2'), []);
      const a = new LeaseTable(store.pool, 'process-a', 60_000);
      const b = new LeaseTable(store.pool, 'process-b', 60_000);
      expect(await a.orphans()).toEqual(['exercise-1', 'exercise-2']);
      const claims = await Promise.all([a.claim('exercise-1'), b.claim('exercise-1')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const [owner, other] = claims[0] ? [a, b] : [b, a];
      expect(await owner.claim('exercise-1')).toBe(true); // its own lease: extended
      expect(await other.claim('exercise-1')).toBe(false);
      expect(await owner.renew(['exercise-1', 'exercise-2'])).toEqual(new Set(['exercise-1']));
      expect(await other.renew(['exercise-1'])).toEqual(new Set());
      expect(await a.orphans()).toEqual(['exercise-2']);

      // An expired lease (its owner stopped renewing) goes to the next claimant.
      const short = new LeaseTable(store.pool, owner.owner, 1);
      expect(await short.claim('exercise-1')).toBe(true);
      await new Promise((done) => setTimeout(done, 20));
      expect(await a.orphans()).toEqual(['exercise-1', 'exercise-2']);
      expect(await other.claim('exercise-1')).toBe(true);
      expect(await owner.renew(['exercise-1'])).toEqual(new Set());

      await other.releaseAll();
      expect(await owner.claim('exercise-1')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
