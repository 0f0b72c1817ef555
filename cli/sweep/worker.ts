/**
 * Sweep worker thread: compiles the scenario once, then runs each seed the main thread sends and
 * posts back its result. Compiled, it is lib/sweep-worker.js; from the TypeScript sources (tests),
 * worker-entry.mjs loads it through tsx (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileScenario, type ScenarioT } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { sweepRun, type SweepJob } from './run-one.ts';

export interface WorkerInit {
  scenario: ScenarioT;
  job: SweepJob;
}
export type ToWorker = { seed: number };
export type FromWorker = { seed: number; ok: true; result: ReturnType<typeof sweepRun> } | { seed: number; ok: false; message: string };

const init = workerData as WorkerInit;
const compiled = compileScenario(init.scenario, { sha256: nativeSha256Hex });
const port = parentPort;
if (!port) throw new Error('sweep worker: started outside a worker thread');

port.on('message', (msg: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { seed: msg.seed, ok: true, result: sweepRun(compiled, init.job, msg.seed) };
  } catch (error) {
    // An exception from a run is an engine bug: report it with the seed that reproduces it.
    reply = { seed: msg.seed, ok: false, message: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
