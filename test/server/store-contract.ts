/**
 * The storage contract: every ExerciseStore backend must pass this suite. A backend's test file
 * calls `runStoreContract(name, factory)`; the factory gives a fresh, empty store and a way to
 * reopen the same storage (as a restarted server would).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ExerciseRecord, ExerciseStore, SeatRecord } from '../../server/store/types.ts';

export interface StoreHarness {
  store: ExerciseStore;
  /** Closes nothing; opens a second store over the same storage. */
  reopen(): Promise<ExerciseStore>;
  /** Closes everything and removes the storage. */
  dispose(): Promise<void>;
}

function record(id: string, createdAt = '2025-03-01T08:00:00.000Z'): ExerciseRecord {
  return {
    id,
    createdAt,
    scenario: { id: 'minimal', title: { en: 'Minimal', ar: 'مصغر' }, text: 'ramparts: 1\n', source: 'bundled' },
    seed: 7,
    mode: 'realtime',
  };
}

const seats: SeatRecord[] = [
  { seat: 'controller', role: 'white', tokenHash: 'a'.repeat(64) },
  { seat: 'blue:kw', role: 'blue', team: 'kw', tokenHash: 'b'.repeat(64) },
];

function entries(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ seq: from + i, command: { type: 'advance', to: (from + i) * 1000 }, note: 'é✓' }));
}

export function runStoreContract(name: string, factory: () => Promise<StoreHarness>): void {
  describe(`ExerciseStore contract: ${name}`, () => {
    let harness: StoreHarness | undefined;
    const open = async () => (harness = await factory());
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('creates, gets and lists exercises, oldest first, and keeps them across a reopen', async () => {
      const { store, reopen } = await open();
      await store.createExercise(record('exercise-b', '2025-03-02T00:00:00.000Z'), seats);
      await store.createExercise(record('exercise-a', '2025-03-01T00:00:00.000Z'), seats);
      expect(await store.getExercise('exercise-b')).toEqual(record('exercise-b', '2025-03-02T00:00:00.000Z'));
      const again = await reopen();
      expect((await again.listExercises()).map((r) => r.id)).toEqual(['exercise-a', 'exercise-b']);
      expect(await again.getSeats('exercise-a')).toEqual(seats);
    });

    it('refuses a second exercise with the same id and leaves the first intact', async () => {
      const { store } = await open();
      await store.createExercise(record('exercise-1'), seats);
      await expect(store.createExercise({ ...record('exercise-1'), seed: 99 }, [])).rejects.toThrow();
      expect((await store.getExercise('exercise-1'))?.seed).toBe(7);
      expect(await store.getSeats('exercise-1')).toEqual(seats);
    });

    it('answers unknown exercises with nothing', async () => {
      const { store } = await open();
      expect(await store.getExercise('no-such-exercise')).toBeUndefined();
      expect(await store.getSeats('no-such-exercise')).toEqual([]);
      expect(await store.listExercises()).toEqual([]);
    });

    it('rotates a seat token durably and only for that seat', async () => {
      const { store, reopen } = await open();
      await store.createExercise(record('exercise-1'), seats);
      await store.setSeatToken('exercise-1', 'blue:kw', 'c'.repeat(64));
      const again = await reopen();
      expect(await again.getSeats('exercise-1')).toEqual([seats[0], { ...seats[1], tokenHash: 'c'.repeat(64) }]);
      await expect(store.setSeatToken('exercise-1', 'blue:zz', 'd'.repeat(64))).rejects.toThrow();
    });

    it('appends log entries in order and reads them back after a reopen', async () => {
      const { store, reopen } = await open();
      await store.createExercise(record('exercise-1'), seats);
      expect(await store.lastSeq('exercise-1')).toBe(0);
      await store.append('exercise-1', entries(1, 3));
      await store.append('exercise-1', entries(4, 1));
      await store.append('exercise-1', []);
      expect(await store.lastSeq('exercise-1')).toBe(4);
      const again = await reopen();
      expect(await again.readLog('exercise-1')).toEqual(entries(1, 4));
      expect(await again.readLog('exercise-1', 2)).toEqual(entries(3, 2));
      expect(await again.lastSeq('exercise-1')).toBe(4);
    });

    it('keeps the order of appends issued without waiting', async () => {
      const { store } = await open();
      await store.createExercise(record('exercise-1'), seats);
      await Promise.all([1, 2, 3, 4, 5].map((seq) => store.append('exercise-1', entries(seq, 1))));
      expect((await store.readLog('exercise-1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    });

    it('refuses entries that leave a gap or repeat a seq, and writes none of them', async () => {
      const { store } = await open();
      await store.createExercise(record('exercise-1'), seats);
      await store.append('exercise-1', entries(1, 2));
      await expect(store.append('exercise-1', entries(4, 1))).rejects.toThrow(/seq/);
      await expect(store.append('exercise-1', entries(2, 2))).rejects.toThrow(/seq/);
      await store.append('exercise-1', entries(3, 1));
      expect((await store.readLog('exercise-1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('keeps exercises apart', async () => {
      const { store } = await open();
      await store.createExercise(record('exercise-1'), seats);
      await store.createExercise(record('exercise-2'), []);
      await store.append('exercise-1', entries(1, 2));
      await store.append('exercise-2', entries(1, 1));
      expect(await store.readLog('exercise-1')).toEqual(entries(1, 2));
      expect(await store.readLog('exercise-2')).toEqual(entries(1, 1));
      expect(await store.getSeats('exercise-2')).toEqual([]);
    });

    it('returns the newest snapshot at or before a seq, across a reopen', async () => {
      const { store, reopen } = await open();
      await store.createExercise(record('exercise-1'), seats);
      expect(await store.latestSnapshot('exercise-1')).toBeUndefined();
      await store.putSnapshot('exercise-1', { seq: 10, stateHash: 'h10', data: { a: 1 } });
      await store.putSnapshot('exercise-1', { seq: 20, stateHash: 'h20', data: { a: 2, nested: [1, 'x'] } });
      const again = await reopen();
      expect(await again.latestSnapshot('exercise-1')).toEqual({ seq: 20, stateHash: 'h20', data: { a: 2, nested: [1, 'x'] } });
      expect((await again.latestSnapshot('exercise-1', 19))?.seq).toBe(10);
      expect(await again.latestSnapshot('exercise-1', 9)).toBeUndefined();
    });
  });
}
