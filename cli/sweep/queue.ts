/**
 * Distributed sweeps over a BullMQ queue in Redis: `ramparts sweep --redis URL` puts one job per
 * seed on the queue and gathers the results; every `ramparts worker --redis URL` process takes jobs
 * one at a time (runs are CPU-bound, so one per process; start one process per core). The scenario
 * and inputs are stored once per sweep in a Redis key the workers read and compile once.
 */
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, Worker, type ConnectionOptions } from 'bullmq';
import { createClient } from 'redis';
import { type CompiledScenario, compileScenario, type ScenarioT } from '../../engine/index.ts';
import type { PoolResult } from './pool.ts';
import { sweepRun, type SweepJob, type SweepRunResult } from './run-one.ts';

export const DEFAULT_QUEUE = 'ramparts-sweep';
/** A sweep's scenario stays in Redis this long (seconds): longer than any sweep. */
const SWEEP_TTL_S = 7 * 24 * 3600;

interface RunData {
  sweep: string;
  seed: number;
}
interface SweepSpec {
  scenario: ScenarioT;
  job: SweepJob;
}

function connection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`--redis takes a redis:// URL, not "${redisUrl}"`);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; ioredis must not give up on those commands.
    maxRetriesPerRequest: null,
  };
}

const specKey = (queue: string, sweep: string) => `ramparts:${queue}:sweep:${sweep}`;

export interface DistributedOptions {
  redisUrl: string;
  queue?: string;
  scenario: ScenarioT;
  job: SweepJob;
  seeds: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

/** Runs every seed on the queue's workers; resolves with the results sorted by seed, or the first failure. */
export async function runDistributed(options: DistributedOptions): Promise<PoolResult> {
  const name = options.queue ?? DEFAULT_QUEUE;
  const conn = connection(options.redisUrl);
  const queue = new Queue<RunData, SweepRunResult>(name, { connection: conn });
  const events = new QueueEvents(name, { connection: conn });
  const sweep = randomBytes(8).toString('hex');
  const jobId = (seed: number) => `${sweep}-${seed}`;
  const seedOf = new Map(options.seeds.map((seed) => [jobId(seed), seed]));
  const results = new Map<number, SweepRunResult>();
  const client = createClient({ url: options.redisUrl });
  try {
    await client.connect();
    await events.waitUntilReady();
    await client.set(specKey(name, sweep), JSON.stringify({ scenario: options.scenario, job: options.job } satisfies SweepSpec), { EX: SWEEP_TTL_S });
    const outcome = new Promise<PoolResult>((resolve) => {
      if (options.seeds.length === 0) resolve({ ok: true, results: [] });
      events.on('completed', ({ jobId: id, returnvalue }) => {
        const seed = seedOf.get(id);
        if (seed === undefined || results.has(seed)) return;
        const value = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as SweepRunResult;
        results.set(seed, value);
        options.onProgress?.(results.size, options.seeds.length);
        if (results.size === options.seeds.length) resolve({ ok: true, results: [...results.values()].sort((a, b) => a.seed - b.seed) });
      });
      events.on('failed', ({ jobId: id, failedReason }) => {
        const seed = seedOf.get(id);
        if (seed !== undefined) resolve({ ok: false, seed, message: failedReason });
      });
    });
    await queue.addBulk(
      options.seeds.map((seed) => ({
        name: 'run',
        data: { sweep, seed },
        opts: { jobId: jobId(seed), attempts: 1, removeOnComplete: true, removeOnFail: 1000 },
      })),
    );
    return await outcome;
  } finally {
    if (client.isOpen) {
      await client.del(specKey(name, sweep)).catch(() => undefined);
      await client.quit().catch(() => undefined);
    }
    await events.close();
    await queue.close();
  }
}

export interface SweepWorker {
  /** Runs processed by this worker so far. */
  readonly processed: number;
  close(): Promise<void>;
}

/** Starts taking runs from the queue; `onRun` hears of each finished run. */
export async function startSweepWorker(redisUrl: string, queue = DEFAULT_QUEUE, onRun?: (seed: number) => void): Promise<SweepWorker> {
  const conn = connection(redisUrl);
  const compiled = new Map<string, CompiledScenario>();
  const specs = new Map<string, SweepJob>();
  let processed = 0;
  const client = createClient({ url: redisUrl });
  await client.connect();
  const worker = new Worker<RunData, SweepRunResult>(
    queue,
    async (job) => {
      const { sweep, seed } = job.data;
      let scenario = compiled.get(sweep);
      if (!scenario) {
        const text = await client.get(specKey(queue, sweep));
        if (text === null) throw new Error(`sweep ${sweep}: its scenario is gone from Redis (the sweep was abandoned)`);
        const spec = JSON.parse(text) as SweepSpec;
        scenario = compileScenario(spec.scenario);
        // One sweep at a time is the rule; keep the cache small anyway.
        if (compiled.size > 4) compiled.clear();
        compiled.set(sweep, scenario);
        specs.set(sweep, spec.job);
      }
      const result = sweepRun(scenario, specs.get(sweep)!, seed);
      processed++;
      onRun?.(seed);
      return result;
    },
    { connection: conn, concurrency: 1 },
  );
  await worker.waitUntilReady();
  return {
    get processed() {
      return processed;
    },
    close: async () => {
      await worker.close();
      await client.quit().catch(() => undefined);
    },
  };
}
