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
 * it was never acknowledged); reading ignores it and the next append cuts it off first.
 */
import { open, readFile, readdir, rm, mkdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ExerciseId } from '../../protocol/index.ts';
import type { ExerciseRecord, ExerciseStore, LogEntry, SeatRecord, SnapshotRecord } from './types.ts';
import { mkdirDurable, syncDir, writeFileDurable } from './durable-file.ts';

const SNAPSHOTS_KEPT = 3;

interface OpenLog {
  handle: FileHandle;
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

export class FileStore implements ExerciseStore {
  private readonly logs = new Map<string, Promise<OpenLog>>();
  /** Appends per exercise run one after another. */
  private readonly appendChain = new Map<string, Promise<void>>();
  private readonly seatCache = new Map<string, SeatRecord[]>();
  private closed = false;

  private constructor(private readonly root: string) {}

  /** Opens (creating if needed) a file store under `dataDir`. */
  static async open(dataDir: string): Promise<FileStore> {
    await mkdir(join(dataDir, 'exercises'), { recursive: true });
    return new FileStore(join(dataDir, 'exercises'));
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

  /** Opens the log for appending, cutting off a partial last line left by a crash. */
  private openLog(id: string): Promise<OpenLog> {
    let opened = this.logs.get(id);
    if (!opened) {
      opened = (async () => {
        const path = join(this.dir(id), 'log.jsonl');
        const text = await readFile(path, 'utf8');
        const { entries, validBytes } = parseLog(text, path);
        const handle = await open(path, 'r+');
        if (validBytes < Buffer.byteLength(text, 'utf8')) {
          await handle.truncate(validBytes);
          await handle.sync();
        }
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
        await log.handle.write(bytes, 0, bytes.length, log.size);
        // datasync flushes the data and the new file length: all a reader needs after a crash.
        await log.handle.datasync();
      } catch (error) {
        // The file may now end in a partial entry: reopen (and cut it off) on the next append.
        this.logs.delete(exerciseId);
        await log.handle.close().catch(() => undefined);
        throw error;
      }
      log.size += bytes.length;
      log.lastSeq += entries.length;
    });
    this.appendChain.set(exerciseId, next);
    return next;
  }

  async readLog(exerciseId: string, afterSeq = 0): Promise<LogEntry[]> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    const path = join(this.dir(exerciseId), 'log.jsonl');
    const { entries } = parseLog(await readFile(path, 'utf8'), path);
    return afterSeq > 0 ? entries.filter((e) => e.seq > afterSeq) : entries;
  }

  async lastSeq(exerciseId: string): Promise<number> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    return (await this.openLog(exerciseId)).lastSeq;
  }

  async putSnapshot(exerciseId: string, snapshot: SnapshotRecord): Promise<void> {
    this.assertOpen();
    const dir = join(this.dir(exerciseId), 'snapshots');
    await writeFileDurable(join(dir, `${String(snapshot.seq).padStart(12, '0')}.json`), JSON.stringify(snapshot));
    const names = (await readdir(dir)).filter((n) => /^\d{12}\.json$/.test(n)).sort();
    for (const old of names.slice(0, Math.max(0, names.length - SNAPSHOTS_KEPT))) {
      await rm(join(dir, old), { force: true });
    }
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
