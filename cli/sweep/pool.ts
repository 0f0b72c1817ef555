/**
 * Runs a sweep's seeds over worker threads. Seeds are handed out one at a time to whichever worker is
 * free (runs differ in length, so static chunks would leave workers idle); results come back in any
 * order and are sorted by seed, so nothing downstream depends on scheduling.
 */
import { Worker } from 'node:worker_threads';
import type { ScenarioT } from '../../engine/index.ts';
import type { SweepJob, SweepRunResult } from './run-one.ts';
import type { FromWorker, WorkerInit } from './worker.ts';

export interface PoolOptions {
  scenario: ScenarioT;
  job: SweepJob;
  seeds: readonly number[];
  workers: number;
  /** Called after each finished run with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

export type PoolResult = { ok: true; results: SweepRunResult[] } | { ok: false; seed: number | null; message: string };

/**
 * The worker's code: compiled, lib/sweep-worker.js beside the compiled pool (scripts/build-node.mjs);
 * from the TypeScript sources (tests, benchmarks), worker-entry.mjs, which loads worker.ts through tsx.
 */
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./sweep-worker.js', import.meta.url);

/** Runs every seed; resolves with the results sorted by seed, or the first failure. */
export function runPool(options: PoolOptions): Promise<PoolResult> {
  const { seeds } = options;
  const count = Math.max(1, Math.min(options.workers, seeds.length));
  const init: WorkerInit = { scenario: options.scenario, job: options.job };
  const results: SweepRunResult[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let finished = false;

  return new Promise<PoolResult>((resolve) => {
    const finish = (r: PoolResult): void => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (r.ok) r.results.sort((a, b) => a.seed - b.seed);
      resolve(r);
    };
    if (seeds.length === 0) return finish({ ok: true, results });
    const feed = (w: Worker): void => {
      if (next < seeds.length) w.postMessage({ seed: seeds[next++] as number });
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(ENTRY, { workerData: init });
      workers.push(w);
      w.on('message', (msg: FromWorker | { ready: true }) => {
        if ('ready' in msg) return feed(w);
        if (!msg.ok) return finish({ ok: false, seed: msg.seed, message: msg.message });
        results.push(msg.result);
        options.onProgress?.(results.length, seeds.length);
        if (results.length === seeds.length) return finish({ ok: true, results });
        feed(w);
      });
      w.on('error', (error: Error) => finish({ ok: false, seed: null, message: `a worker failed: ${error.message}` }));
      w.on('exit', (code) => {
        if (!finished && code !== 0) finish({ ok: false, seed: null, message: `a worker exited with code ${code}` });
      });
    }
  });
}
