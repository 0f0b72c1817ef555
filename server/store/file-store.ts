/**
 * The embedded store: one directory per exercise under `<dataDir>/exercises/<id>/`:
 *
 * - `exercise.json`: the ExerciseRecord, written last at creation, so a directory without it is a
 *   creation that crashed half-way and is ignored;
 * - `seats.json`: seats with token hashes;
 * - `log.jsonl`: the append-only log, one JSON entry per line, fsynced before `append` resolves;
 * - `snapshots/<seq>.json`: periodic snapshots (the newest few are kept).
 *
 * A crash can leave at most one partial line at the end of the log (its append never resolved, so
 * it was never acknowledged); reading ignores it and the next append cuts it off first, with a
 * warning. An append that fails without a crash (a full disk, an I/O error) is undone at once: the
 * log is cut back to where the append started, so entries that were never acknowledged cannot
 * come back at the next read or after a restart.
 */
import { open, readFile, readdir, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExerciseId } from '../../protocol/index.ts';
import type { Logger } from '../ops/logger.ts';
import type { ExerciseRecord, ExerciseStore, LogEntry, SeatRecord, SnapshotRecord } from './types.ts';
import { mkdirDurable, syncDir, writeFileDurable } from './durable-file.ts';

const SNAPSHOTS_KEPT = 3;

/** What the store does with an open log file (a subset of node's FileHandle). */
export interface LogHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface FileStoreOptions {
  /**
   * Opens a log file for appending (default: node:fs/promises `open`). Tests wrap it to make
   * writes fail the way a full disk or a failing device does; production never sets it.
   */
  openLogFile?: (path: string, flags: 'r+') => Promise<LogHandle>;
  /** Where the store warns about a log it had to repair (a partial last entry cut off). */
  logger?: Logger;
}

interface OpenLog {
  handle: LogHandle;
  lastSeq: number;
  /** Bytes in the file: where the next entry goes. */
  size: number;
}

