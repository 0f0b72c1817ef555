/**
 * Scale-out benchmark (issue #7), against the local PostgreSQL and Redis:
 *
 * - one `ramparts serve --postgres --redis` process against two sharing the same schema and
 *   stream: clients held (connected and welcomed) and command -> delivery latency, with the clients
 *   split evenly over the processes (half the deliveries cross from the owner through Redis);
 * - distributed sweep throughput (runs/s of gulf-shield) with one `ramparts worker` against two.
 *
 * Environment: RAMPARTS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test) and
 * RAMPARTS_BENCH_REDIS (default redis://127.0.0.1:6379).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CreateExerciseResponse, type ServerToClientEvents } from '../protocol/index.ts';
import type { BenchResult } from './types.ts';

export const name = 'scale';

const PG = process.env.RAMPARTS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.RAMPARTS_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
/** The operator token every process of the bench accepts (creating exercises needs it). */
const OPERATOR_TOKEN = 'bench-operator-token-0123456789';
const ROOT = new URL('../', import.meta.url).pathname;
const CLIENTS_PER_TEAM = 100;
const COMMANDS = 60;
const SWEEP_RUNS = 64;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

function spawnLine(args: string[], pattern: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/ramparts.mjs'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RAMPARTS_OPERATOR_TOKEN: OPERATOR_TOKEN },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`ramparts ${args[0]} exited with ${code}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

function seat(url: string, exerciseId: string, token: string): Promise<Client | undefined> {
  const socket: Client = connect(url, { auth: { exerciseId, token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('welcome', () => resolve(socket));
    socket.once('connect_error', () => resolve(undefined));
    setTimeout(() => resolve(undefined), 15_000).unref();
  });
}

/** Clients held and command -> delivery latency with `processes` servers sharing PostgreSQL and Redis. */
async function servers(processes: number): Promise<BenchResult[]> {
  const schema = `ramparts_bench_${randomBytes(5).toString('hex')}`;
  const args = [
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--scenarios',
    join(ROOT, 'test/fixtures/scenarios'),
    '--log-level',
    'warn',
    '--postgres',
    PG,
    '--postgres-schema',
    schema,
    '--redis',
    REDIS,
  ];
  const started = [];
  for (let i = 0; i < processes; i++) started.push(await spawnLine(args, /^Ramparts listening on (http:\/\/\S+?)\/?$/));
  const urls = started.map((s) => s.match[1]!);
  const clients: Client[] = [];
  try {
    const res = await fetch(`${urls[0]}/api/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
      body: JSON.stringify({ scenario: 'minimal', mode: 'realtime', seed: 1 }),
    });
    const ex = (await res.json()) as CreateExerciseResponse;
    const token = (name: string) => ex.seats.find((s) => s.seat === name)!.token;
    const controller = await seat(urls[0]!, ex.exerciseId, token('controller'));
    if (!controller) throw new Error('the controller could not connect');
    clients.push(controller);
    await controller.emitWithAck('command', { type: 'start' });
    const connectStart = performance.now();
    const wanted = 2 * CLIENTS_PER_TEAM;
    const joined = await Promise.all(Array.from({ length: wanted }, (_, i) => seat(urls[i % urls.length]!, ex.exerciseId, token(i < CLIENTS_PER_TEAM ? 'blue:kw' : 'blue:om'))));
    const connectMs = performance.now() - connectStart;
    const held = joined.filter((c): c is Client => c !== undefined);
    clients.push(...held);
    const kw = joined.slice(0, CLIENTS_PER_TEAM).filter((c): c is Client => c !== undefined);
    // A kw client on the last process sends; every kw client (both processes) must receive it.
    const sender = kw[kw.length - 1]!;
    const latencies: number[] = [];
    for (let n = 0; n < COMMANDS; n++) {
      const text = `bench ${n}`;
      const sent = performance.now();
      const arrivals = kw.map(
        (c) =>
          new Promise<void>((done) => {
            const on = (delta: { events: { data?: unknown }[] }) => {
              if (!JSON.stringify(delta.events).includes(text)) return;
              latencies.push(performance.now() - sent);
              c.off('delta', on as never);
              done();
            };
            c.on('delta', on as never);
          }),
      );
      await sender.emitWithAck('command', { type: 'sitrep', text, severity: 'low' });
      await Promise.race([Promise.all(arrivals), sleep(5000)]);
      await sleep(60); // under the per-socket rate limit
    }
    const label = processes === 1 ? '1 process' : `${processes} processes`;
    return [
      { name: `clients held, ${label}`, value: held.length, unit: `of ${wanted}`, note: `connected in ${(connectMs / 1000).toFixed(1)} s` },
      { name: `command -> delivery p50, ${label}`, value: quantile(latencies, 0.5), unit: 'ms', note: `${latencies.length} deliveries` },
      { name: `command -> delivery p99, ${label}`, value: quantile(latencies, 0.99), unit: 'ms' },
    ];
  } finally {
    for (const c of clients) c.close();
    for (const s of started) await stop(s.child);
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** Runs per second of a distributed sweep with `count` worker processes. */
async function sweep(count: number): Promise<BenchResult> {
  const queue = `ramparts-bench-${randomBytes(5).toString('hex')}`;
  const workers = [];
  for (let i = 0; i < count; i++) workers.push(await spawnLine(['worker', '--redis', REDIS, '--queue', queue], /^Ramparts worker ready$/));
  try {
    const t = performance.now();
    const run = spawn(
      process.execPath,
      [join(ROOT, 'bin/ramparts.mjs'), 'sweep', join(ROOT, 'scenarios/gulf-shield.yaml'), '--runs', String(SWEEP_RUNS), '--seed', '1', '--json', '--redis', REDIS, '--queue', queue],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const code = await new Promise<number | null>((done) => run.once('exit', done));
    if (code !== 0) throw new Error(`the sweep exited with ${code}`);
    const seconds = (performance.now() - t) / 1000;
    return {
      name: `sweep gulf-shield, ${count} worker${count > 1 ? 's' : ''}`,
      value: SWEEP_RUNS / seconds,
      unit: 'runs/s',
      higherIsBetter: true,
      note: `${SWEEP_RUNS} runs in ${seconds.toFixed(1)} s (with process start)`,
    };
  } finally {
    for (const w of workers) await stop(w.child);
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await servers(1)), ...(await servers(2)), await sweep(1), await sweep(2)];
}
