/**
 * Test helpers: a real server on port 0 over a temporary data directory, REST calls, and
 * socket.io-client seats that record every raw frame they receive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandReply,
  type CreateExerciseResponse,
  type DeltaMessage,
  type SeatEvent,
  type ServerToClientEvents,
  type SyncResult,
  type Welcome,
} from '../../protocol/index.ts';
import type { EngineEvent } from '../../engine/index.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from './operator-token.ts';

export { TEST_OPERATOR_TOKEN } from './operator-token.ts';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/scenarios');

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data directory. */
  dispose(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'ramparts-server-')));
  const server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      ...overrides,
    }),
    { logger: silentLogger },
  );
  return {
    ...server,
    dataDir: dir,
    dispose: async () => {
      await server.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function api<T = unknown>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (e.g. metrics): keep the text
  }
  return { status: res.status, body: parsed as T };
}

export async function createExercise(base: string, scenario: string | { text: string }, mode: 'realtime' | 'tabletop', seed = 7): Promise<CreateExerciseResponse> {
  const { status, body } = await api<CreateExerciseResponse>(base, 'POST', '/api/exercises', { scenario, mode, seed }, TEST_OPERATOR_TOKEN);
  if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected seat that keeps its view in sync exactly as docs/PROTOCOL.md tells clients to. */
export interface Seat {
  socket: ClientSocket;
  welcome: Welcome;
  view: unknown;
  lastSeq: number;
  deltas: DeltaMessage[];
  /** Every raw frame received (engine.io level), as text. */
  frames: string[];
  /** Gaps that led to a sync. */
  gaps: number;
  command(body: unknown): Promise<CommandReply>;
  close(): void;
}

export function applySync(seat: Pick<Seat, 'view' | 'lastSeq'>, result: SyncResult): void {
  if (result.kind === 'full') {
    seat.view = result.full.view;
    seat.lastSeq = result.full.seq;
  } else if (result.kind === 'deltas') {
    for (const d of result.deltas) applyDelta(seat, d);
  }
}

function applyDelta(seat: Pick<Seat, 'view' | 'lastSeq'>, delta: DeltaMessage): boolean {
  if (delta.toSeq <= seat.lastSeq) return true;
  if (delta.fromSeq !== seat.lastSeq) return false;
  seat.view = applyViewPatch(seat.view, delta.patch);
  seat.lastSeq = delta.toSeq;
  return true;
}

export function openSocket(url: string, auth: Record<string, unknown>, options: { extraHeaders?: Record<string, string> } = {}): ClientSocket {
  return connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}) });
}

/** The token of one seat of a created exercise. */
/** A logged engine event as seats receive it (protocol SeatEvent: no audience), or undefined. */
export function seatForm(event: EngineEvent | undefined): SeatEvent | undefined {
  if (event === undefined) return undefined;
  const { audience: _audience, ...rest } = event;
  return rest;
}

/** The audience a seat of an exercise belongs to (`controller` -> `white`, `blue:<team>` -> `team:<team>`). */
export function audienceOfSeat(seat: string): 'white' | 'red' | 'evaluator' | `team:${string}` {
  if (seat === 'controller') return 'white';
  if (seat.startsWith('blue:')) return `team:${seat.slice(5)}`;
  return seat as 'red' | 'evaluator';
}

export const seatToken = (ex: CreateExerciseResponse, seat: string): string => ex.seats.find((s) => s.seat === seat)?.token as string;

/** Joins seats of `ex` on whichever server `url` names, keeping each in `opened` for the test to close. */
export function seatJoiner(ex: CreateExerciseResponse, opened: Seat[]): (url: string, seat: string) => Promise<Seat> {
  return async (url, seat) => {
    const joined = await joinSeat(url, ex.exerciseId, seatToken(ex, seat));
    opened.push(joined);
    return joined;
  };
}

/**
 * Connects a seat and resolves after its welcome; rejects with the connect_error. `held` is the
 * view a reconnecting client still has (it sends its `lastSeq` in the handshake).
 */
