/**
 * The append-only logs of the file store: `<dataDir>/exercises/<id>/log.jsonl`, one JSON entry per
 * line, fsynced before `append` resolves.
 *
 * A crash can leave at most one partial line at the end of the log (its append never resolved, so
 * it was never acknowledged); reading ignores it and the next append cuts it off first, with a
 * warning. An append that fails without a crash (a full disk, an I/O error) is undone at once: the
 * log is cut back to where the append started, so entries that were never acknowledged cannot
 * come back at the next read or after a restart.
 */
import { open, readFile } from 'node:fs/promises';
import type { Logger } from '../ops/logger.ts';
import { entryJson } from './entry-json.ts';
import type { LogEntry } from './types.ts';

/** What the store does with an open log file (a subset of node's FileHandle). */
export interface LogHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface LogFileOptions {
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
function parseEntries(text: string, file: string): { entries: LogEntry[]; validBytes: number } {
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

/** The log files of every exercise of one file store; `pathOf` names an exercise's log file. */
export class LogFiles {
  private readonly logs = new Map<string, Promise<OpenLog>>();
  /** Appends per exercise run one after another. */
  private readonly appendChain = new Map<string, Promise<void>>();
  /**
   * Logs whose failed append could not be undone (the cut itself failed): the byte length of the
   * acknowledged prefix. Reads stop there and the next open cuts the file there first.
   */
  private readonly cutAt = new Map<string, number>();

  constructor(
    private readonly pathOf: (id: string) => string,
    private readonly options: LogFileOptions,
  ) {}

  /** The log's bytes that count: all of them, or the acknowledged prefix after an append that could not be undone. */
  private async readLogBytes(id: string): Promise<{ path: string; bytes: Buffer; fileBytes: number }> {
    const path = this.pathOf(id);
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
        const { entries, validBytes } = parseEntries(bytes.toString('utf8'), path);
        const handle = await (this.options.openLogFile ?? open)(path, 'r+');
        try {
          if (validBytes < fileBytes) {
            await handle.truncate(validBytes);
            await handle.sync();
            if (!this.cutAt.has(id)) {
              this.options.logger?.warn('log ended in an entry that was never completed (an append cut short by a crash); cut it off', {
                exerciseId: id,
                lastSeq: entries.at(-1)?.seq ?? 0,
                droppedBytes: fileBytes - validBytes,
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

  /** See ExerciseStore.append. */
  append(exerciseId: string, entries: readonly LogEntry[]): Promise<void> {
    const previous = this.appendChain.get(exerciseId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        if (entries.length === 0) return;
        const log = await this.openLog(exerciseId);
        entries.forEach((entry, i) => {
          if (entry.seq !== log.lastSeq + 1 + i) {
            throw new Error(`append to ${exerciseId}: seq ${entry.seq} does not follow ${log.lastSeq + i}`);
          }
        });
        const bytes = Buffer.from(entries.map((e) => `${entryJson(e)}\n`).join(''), 'utf8');
        try {
          // A write may take fewer bytes than offered (a disk filling up): go on until every byte is
          // taken or the write fails; acknowledging a short write would leave a torn entry in the log.
          for (let done = 0; done < bytes.length; ) {
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
        exerciseId,
        bytes: log.size,
        error,
      });
    } finally {
      await log.handle.close().catch(() => undefined);
    }
  }

  /** See ExerciseStore.readLog. */
  async readLog(exerciseId: string, afterSeq = 0): Promise<LogEntry[]> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    const { path, bytes } = await this.readLogBytes(exerciseId);
    const { entries } = parseEntries(bytes.toString('utf8'), path);
    return afterSeq > 0 ? entries.filter((e) => e.seq > afterSeq) : entries;
  }

  /** See ExerciseStore.lastSeq. */
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
      return parseEntries(bytes.toString('utf8'), path).entries.at(-1)?.seq ?? 0;
    }
  }

  /** Waits for one exercise's appends in flight and closes its log file (before the exercise is deleted). */
  async forget(exerciseId: string): Promise<void> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
    const opened = this.logs.get(exerciseId);
    this.logs.delete(exerciseId);
    this.appendChain.delete(exerciseId);
    this.cutAt.delete(exerciseId);
    const log = await opened?.catch(() => undefined);
    await log?.handle.close();
  }

  /** Waits for appends in flight and closes every open log file. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.appendChain.values()]);
    for (const opened of this.logs.values()) {
      const log = await opened.catch(() => undefined);
      await log?.handle.close();
    }
    this.logs.clear();
  }
}
