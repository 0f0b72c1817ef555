/**
 * The abuse matrix's instruments: a real server on port 0 whose structured log lines are captured,
 * the refusal counters read from `/metrics` as Prometheus exposes them, and a snapshot of every
 * exercise (state hash, revision, log length) to show that a refused attempt changed nothing.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer, type StartOptions } from '../../server/server.ts';
import { FIXTURES, openSocket } from '../server/helpers.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';

/** One structured log line (the fields the refusal log writes). */
export interface LogLine {
  level: string;
  msg: string;
  channel?: string;
  code?: string;
  exerciseId?: string;
  seat?: string;
  role?: string;
  team?: string;
  address?: string;
  what?: string;
  count?: number;
}

export interface AbuseServer extends RunningServer {
  dataDir: string;
  logs: LogLine[];
  dispose(): Promise<void>;
}

export async function startAbuseServer(overrides: Partial<ServerConfig>, options: Pick<StartOptions, 'refusalLog'> = {}): Promise<AbuseServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-abuse-'));
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'info', write: (line) => void logs.push(JSON.parse(line) as LogLine) });
  const server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      scenariosDir: FIXTURES,
      distDir: join(dataDir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      ...overrides,
    }),
    { logger, ...options },
  );
  let disposed = false;
  return {
    ...server,
    dataDir,
    logs,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `ramparts_<name>{code="..."}` values from /metrics, by code. */
export async function countsByCode(url: string, name = 'ramparts_rejected_total'): Promise<Record<string, number>> {
  // /metrics answers operators only (issue 13): the operator token, and a refusal is an error, never zero counts.
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}: ${await res.text()}`);
  const text = await res.text();
  const out: Record<string, number> = {};
  const pattern = new RegExp(`^${name}\\{code="([A-Z_]+)"\\} (\\d+)$`, 'gm');
  for (const m of text.matchAll(pattern)) out[m[1]!] = Number(m[2]);
  return out;
}

/** The refusal lines and summaries in `logs` (from index `from`) with `code`, and how many refusals they account for. */
export function refusalLines(logs: readonly LogLine[], code: string, from = 0): { lines: LogLine[]; summaries: LogLine[]; accounted: number } {
  const slice = logs.slice(from).filter((l) => l.code === code);
  const lines = slice.filter((l) => l.msg === 'refused');
  const summaries = slice.filter((l) => l.msg === 'refusals not logged one by one');
  return { lines, summaries, accounted: lines.length + summaries.reduce((n, s) => n + (s.count ?? 0), 0) };
}

export interface ExerciseSnapshot {
  hash: string;
  seq: number;
  log: number;
  /** The stored token hashes of the seats: a refused "new link" must not have rotated one. */
  seats: string[];
}

/** Every hosted exercise's state hash, revision, durable log length and seat token hashes. */
export async function stateOf(server: RunningServer, ids: readonly string[]): Promise<Record<string, ExerciseSnapshot>> {
  const out: Record<string, ExerciseSnapshot> = {};
  for (const id of ids) {
    const host = server.manager.host(id)!;
    const { hash, seq } = await host.settled(() => ({ hash: host.stateHash(), seq: host.seq }));
    const seats = (await server.store.getSeats(id)).map((s) => `${s.seat}:${s.tokenHash}`);
    out[id] = { hash, seq, log: (await server.store.readLog(id)).length, seats };
  }
  return out;
}

/**
 * A request with its path exactly as written: fetch and URL normalise `..` away before sending,
 * which is what a hostile client does not do.
 */
export function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The connect_error code of a refused handshake (rejects when the handshake is accepted). */
export function handshakeCode(url: string, auth: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = openSocket(url, auth);
    s.once('connect', () => {
      s.close();
      reject(new Error('the handshake was accepted'));
    });
    s.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      s.close();
      resolve(error.data?.code ?? `no code: ${error.message}`);
    });
  });
}