export function joinSeat(url: string, exerciseId: string, token: string, held?: { lastSeq: number; view: unknown }): Promise<Seat> {
  const socket = openSocket(url, { exerciseId, token, protocol: PROTOCOL_VERSION, ...(held ? { lastSeq: held.lastSeq } : {}) });
  const frames: string[] = [];
  // Capture raw frames below Socket.IO's decoder: what went over the wire, not what a handler saw.
  socket.io.on('open', () => {
    const transport = (socket.io as unknown as { engine: { transport: { onData(d: unknown): void } } }).engine.transport;
    const original = transport.onData.bind(transport);
    transport.onData = (data: unknown) => {
      frames.push(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8'));
      original(data);
    };
  });
  return new Promise((resolvePromise, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
    socket.once('welcome', (welcome) => {
      const seat: Seat = {
        socket,
        welcome,
        view: held?.view,
        lastSeq: held?.lastSeq ?? -1,
        deltas: [],
        frames,
        gaps: 0,
        command: (body) => socket.emitWithAck('command', body),
        close: () => void socket.close(),
      };
      applySync(seat, welcome.sync);
      socket.on('delta', (delta) => {
        seat.deltas.push(delta);
        if (!applyDelta(seat, delta)) {
          seat.gaps++;
          void socket.emitWithAck('sync', { lastSeq: seat.lastSeq }).then((r) => {
            if (r.ok) applySync(seat, r);
          });
        }
      });
      resolvePromise(seat);
    });
  });
}

/**
 * Waits until `predicate` holds about a seat, checking after each delta and every few ms (a sync
 * reply updates the view without a delta). The limit only turns a hang into a readable failure.
 */
export function until(seat: Seat, predicate: () => boolean, what: string, limit = HANG_MS): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const poll = setInterval(check, 5);
    function done(error?: Error) {
      clearInterval(poll);
      seat.socket.off('delta', onDelta);
      if (error) reject(error);
      else resolvePromise();
    }
    function check() {
      if (predicate()) done();
      else if (Date.now() - started > limit) done(new Error(`timed out waiting for ${what} (seat at ${seat.lastSeq})`));
    }
    // Let the seat's own delta handler run first.
    function onDelta() {
      queueMicrotask(check);
    }
    seat.socket.on('delta', onDelta);
  });
}

/**
 * Waits until a seat of an in-process server has received every change of its view made so far:
 * its `lastSeq` reaches its audience's view number (numbers are each audience's own, so a test
 * cannot compare them with the exercise revision or another seat's acknowledgement).
 */
export async function seesNow(server: Pick<TestServer, 'manager'>, seat: Seat, what: string): Promise<void> {
  const host = server.manager.host(seat.welcome.exerciseId);
  if (!host) throw new Error(`exercise ${seat.welcome.exerciseId} is not loaded`);
  const target = await host.settled(() => host.viewNumber(audienceOfSeat(seat.welcome.seat.seat)));
  await until(seat, () => seat.lastSeq >= target, `${what} (view ${target})`);
}

/**
 * Waits until a seat holds its audience's current view by the deltas it received (each sequence
 * number is its audience's own, so a test cannot compare it with the exercise revision): asks the
 * server with `sync` without applying the answer, until the answer is `current`.
 */
export async function caughtUp(seat: Seat, what: string, limit = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const reply = await seat.socket.emitWithAck('sync', { lastSeq: seat.lastSeq });
    if (reply.ok && reply.kind === 'current') return;
    if (Date.now() - started > limit) throw new Error(`timed out waiting for ${what} (seat at ${seat.lastSeq}, server answered ${reply.ok ? reply.kind : reply.code})`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** JSON with every object's keys sorted: the same text for equal values whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Where each command is in a log's records (its canonical JSON -> positions from 1), to find acknowledged commands. */
export function commandPositions(records: ReadonlyArray<{ command: unknown }>): Map<string, number[]> {
  const at = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = canonicalJson(r.command);
    const list = at.get(key);
    if (list) list.push(i + 1);
    else at.set(key, [i + 1]);
  });
  return at;
}
