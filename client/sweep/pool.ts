/**
 * The browser's sweep pool, shared by the evaluator's what-if (client/features/whatif) and the
 * scenario studio: seeds handed one at a time to whichever web worker is free (runs differ in
 * length), results sorted by seed, so the report never depends on scheduling, and the engine's
 * `aggregate` gives the same distributions as `ramparts sweep`. See docs/CLIENT.md, "Sweeps in the browser".
 */
import type { SweepRunResult } from '../../engine/types.ts';
import type { FromWorker, SweepInit, ToWorker } from './protocol.ts';

export interface BrowserSweepOptions {
  init: SweepInit;
  seeds: readonly number[];
  /** Web workers (default: navigator.hardwareConcurrency, at most the seeds). */
  workers?: number;
  /** After each finished run, with the number done. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the sweep (its promise then resolves as failed, "stopped"). */
  signal?: AbortSignal;
  /** Makes a worker (tests and other bundlers); default the module worker beside this file. */
  makeWorker?: () => Worker;
}

export type BrowserSweepResult = { ok: true; results: SweepRunResult[] } | { ok: false; seed: number | null; message: string };

const defaultWorker = (): Worker => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Runs every seed; resolves with the results sorted by seed, or the first failure. */
export function runBrowserSweep(options: BrowserSweepOptions): Promise<BrowserSweepResult> {
  const { seeds } = options;
  const wanted = options.workers ?? (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2) ?? 2;
  const count = Math.max(1, Math.min(wanted, seeds.length));
  const make = options.makeWorker ?? defaultWorker;
  const results: SweepRunResult[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let finished = false;
  return new Promise<BrowserSweepResult>((resolve) => {
    const finish = (r: BrowserSweepResult): void => {
      if (finished) return;
      finished = true;
      for (const w of workers) w.terminate();
      if (r.ok) r.results.sort((a, b) => a.seed - b.seed);
      resolve(r);
    };
    if (seeds.length === 0) return finish({ ok: true, results });
    options.signal?.addEventListener('abort', () => finish({ ok: false, seed: null, message: 'stopped' }));
    const feed = (w: Worker): void => {
      if (next < seeds.length) w.postMessage({ seed: seeds[next++] as number } satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const w = make();
      workers.push(w);
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if ('ready' in msg) return feed(w);
        if (!msg.ok) return finish({ ok: false, seed: msg.seed, message: msg.message });
        results.push(msg.result);
        options.onProgress?.(results.length, seeds.length);
        if (results.length === seeds.length) return finish({ ok: true, results });
        feed(w);
      };
      w.onerror = (e) => finish({ ok: false, seed: null, message: `a sweep worker failed: ${e.message}` });
      w.postMessage({ init: options.init } satisfies ToWorker);
    }
  });
}
