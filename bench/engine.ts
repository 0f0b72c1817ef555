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

function load(file: string): { scenario: ScenarioT; compiled: CompiledScenario } {
  const r = validateScenarioText(readFileSync(new URL(`scenarios/${file}`, ROOT)), file);
  if (!r.ok) throw new Error(`scenarios/${file} does not validate: run ramparts validate on it`);
  return { scenario: r.scenario, compiled: compileScenario(r.scenario) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Rate {
  events: number;
  ms: number;
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
    note: 'same run, same load: this ratio travels between machines',
  });

  return out;
}
