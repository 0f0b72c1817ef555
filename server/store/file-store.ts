/**
 * The embedded store: one directory per exercise under `<dataDir>/exercises/<id>/`:
 *
 * - `exercise.json`: the ExerciseRecord, written last at creation, so a directory without it is a
 *   creation that crashed half-way and is ignored;
 * - `seats.json`: seats with token hashes;
 * - `log.jsonl`: the append-only log, one JSON entry per line, fsynced before `append` resolves
 *   (file-log.ts: how a crash or a failed append is kept from ever showing an unacknowledged entry);
 * - `snapshots/<seq>.json`: periodic snapshots (the newest few are kept).
 */
import { open, readFile, readdir, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExerciseId } from '../../protocol/index.ts';
import type { ExerciseRecord, ExerciseStore, LogEntry, SeatRecord, SnapshotRecord } from './types.ts';
import { mkdirDurable, syncDir, writeFileDurable } from './durable-file.ts';
import { LogFiles, type LogFileOptions } from './file-log.ts';
import { FileAccountStore } from './accounts/file-accounts.ts';
import type { AccountStore } from '../auth/account-store.ts';

const SNAPSHOTS_KEPT = 3;

/** Test hooks for the log files, and where the store warns about a log it had to repair. */
export type FileStoreOptions = LogFileOptions;
export type { LogHandle } from './file-log.ts';

/**
 * Removes the temporary files of whole-file writes (seats.json, exercise.json) that a killed process
 * left half-written beside their targets. The store is opened before anything writes to it, so none
 * of them is in use; the targets themselves were never touched (the rename is the commit).
 */
async function removeLeftoverTemporaries(root: string): Promise<void> {
  for (const name of await readdir(root)) {
    let entries: string[];
    try {
      entries = await readdir(join(root, name));
    } catch {
      continue; // not a directory
    }
    for (const tmp of entries.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) await rm(join(root, name, tmp), { force: true });
  }
}

export class FileStore implements ExerciseStore {
  private readonly logs: LogFiles;
  private readonly seatCache = new Map<string, SeatRecord[]>();
  private closed = false;

  private constructor(
    private readonly root: string,
    private readonly accountStore: FileAccountStore,
    options: FileStoreOptions,
  ) {
    this.logs = new LogFiles((id) => join(this.dir(id), 'log.jsonl'), options);
  }

  /** Opens (creating if needed) a file store under `dataDir`. */
  static async open(dataDir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const root = join(dataDir, 'exercises');
    await mkdir(root, { recursive: true });
    await removeLeftoverTemporaries(root);
    return new FileStore(root, await FileAccountStore.open(dataDir), options);
  }

  private dir(id: string): string {
    if (!ExerciseId.safeParse(id).success) throw new Error(`invalid exercise id ${JSON.stringify(id)}`);
    return join(this.root, id);
  }

  async createExercise(record: ExerciseRecord, seats: SeatRecord[]): Promise<void> {
    this.assertOpen();
    const dir = this.dir(record.id);
    await mkdirDurable(dir);
    await mkdir(join(dir, 'snapshots'));
    await writeFileDurable(join(dir, 'seats.json'), JSON.stringify(seats));
    const log = await open(join(dir, 'log.jsonl'), 'a');
    await log.sync();
    await log.close();
    await syncDir(dir);
    await writeFileDurable(join(dir, 'exercise.json'), JSON.stringify(record));
    this.seatCache.set(record.id, structuredClone(seats));
  }

  async getExercise(id: string): Promise<ExerciseRecord | undefined> {
    if (!ExerciseId.safeParse(id).success) return undefined;
    try {
      return JSON.parse(await readFile(join(this.dir(id), 'exercise.json'), 'utf8')) as ExerciseRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async listExercises(): Promise<ExerciseRecord[]> {
    const records: ExerciseRecord[] = [];
    for (const name of await readdir(this.root)) {
      const record = await this.getExercise(name);
      if (record) records.push(record);
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async getSeats(exerciseId: string): Promise<SeatRecord[]> {
    const cached = this.seatCache.get(exerciseId);
    if (cached) return structuredClone(cached);
    if (!(await this.getExercise(exerciseId))) return [];
    const seats = JSON.parse(await readFile(join(this.dir(exerciseId), 'seats.json'), 'utf8')) as SeatRecord[];
    this.seatCache.set(exerciseId, seats);
    return structuredClone(seats);
  }

  async setSeatToken(exerciseId: string, seat: string, tokenHash: string): Promise<void> {
    this.assertOpen();
    const seats = await this.getSeats(exerciseId);
    const target = seats.find((s) => s.seat === seat);
    if (!target) throw new Error(`exercise ${exerciseId} has no seat ${seat}`);
    target.tokenHash = tokenHash;
    await writeFileDurable(join(this.dir(exerciseId), 'seats.json'), JSON.stringify(seats));
    this.seatCache.set(exerciseId, seats);
  }

  append(exerciseId: string, entries: readonly LogEntry[]): Promise<void> {
    this.assertOpen();
    return this.logs.append(exerciseId, entries);
  }

  readLog(exerciseId: string, afterSeq = 0): Promise<LogEntry[]> {
    return this.logs.readLog(exerciseId, afterSeq);
  }

  lastSeq(exerciseId: string): Promise<number> {
    return this.logs.lastSeq(exerciseId);
  }

  async putSnapshot(exerciseId: string, snapshot: SnapshotRecord): Promise<void> {
    this.assertOpen();
    const dir = join(this.dir(exerciseId), 'snapshots');
    await writeFileDurable(join(dir, `${String(snapshot.seq).padStart(12, '0')}.json`), JSON.stringify(snapshot));
    const all = await readdir(dir);
    const names = all.filter((n) => /^\d{12}\.json$/.test(n)).sort();
    for (const old of names.slice(0, Math.max(0, names.length - SNAPSHOTS_KEPT))) {
      await rm(join(dir, old), { force: true });
    }
    // Temporary files of snapshots whose writer was killed half-way: an exercise's snapshots are
    // written one at a time, and this one is already in place, so none of them is in use.
    for (const tmp of all.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) await rm(join(dir, tmp), { force: true });
  }

  async latestSnapshot(exerciseId: string, atOrBefore = Number.MAX_SAFE_INTEGER): Promise<SnapshotRecord | undefined> {
    const dir = join(this.dir(exerciseId), 'snapshots');
    let names: string[];
    try {
      names = (await readdir(dir))
        .filter((n) => /^\d{12}\.json$/.test(n))
        .sort()
        .reverse();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    for (const name of names) {
      if (Number(name.slice(0, 12)) > atOrBefore) continue;
      return JSON.parse(await readFile(join(dir, name), 'utf8')) as SnapshotRecord;
    }
    return undefined;
  }

  /** Accounts under `<dataDir>/accounts/` (accounts/file-accounts.ts). */
  accounts(): AccountStore {
    return this.accountStore;
  }

  async deleteExercise(id: string): Promise<boolean> {
    this.assertOpen();
    if (!(await this.getExercise(id))) return false;
    await this.logs.forget(id);
    this.seatCache.delete(id);
    // exercise.json first: a crash half-way leaves a directory that listings already ignore.
    await rm(join(this.dir(id), 'exercise.json'));
    await syncDir(this.dir(id));
    await rm(this.dir(id), { recursive: true, force: true });
    await syncDir(this.root);
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.logs.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}
