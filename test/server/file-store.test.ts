import { mkdtemp, rm, readFile, readdir, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../server/store/file-store.ts';
import { runStoreContract } from './store-contract.ts';

runStoreContract('file store', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ramparts-store-'));
  const opened: FileStore[] = [await FileStore.open(dir)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = await FileStore.open(dir);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('file store crash leftovers', () => {
  const record = {
    id: 'exercise-1',
    createdAt: '2025-03-01T08:00:00.000Z',
    seed: 1,
    mode: 'tabletop' as const,
    scenario: { id: 's', title: 'S', text: 'x', source: 'upload' as const },
  };

  it('ignores a partial last line and cuts it off before the next append', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-store-'));
    try {
      const store = await FileStore.open(dir);
      await store.createExercise(record, []);
      await store.append('exercise-1', [{ seq: 1, a: 1 }]);
      await store.close();
      const logPath = join(dir, 'exercises', 'exercise-1', 'log.jsonl');
      await appendFile(logPath, '{"seq":2,"a":');
      const reopened = await FileStore.open(dir);
      expect(await reopened.readLog('exercise-1')).toEqual([{ seq: 1, a: 1 }]);
      expect(await reopened.lastSeq('exercise-1')).toBe(1);
      await reopened.append('exercise-1', [{ seq: 2, a: 2 }]);
      expect(await readFile(logPath, 'utf8')).toBe('{"seq":1,"a":1}\n{"seq":2,"a":2}\n');
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes the temporary files of whole-file writes a killed process left, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-store-'));
    try {
      const store = await FileStore.open(dir);
      await store.createExercise(record, [{ seat: 'controller', role: 'white', tokenHash: 'h' }] as never);
      await store.close();
      const exerciseDir = join(dir, 'exercises', 'exercise-1');
      await writeFile(join(exerciseDir, '.lx3k2-123.tmp'), '[{"seat":"contr');
      await writeFile(join(exerciseDir, '.lx3k3-123.tmp'), '{"id":"exer');
      const reopened = await FileStore.open(dir);
      expect((await readdir(exerciseDir)).sort()).toEqual(['exercise.json', 'log.jsonl', 'seats.json', 'snapshots']);
      expect((await reopened.listExercises()).map((r) => r.id)).toEqual(['exercise-1']);
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ignores an exercise directory whose creation never finished', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-store-'));
    try {
      const store = await FileStore.open(dir);
      await store.createExercise(record, []);
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(dir, 'exercises', 'half-created'));
      expect((await store.listExercises()).map((r) => r.id)).toEqual(['exercise-1']);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses ids that could leave the data directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ramparts-store-'));
    try {
      const store = await FileStore.open(dir);
      expect(await store.getExercise('../../etc')).toBeUndefined();
      await expect(store.createExercise({ ...record, id: '../escape' }, [])).rejects.toThrow(/invalid exercise id/);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
