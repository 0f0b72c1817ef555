/**
 * Runs a sweep's seeds over the main thread and worker threads. Seeds are handed out a few at a time to
 * whichever runner is free (runs differ in length, so static chunks would leave runners idle); results
 * come back in any order and are sorted by seed, so nothing downstream depends on scheduling.
 *
 * With K workers the main thread is one of them and K - 1 worker threads are started: every thread
 * is its own V8 isolate, which loads the code, compiles the scenario and compiles the step loop again
 * (its first runs take 2-5x a warm one, and V8's background compiler spends about as much again on
 * another core), while the main thread has the code loaded and the scenario compiled already. A
 * worker thread is kept two seeds ahead, so that it never waits for the main thread between runs
 * while the main thread is busy with a run of its own.
 */
import { Worker } from 'node:worker_threads';
import { type CompiledScenario, compileScenario, type ScenarioT } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { type SweepJob, sweepRun, type SweepRunResult } from './run-one.ts';
import type { FromWorker, WorkerInit } from './worker.ts';

export interface PoolOptions {
  scenario: ScenarioT;
  /** The scenario compiled, if the caller has it (else the main thread compiles it when it runs a seed). */
  compiled?: CompiledScenario;
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

/** Seeds a worker thread holds at once: the one it runs and the next, so that it never waits for a reply. */
const AHEAD = 2;

/** Runs every seed; resolves with the results sorted by seed, or the first failure. */
export function runPool(options: PoolOptions): Promise<PoolResult> {
  const { seeds, job } = options;
  const count = Math.max(1, Math.min(options.workers, seeds.length));
  const init: WorkerInit = { scenario: options.scenario, job };
  const results: SweepRunResult[] = [];
  const workers: Worker[] = [];
  let compiled = options.compiled;
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
    const done = (result: SweepRunResult): void => {
      results.push(result);
      options.onProgress?.(results.length, seeds.length);
      if (results.length === seeds.length) finish({ ok: true, results });
    };
    const feed = (w: Worker): void => {
      if (next < seeds.length) w.postMessage({ seed: seeds[next++] as number });
    };
    for (let i = 1; i < count; i++) {
      const w = new Worker(ENTRY, { workerData: init });
      workers.push(w);
      w.on('message', (msg: FromWorker | { ready: true }) => {
        if (finished) return;
        if ('ready' in msg) {
          for (let k = 0; k < AHEAD; k++) feed(w);
          return;
        }
        if (!msg.ok) return finish({ ok: false, seed: msg.seed, message: msg.message });
        done(msg.result);
        feed(w);
      });
      w.on('error', (error: Error) => finish({ ok: false, seed: null, message: `a worker failed: ${error.message}` }));
      w.on('exit', (code) => {
        if (!finished && code !== 0) finish({ ok: false, seed: null, message: `a worker exited with code ${code}` });
      });
    }
    // The main thread's share: one seed, then back to the event loop (the workers' replies, which
    // hand them their next seeds), then the next.
    const runHere = (): void => {
      if (finished || next >= seeds.length) return;
      const seed = seeds[next++] as number;
      let result: SweepRunResult;
      try {
        compiled ??= compileScenario(options.scenario, { sha256: nativeSha256Hex });
        result = sweepRun(compiled, job, seed);
      } catch (error) {
        // An exception from a run is an engine bug: report it with the seed that reproduces it.
        finish({ ok: false, seed, message: (error as Error).stack ?? String(error) });
        return;
      }
      done(result);
      setImmediate(runHere);
    };
    setImmediate(runHere);
  });
}
