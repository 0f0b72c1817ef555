/**
 * Engine benchmarks (`npm run bench -- engine`): headless events/s on scenarios/stress.yaml (several
 * seeds), beside bare XState actor.send/s on a toggle machine in the same run, and their ratio (which
 * travels between machines). Replay and seek are `npm run bench -- replay`, sweeps `-- sweep`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createActor, createMachine } from 'xstate';
import { type CompiledScenario, compileScenario, runHeadless, type ScenarioT, validateScenarioText } from '../engine/index.ts';
import type { BenchResult } from './types.ts';

export const name = 'engine';

const ROOT = new URL('../', import.meta.url);
const SEEDS = [1, 2, 3, 4, 5, 6];
/** Warm-up of each side of the ratio: sends, and events of headless runs. */
const WARM_UP = 200_000;

function load(file: string): { scenario: ScenarioT; compiled: CompiledScenario } {
  const r = validateScenarioText(readFileSync(new URL(`scenarios/${file}`, ROOT)), file);
  if (!r.ok) throw new Error(`scenarios/${file} does not validate: run ramparts validate on it`);
  return { scenario: r.scenario, compiled: compileScenario(r.scenario) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Rate {
  events: number;
  ms: number;
  /** This thread's CPU time over the same spans (ms), where the system tells it. */
  cpu: number;
}

/**
 * The main thread's CPU time in ms, from Linux's /proc/thread-self/schedstat (nanoseconds on CPU),
 * or null elsewhere. On a shared machine wall time counts the waits for a core, which hit short runs
 * and long send loops differently; CPU time does not.
 */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}
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
  const sends = (n: number): { ms: number; cpu: number } => {
    const c = threadCpuMs() ?? 0;
    const t = performance.now();
    for (let i = 0; i < n; i++) actor.send({ type: 'TOGGLE' });
    return { ms: performance.now() - t, cpu: (threadCpuMs() ?? 0) - c };
  };
  // Both sides warmed with the same amount of work before anything is measured: 200,000 sends, and
  // headless runs (seeds 100, 101, ...) until they have emitted 200,000 events (about ten runs of
  // stress.yaml). Two warm-up runs left the measured runs before the JIT had settled (runs 3-8 took
  // 40-90 ms of CPU, later ones 35-40) while the sends were measured settled.
  for (let seed = 100, events = 0; events < WARM_UP; seed++) events += runHeadless(compiled, { seed, keepEvents: false }).eventCount;
  sends(WARM_UP);
  const engine: Rate = { events: 0, ms: 0, cpu: 0 };
  const xstate: Rate = { events: 0, ms: 0, cpu: 0 };
  let best = 0;
  for (const seed of SEEDS) {
    const c = threadCpuMs() ?? 0;
    const t = performance.now();
    const r = runHeadless(compiled, { seed, keepEvents: false });
    const dt = performance.now() - t;
    engine.cpu += (threadCpuMs() ?? 0) - c;
    engine.events += r.eventCount;
    engine.ms += dt;
    best = Math.max(best, r.eventCount / (dt / 1000));
    const x = sends(200_000);
    xstate.ms += x.ms;
    xstate.cpu += x.cpu;
    xstate.events += 200_000;
  }
  actor.stop();
  return { engine, xstate, best };
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const load0 = loadavg()[0]?.toFixed(1) ?? '?';

  const stress = load('stress.yaml');
  const h = headlessAndXState(stress.compiled);
  out.push({
    name: 'headless run, scenarios/stress.yaml',
    value: perSecond(h.engine),
    unit: 'events/s',
    target: 100_000,
    higherIsBetter: true,
    note: `${h.engine.events} events over seeds ${SEEDS[0]}-${SEEDS.at(-1)} in ${seconds(h.engine.ms)}; best seed ${Math.round(h.best)}/s; load average ${load0}`,
  });
  out.push({
    name: 'bare XState actor.send, toggle machine',
    value: perSecond(h.xstate),
    unit: 'events/s',
    higherIsBetter: true,
    note: `${h.xstate.events} sends in ${seconds(h.xstate.ms)}, interleaved with the runs above`,
  });
  out.push({
    name: 'headless events/s per XState send/s',
    value: perSecond(h.engine) / perSecond(h.xstate),
    unit: 'x',
    target: 1.5,
    higherIsBetter: true,
    note: `same run, same load: this ratio travels between machines; each side warmed with ${WARM_UP} sends or events first`,
  });
  if (threadCpuMs() !== null && h.engine.cpu > 0 && h.xstate.cpu > 0) {
    out.push({
      name: 'the same ratio in main-thread CPU time',
      value: h.engine.events / h.engine.cpu / (h.xstate.events / h.xstate.cpu),
      unit: 'x',
      higherIsBetter: true,
      note: `engine ${Math.round(h.engine.events / (h.engine.cpu / 1000))} events per CPU s, XState ${Math.round(h.xstate.events / (h.xstate.cpu / 1000))} sends per CPU s: waits for a core left out (a shared machine)`,
    });
  }

  return out;
}