/** Parses log text; returns the entries and the byte length of the complete, valid prefix. */
function parseLog(text: string, file: string): { entries: LogEntry[]; validBytes: number } {
  const entries: LogEntry[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    lineNo++;
    if (end === -1) break; // a partial last line: never acknowledged
    const line = text.slice(offset, end);
    let entry: LogEntry;
    try {
      entry = JSON.parse(line) as LogEntry;
    } catch {
      throw new Error(`${file}:${lineNo}: corrupt log entry (not JSON) before the end of the log`);
    }
    const expected = (entries.at(-1)?.seq ?? 0) + 1;
    if (entry.seq !== expected) throw new Error(`${file}:${lineNo}: log entry seq ${entry.seq}, expected ${expected}`);
    entries.push(entry);
    offset = end + 1;
  }
  return { entries, validBytes: Buffer.byteLength(text.slice(0, offset), 'utf8') };
}

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
  private readonly logs = new Map<string, Promise<OpenLog>>();
  /** Appends per exercise run one after another. */
  private readonly appendChain = new Map<string, Promise<void>>();
  private readonly seatCache = new Map<string, SeatRecord[]>();
  /**
   * Logs whose failed append could not be undone (the cut itself failed): the byte length of the
   * acknowledged prefix. Reads stop there and the next open cuts the file there first.
   */
  private readonly cutAt = new Map<string, number>();
  private closed = false;

  private constructor(private readonly root: string, private readonly options: FileStoreOptions) {}

  /** Opens (creating if needed) a file store under `dataDir`. */
  static async open(dataDir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const root = join(dataDir, 'exercises');
    await mkdir(root, { recursive: true });
    await removeLeftoverTemporaries(root);
    return new FileStore(root, options);
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

  /** The log's bytes that count: all of them, or the acknowledged prefix after an append that could not be undone. */
  private async readLogBytes(id: string): Promise<{ path: string; bytes: Buffer; fileBytes: number }> {
    const path = join(this.dir(id), 'log.jsonl');
    const file = await readFile(path);
    const cut = this.cutAt.get(id);
    return { path, bytes: cut !== undefined && cut < file.length ? file.subarray(0, cut) : file, fileBytes: file.length };
  }

  /** Opens the log for appending, cutting off a partial last line left by a crash (or a failed append). */
  private openLog(id: string): Promise<OpenLog> {
    let opened = this.logs.get(id);
    if (!opened) {
      opened = (async () => {
        const { path, bytes, fileBytes } = await this.readLogBytes(id);
        const { entries, validBytes } = parseLog(bytes.toString('utf8'), path);
        const handle = await (this.options.openLogFile ?? open)(path, 'r+');
        try {
          if (validBytes < fileBytes) {
            await handle.truncate(validBytes);
            await handle.sync();
            if (!this.cutAt.has(id)) {
              this.options.logger?.warn('log ended in an entry that was never completed (an append cut short by a crash); cut it off', {
                exerciseId: id, lastSeq: entries.at(-1)?.seq ?? 0, droppedBytes: fileBytes - validBytes,
              });
            }
          }
        } catch (error) {
          await handle.close().catch(() => undefined);
          throw error;
        }
        this.cutAt.delete(id);
        return { handle, lastSeq: entries.at(-1)?.seq ?? 0, size: validBytes };
      })();
      opened.catch(() => this.logs.delete(id));
      this.logs.set(id, opened);
    }
    return opened;
  }

  append(exerciseId: string, entries: readonly LogEntry[]): Promise<void> {
    this.assertOpen();
    const previous = this.appendChain.get(exerciseId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      if (entries.length === 0) return;
      const log = await this.openLog(exerciseId);
      entries.forEach((entry, i) => {
        if (entry.seq !== log.lastSeq + 1 + i) {
          throw new Error(`append to ${exerciseId}: seq ${entry.seq} does not follow ${log.lastSeq + i}`);
        }
      });
      const bytes = Buffer.from(entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
      try {
        // A write may take fewer bytes than offered (a disk filling up): go on until every byte is
        // taken or the write fails; acknowledging a short write would leave a torn entry in the log.
        for (let done = 0; done < bytes.length;) {
          const { bytesWritten } = await log.handle.write(bytes, done, bytes.length - done, log.size + done);
          if (bytesWritten <= 0) throw Object.assign(new Error(`append to ${exerciseId}: the log file took no more bytes`), { code: 'ENOSPC' });
          done += bytesWritten;
        }
        // datasync flushes the data and the new file length: all a reader needs after a crash.
        await log.handle.datasync();
      } catch (error) {
        await this.undoAppend(exerciseId, log);
        throw error;
      }
      log.size += bytes.length;
      log.lastSeq += entries.length;
    });
    this.appendChain.set(exerciseId, next);
    return next;
  }

  /**
   * After a failed append: cut the log back to its acknowledged length, so that none of the
   * entries (whole or partial) the failed write left behind is ever read. If even the cut fails,
   * reads stop at that length and the next open cuts the file first.
   */
  private async undoAppend(exerciseId: string, log: OpenLog): Promise<void> {
    this.logs.delete(exerciseId);
    try {
      await log.handle.truncate(log.size);
      await log.handle.datasync();
    } catch (error) {
      this.cutAt.set(exerciseId, log.size);
      this.options.logger?.warn('could not cut a failed append off the log; reads stop before it until it is cut', {
        exerciseId, bytes: log.size, error,
      });
    } finally {
      await log.handle.close().catch(() => undefined);
    }
  }

  async readLog(exerciseId: string, afterSeq = 0): Promise<LogEntry[]> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    const { path, bytes } = await this.readLogBytes(exerciseId);
    const { entries } = parseLog(bytes.toString('utf8'), path);
    return afterSeq > 0 ? entries.filter((e) => e.seq > afterSeq) : entries;
  }

  async lastSeq(exerciseId: string): Promise<number> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    try {
      return (await this.openLog(exerciseId)).lastSeq;
    } catch (error) {
      // The log cannot be opened for writing (say a failed append could not be cut off yet): what
      // was acknowledged can still be read, so the exercise can still be rebuilt from it.
      const { path, bytes } = await this.readLogBytes(exerciseId).catch(() => {
        throw error;
      });
      return parseLog(bytes.toString('utf8'), path).entries.at(-1)?.seq ?? 0;
    }
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
      names = (await readdir(dir)).filter((n) => /^\d{12}\.json$/.test(n)).sort().reverse();
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.appendChain.values()]);
    for (const opened of this.logs.values()) {
      const log = await opened.catch(() => undefined);
      await log?.handle.close();
    }
    this.logs.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}
