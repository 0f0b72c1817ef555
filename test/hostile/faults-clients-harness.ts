/**
 * What faults-clients.test.ts needs around its misbehaving clients: a server with every rate and quota
 * out of the way whose warnings are captured, the raw TCP socket under a seat's WebSocket (to stop
 * reading it, or to destroy it), what the server holds unsent for one of its sockets, the seq a seat
 * held right after its welcome, the check that the deltas a seat applied chain without a gap or a
 * duplicate, and a percentile of the latencies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeltaMessage } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { startServer as start } from '../../server/server.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, type Seat, type TestServer } from '../server/helpers.ts';

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** A server on port 0 whose warnings and errors are pushed, parsed, to `lines`. */
export async function startServer(lines: LogLine[]): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-faults-clients-'));
  const running = await start(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      scenariosDir: FIXTURES,
      distDir: join(dataDir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      // Seats send large bursts: neither the per-socket rate nor the exercise's quotas are what this
      // test is about (test/server/quotas.test.ts is), so none of them stops it.
      limits: { ...defaultConfig().limits, socketRate: 2000, socketBurst: 2000 },
      quotas: {
        commandsPerSecond: UNLIMITED,
        commandBurst: UNLIMITED,
        textBytesPerSeat: UNLIMITED,
        reportsPerTeam: UNLIMITED,
        requestsPerTeam: UNLIMITED,
        sitrepsPerTeam: UNLIMITED,
        textBytesPerExercise: UNLIMITED,
        logBytesPerExercise: UNLIMITED,
      },
    }),
    { logger: createLogger({ level: 'warn', write: (line) => void lines.push(JSON.parse(line) as LogLine) }) },
  );
  return {
    ...running,
    dataDir,
    dispose: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The raw TCP socket under a seat's WebSocket (engine.io-client on Node uses the `ws` package). */
export function tcpOf(seat: Seat): { pause(): void; resume(): void; destroy(): void } {
  const engine = seat.socket.io.engine as unknown as { transport: { ws: { _socket: { pause(): void; resume(): void; destroy(): void } } } };
  return engine.transport.ws._socket;
}

/** What the server holds for one of its sockets: Engine.IO's queue and the WebSocket's unsent bytes. */
export function heldFor(server: TestServer, socketId: string): number | undefined {
  const socket = server.io.sockets.sockets.get(socketId);
  if (!socket) return undefined;
  const conn = socket.conn as unknown as { writeBuffer: Array<{ data?: unknown }>; transport: { socket?: { bufferedAmount?: number } } };
  let bytes = conn.transport.socket?.bufferedAmount ?? 0;
  for (const p of conn.writeBuffer) bytes += typeof p.data === 'string' ? p.data.length : 0;
  return bytes;
}

/** The seq a seat held right after its welcome (before any live delta). */
export function welcomeSeq(seat: Seat, heldSeq = -1): number {
  const sync = seat.welcome.sync;
  if (sync.kind === 'full') return sync.full.seq;
  if (sync.kind === 'current') return sync.seq;
  if (sync.kind === 'deltas') return sync.deltas.at(-1)?.toSeq ?? heldSeq;
  return heldSeq;
}

/** Checks the deltas a seat applied after `fromSeq`: each continues the last, none is old. */
export function chainOf(deltas: readonly DeltaMessage[], fromSeq: number): { gaps: number; duplicates: number; applied: number } {
  let seq = fromSeq;
  let gaps = 0;
  let duplicates = 0;
  let applied = 0;
  for (const d of deltas) {
    if (d.toSeq <= seq) duplicates++;
    else {
      if (d.fromSeq !== seq) gaps++;
      seq = d.toSeq;
      applied++;
    }
  }
  return { gaps, duplicates, applied };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}
