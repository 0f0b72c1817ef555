/**
 * Engine benchmarks (`npm run bench -- engine`), all measured in one process run:
 * - headless events/s on scenarios/stress.yaml (several seeds), beside bare XState actor.send/s on a
 *   toggle machine in the same run, and their ratio (which travels between machines);
 * - full replay of a log of at least 100,000 events, and seeks to random moments in it;
 * - `ramparts sweep` of 200 runs of stress.yaml as a whole process, with 2 worker threads against 1;
 * - memory per 100,000 events (heap after a forced GC: the state plus the recorded log).
 * The 100,000-event log is stress.yaml stretched to 14 days with a busy blue script (every team acts
 * about every 20 simulated minutes, see engine-script.ts): a two-day run makes about 20,000 events.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createActor, createMachine } from 'xstate';
import { type CompiledScenario, compileScenario, createReplayer, logHeader, parseLog, runHeadless, type ScenarioT, serialiseLog, validateScenarioText } from '../engine/index.ts';
import { runScripted } from '../cli/headless.ts';
import { busyScript } from './engine-script.ts';
import type { BenchResult } from './types.ts';

export const name = 'engine';

const ROOT = new URL('../', import.meta.url);
const SEEDS = [1, 2, 3, 4, 5, 6];
const SWEEP_RUNS = 200;

function load(file: string): { scenario: ScenarioT; compiled: CompiledScenario } {
  const r = validateScenarioText(readFileSync(new URL(`scenarios/${file}`, ROOT)), file);
  if (!r.ok) throw new Error(`scenarios/${file} does not validate: run ramparts validate on it`);
  return { scenario: r.scenario, compiled: compileScenario(r.scenario) };
}

/** A forced full GC: --expose-gc switched on at run time, since npm run bench starts node without it. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

interface Rate { events: number; ms: number }
const perSecond = (r: Rate) => r.events / (r.ms / 1000);

/** A toggle machine actor: the yardstick. */
function toggleActor() {
  const toggle = createMachine({ id: 'toggle', initial: 'off', states: { off: { on: { TOGGLE: 'on' } }, on: { on: { TOGGLE: 'off' } } } });
  return createActor(toggle).start();
}

/**
 * Headless runs of `compiled` and batches of bare actor.send, interleaved seed by seed so that both
 * see the same machine load (this machine is shared): the ratio is what travels between machines.
 */
