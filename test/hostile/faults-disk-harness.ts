/**
 * What faults-disk.test.ts drives a full disk with: a disk the test controls (`FaultyDisk`, handed to
 * the file store as its `openLogFile`: it takes only so many more bytes, or fails syncs, or fails the
 * cut that undoes a failed append), a server on that store whose log lines are captured, seats that
 * send as fast as their acknowledgements come back while a ledger checks each reply against the phase
 * of the fault it was sent in, and, for the real full filesystem, a tmpfs mount and a filler file.
 */
import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExerciseState } from '../../engine/index.ts';
import type { CommandReply, CreateExerciseResponse } from '../../protocol/index.ts';
import { engineAdapter } from '../../server/authority/engine-adapter.ts';
import { defaultConfig } from '../../server/config.ts';
import { createLogger, type Logger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { FileStore, type LogHandle } from '../../server/store/file-store.ts';
import { FIXTURES, joinSeat, type Seat } from '../server/helpers.ts';
import { sleep, tokenOf, type Acked } from './faults-common.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';

export const SEATS = ['controller', 'blue:kw', 'blue:om'] as const;

const errno = (code: string) => Object.assign(new Error(`${code}: injected by the test`), { code });

/** A disk the test controls: how many more bytes it takes, and which calls fail. */
export class FaultyDisk {
  free = Number.POSITIVE_INFINITY;
  failSync = false;
  failTruncate = 0;
  /** Writes cut short or refused, syncs and cuts failed. */
  hits = 0;

  readonly open = async (path: string, flags: 'r+'): Promise<LogHandle> => {
    const real = await open(path, flags);
    const disk = this;
    return {
      async write(buffer, offset, length, position) {
        if (disk.free <= 0) {
          disk.hits++;
          throw errno('ENOSPC');
        }
        const n = Math.min(length, disk.free);
        if (n < length) disk.hits++;
        const { bytesWritten } = await real.write(buffer, offset, n, position);
        disk.free -= bytesWritten;
        return { bytesWritten };
      },
      async datasync() {
        if (disk.failSync) {
          disk.hits++;
          throw errno('EIO');
        }
        await real.datasync();
      },
      sync: () => real.sync(),
      async truncate(length) {
        if (disk.failTruncate > 0) {
          disk.failTruncate--;
          disk.hits++;
          throw errno('EIO');
        }
        await real.truncate(length);
      },
      close: () => real.close(),
    };
  };

  clear(): void {
    this.free = Number.POSITIVE_INFINITY;
    this.failSync = false;
    this.failTruncate = 0;
  }
}

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

function captureLogger(lines: LogLine[]): Logger {
  return createLogger({ level: 'debug', write: (line) => void lines.push(JSON.parse(line) as LogLine) });
}

export async function start(dataDir: string, lines: LogLine[], disk?: FaultyDisk): Promise<RunningServer> {
  const logger = captureLogger(lines);
  const store = await FileStore.open(dataDir, { logger, ...(disk ? { openLogFile: disk.open } : {}) });
  const base = defaultConfig();
  return startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      scenariosDir: FIXTURES,
      distDir: join(dataDir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      // Seats send at speed: neither the per-socket rate limit nor the per-seat command rate is what
      // this test is about.
      limits: { ...base.limits, socketRate: 1000, socketBurst: 1000 },
      quotas: { ...base.quotas, commandsPerSecond: 1000, commandBurst: 1000 },
      store: { snapshotEvery: 10 },
    }),
    { logger, store },
  );
}

/** What the seats were told, command by command. */
export interface Ledger {
  acked: Acked[];
  refusedTexts: Set<string>;
  refused: number;
  /** Replies that broke the rules (acknowledged while the fault was known and still on, wrong code). */
  violations: string[];
}

export type Phase = 'normal' | 'fault' | 'fault-seen' | 'cleared';

/** Resolves at the first refusal while `phase` is 'fault', which then becomes 'fault-seen'. */
export function firstRefusal(phase: { now: Phase; onRefused?: () => void }): Promise<void> {
  return new Promise((done) => {
    phase.onRefused = () => {
      if (phase.now === 'fault') {
        phase.now = 'fault-seen';
        done();
      }
    };
  });
}

/**
 * Seats sending as fast as their acknowledgements come back, until `stop()`. Every command is
 * classified by the phase it was sent in and checked against its reply; `strict`: nothing sent
 * after the first refusal may be acknowledged before the fault is removed.
 */
export function sendAtSpeed(seats: Record<string, Seat>, ledger: Ledger, phase: { now: Phase; onRefused?: () => void }, tag: string, strict: boolean) {
  let stopped = false;
  let sent = 0;
  const loops = SEATS.map(async (name) => {
    for (let i = 0; !stopped; i++) {
      const body: Record<string, unknown> = name === 'controller' ? { type: 'speed', speed: 10 + (i % 50) } : { type: 'sitrep', text: `${tag} ${name} #${i}`, severity: 'low' };
      const sentIn = phase.now;
      sent++;
      const reply: CommandReply = await seats[name]!.command(body);
      if (reply.ok) {
        ledger.acked.push({ seq: reply.seq, body, seat: name });
        // Sent and answered while the store was known to fail (a command sent then may rightly be
        // stored and acknowledged once the fault is gone, if it waited in the queue until then).
        if (strict && sentIn === 'fault-seen' && phase.now === 'fault-seen') ledger.violations.push(`${tag}: ${JSON.stringify(body)} acknowledged (${reply.seq}) while the store was known to fail`);
      } else {
        if (reply.code !== 'UNAVAILABLE' || !/disk is full|storage error/.test(reply.message)) {
          ledger.violations.push(`${tag}: ${JSON.stringify(body)} refused with ${reply.code}: ${reply.message}`);
        }
        ledger.refused++;
        if (typeof body.text === 'string') ledger.refusedTexts.add(body.text);
        phase.onRefused?.();
      }
      if (reply.ok === false) await sleep(20);
    }
  });
  return {
    get sent() {
      return sent;
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export async function joinAll(url: string, ex: CreateExerciseResponse): Promise<Record<string, Seat>> {
  const seats: Record<string, Seat> = {};
  for (const seat of SEATS) seats[seat] = await joinSeat(url, ex.exerciseId, tokenOf(ex, seat));
  return seats;
}

export const clockOf = (server: RunningServer, id: string) => engineAdapter.clock(server.manager.host(id)!.currentState as ExerciseState);

/** Mounts a tmpfs of `sizeMiB` at `dir`; false when this machine does not allow it. */
export function mountTmpfs(dir: string, sizeMiB: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes zeros into `file` until the filesystem refuses more; returns the bytes written. */
export async function fillUp(file: string): Promise<number> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  try {
    for (;;) {
      const { bytesWritten } = await handle.write(chunk, 0, chunk.length, total);
      total += bytesWritten;
      if (bytesWritten < chunk.length) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  return total;
}
