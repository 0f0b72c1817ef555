/**
 * A sweep web worker: compiles the scenario once, then runs each seed it is sent (a branch re-seeded
 * after T, or a headless run of the scenario) and posts back the run's figures. The engine runs here,
 * off the page's thread.
 */
import { branchSweepRun, type CompiledScenario, compileScenario, ContainmentTracker, runHeadless, sweepResult } from '../../engine/index.ts';
import type { FromWorker, SweepInit, ToWorker } from './protocol.ts';

let init: SweepInit | null = null;
let compiled: CompiledScenario | null = null;

function run(seed: number): FromWorker {
  if (!init || !compiled) return { seed, ok: false, message: 'the worker was sent a seed before its sweep' };
  try {
    if (init.kind === 'branch') return { seed, ok: true, result: branchSweepRun(compiled, init.job, seed) };
    const tracker = new ContainmentTracker(compiled);
    const r = runHeadless(compiled, { seed, inputs: init.inputs, keepEvents: false, observe: (events) => tracker.add(events), ...(init.until !== null ? { until: init.until } : {}) });
    return { seed, ok: true, result: sweepResult(r.state, tracker, seed, r.refused.length) };
  } catch (error) {
    // An exception from a run is an engine bug: report it with the seed that reproduces it.
    return { seed, ok: false, message: (error as Error).stack ?? String(error) };
  }
}

const post = (m: FromWorker): void => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if ('init' in msg) {
    init = msg.init;
    compiled = compileScenario(msg.init.scenario);
    post({ ready: true });
    return;
  }
  post(run(msg.seed));
};