function headlessAndXState(compiled: CompiledScenario): { engine: Rate; xstate: Rate; best: number } {
  const actor = toggleActor();
  const sends = (n: number): number => {
    const t = performance.now();
    for (let i = 0; i < n; i++) actor.send({ type: 'TOGGLE' });
    return performance.now() - t;
  };
  for (const seed of [100, 101]) runHeadless(compiled, { seed, keepEvents: false }); // warm-up
  sends(200_000);
  const engine: Rate = { events: 0, ms: 0 };
  const xstate: Rate = { events: 0, ms: 0 };
  let best = 0;
  for (const seed of SEEDS) {
    const t = performance.now();
    const r = runHeadless(compiled, { seed, keepEvents: false });
    const dt = performance.now() - t;
    engine.events += r.eventCount;
    engine.ms += dt;
    best = Math.max(best, r.eventCount / (dt / 1000));
    xstate.ms += sends(200_000);
    xstate.events += 200_000;
  }
  actor.stop();
  return { engine, xstate, best };
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const gc = gcFunction();
  const load0 = loadavg()[0]?.toFixed(1) ?? '?';

  const stress = load('stress.yaml');
  const h = headlessAndXState(stress.compiled);
  out.push({
    name: 'headless run, scenarios/stress.yaml', value: perSecond(h.engine), unit: 'events/s', target: 100_000, higherIsBetter: true,
    note: `${h.engine.events} events over seeds ${SEEDS[0]}-${SEEDS.at(-1)} in ${seconds(h.engine.ms)}; best seed ${Math.round(h.best)}/s; load average ${load0}`,
  });
  out.push({ name: 'bare XState actor.send, toggle machine', value: perSecond(h.xstate), unit: 'events/s', higherIsBetter: true, note: `${h.xstate.events} sends in ${seconds(h.xstate.ms)}, interleaved with the runs above` });
  out.push({ name: 'headless events/s per XState send/s', value: perSecond(h.engine) / perSecond(h.xstate), unit: 'x', target: 1.5, higherIsBetter: true, note: 'same run, same load: this ratio travels between machines' });

  // The 100,000-event log: record a live run, serialise it, then replay it from its text.
  const long = structuredClone(stress.scenario);
  long.meta.duration = '14d';
  const longCompiled = compileScenario(long);
  const inputs = busyScript(longCompiled, 1, 20 * 60_000);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const live = runScripted(longCompiled, { seed: 1, inputs, record: true });
  const liveMs = performance.now() - t0;
  gc();
  const heapRun = process.memoryUsage().heapUsed - heap0;
  const events = live.state.seq;
  out.push({
    name: 'headless run with a busy blue script (the log below)', value: events / (liveMs / 1000), unit: 'events/s', higherIsBetter: true,
    note: `${events} events, ${inputs.length} inputs (${live.applied} accepted) in ${seconds(liveMs)}`,
  });
  const text = serialiseLog({ header: logHeader(long, 1, 'headless'), records: live.records });
  const liveRecords = live.records.length;
  out.push({ name: 'memory per 100,000 events: state + recorded log', value: (heapRun / events) * 100_000 / 1_048_576, unit: 'MB', note: `heap growth after GC: ${(heapRun / 1_048_576).toFixed(0)} MB for ${events} events` });
  live.records.length = 0;

  // Full replay, as `ramparts replay LOG` does it: parse (recorded events are only decoded to verify
  // them) and fold every record to the final state. Three times: the best of three is the figure
  // (the machine is shared; the other two are in the note).
  const tries: { parseMs: number; foldMs: number }[] = [];
  let full: ReturnType<typeof createReplayer> | undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    const t1 = performance.now();
    const parsed = parseLog(text, { events: false });
    const parseMs = performance.now() - t1;
    if (!parsed.ok) throw new Error(`the recorded log does not parse: ${parsed.errors[0]?.message}`);
    const t2 = performance.now();
    full = createReplayer(parsed.log, { compiled: longCompiled, snapshotEvery: Infinity, keepEvents: false });
    if (!full.ok) throw new Error(full.message);
    tries.push({ parseMs, foldMs: performance.now() - t2 });
  }
  if (!full?.ok) throw new Error('no replay');
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const state = full.replayer.final();
  gc();
  const heapState = process.memoryUsage().heapUsed - heap1;
  if (state.seq !== events) throw new Error(`the replay made ${state.seq} events, the live run ${events}`);
  out.push({ name: 'memory per 100,000 events: state alone', value: (heapState / state.seq) * 100_000 / 1_048_576, unit: 'MB', note: `a rebuilt state: ${(heapState / 1_048_576).toFixed(0)} MB` });
  const best = tries.reduce((a, b) => (a.parseMs + a.foldMs <= b.parseMs + b.foldMs ? a : b));
  out.push({
    name: `full replay of a ${Math.round(events / 1000)}k-event log`, value: best.parseMs + best.foldMs, unit: 'ms', target: 1000,
    note: `best of 3: parse ${best.parseMs.toFixed(0)} ms + rebuild ${best.foldMs.toFixed(0)} ms (all: ${tries.map((x) => (x.parseMs + x.foldMs).toFixed(0)).join(', ')} ms); ${liveRecords} records, ${(text.length / 1_048_576).toFixed(0)} MB; load average ${loadavg()[0]?.toFixed(1)}`,
  });

  // Seeking, as the evaluator's timeline does it: one fold keeping a snapshot every 1,000 events (the
  // index, built once when the log is opened), then each seek restores the nearest snapshot.
  const withEvents = parseLog(text);
  if (!withEvents.ok) throw new Error('the recorded log does not parse with its events');
  const t3 = performance.now();
  const rep = createReplayer(withEvents.log, { compiled: longCompiled, verify: true });
  if (!rep.ok) throw new Error(rep.message);
  out.push({
    name: 'seek index: verifying fold with snapshots', value: performance.now() - t3, unit: 'ms', target: 500,
    note: `${rep.replayer.snapshots} snapshots every 1,000 events, every record's events checked against the log (once, when an evaluator opens it)`,
  });

  // Seeks to reproducible random moments.
  let seed = 12345;
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const at = Math.floor((seed / 2_147_483_648) * rep.replayer.endTime);
    const t = performance.now();
    rep.replayer.seek(at);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  out.push({ name: 'seek to a random moment: median', value: quantile(times, 0.5), unit: 'ms', target: 50 });
  out.push({ name: 'seek to a random moment: p95', value: quantile(times, 0.95), unit: 'ms', target: 50 });
  out.push({ name: 'seek to a random moment: max', value: times.at(-1) ?? 0, unit: 'ms', target: 50, note: '100 moments' });

  // Sweep: `ramparts sweep` of the same 200 seeds as a whole process (the compiled command line, which
  // runs itself with --single-threaded-gc, its start-up included), with one worker thread, then two.
  const sweepWall = (workers: number): number => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('bin/ramparts.mjs', ROOT)), 'sweep', fileURLToPath(new URL('scenarios/stress.yaml', ROOT)), '--runs', String(SWEEP_RUNS), '--seed', '1', '--workers', String(workers), '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`ramparts sweep failed: ${r.stderr}`);
    return (performance.now() - t) / 1000;
  };
  const w1 = sweepWall(1);
  const w2 = sweepWall(2);
  out.push({ name: `sweep of ${SWEEP_RUNS} runs (stress.yaml), 1 worker`, value: w1, unit: 's', target: 10, note: `ramparts sweep as a process, ${((w1 * 1000) / SWEEP_RUNS).toFixed(0)} ms a run` });
  out.push({ name: `sweep of ${SWEEP_RUNS} runs (stress.yaml), 2 workers`, value: w2, unit: 's' });
  out.push({
    name: 'sweep speed-up, 2 workers against 1', value: w1 / w2, unit: 'x', target: 1.8, higherIsBetter: true,
    note: `load average ${loadavg()[0]?.toFixed(1)} at the end (the two workers need both cores to themselves)`,
  });
  return out;
}
