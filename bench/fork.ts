/**
 * What it would cost the exercise host to step each batch on a copy of the state (`npm run bench --
 * fork`), the measurement behind the engine contract in server/authority/engine-port.ts. The server
 * steps the state in place and, when the store refuses a batch, rebuilds the state from the store;
 * the alternative is a copy (`cloneState`) per batch, dropped when the store refuses it.
 *
 * scenarios/stress.yaml (2,036 nodes, 12 teams) is run as a real-time exercise at x60 would be: a
 * batch every 30 simulated seconds (the driver's 500 ms tick), holding the advance and the blue and
 * white commands due by then (the busy script of the engine benchmark: every team acts about every
 * 20 simulated minutes). Per batch: the time to step it, and the time to copy the state after it.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cloneState, compileScenario, createExercise, step, validateScenarioText } from '../engine/index.ts';
import { busyScript } from './engine-script.ts';
import type { BenchResult } from './types.ts';

export const name = 'fork';

const SEED = 1;
/** Simulated ms per batch: x60 at the server's default 500 ms tick. */
const BATCH_MS = 30_000;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export async function run(): Promise<BenchResult[]> {
  const text = readFileSync(new URL('../scenarios/stress.yaml', import.meta.url), 'utf8');
  const validated = validateScenarioText(text, 'stress.yaml');
  if (!validated.ok) throw new Error('scenarios/stress.yaml does not validate: run ramparts validate on it');
  const compiled = compileScenario(validated.scenario);
  const state = createExercise(compiled, { seed: SEED, mode: 'realtime' });
  if (!step(state, { type: 'start', actor: { role: 'white' } }).ok) throw new Error('the exercise does not start');
  const script = busyScript(compiled, SEED, 20 * 60_000).sort((a, b) => a.at - b.at);
  const stepMs: number[] = [];
  const cloneMs: number[] = [];
  let next = 0;
  for (let t = BATCH_MS; t <= compiled.meta.duration; t += BATCH_MS) {
    const started = performance.now();
    step(state, { type: 'advance', to: t, actor: { role: 'system' } });
    for (; next < script.length && (script[next]?.at ?? Infinity) <= t; next++) step(state, (script[next] as (typeof script)[number]).command);
    const stepped = performance.now();
    cloneState(state);
    cloneMs.push(performance.now() - stepped);
    stepMs.push(stepped - started);
  }
  const note = `${stepMs.length} batches over ${compiled.meta.duration / 3_600_000} h; load average ${loadavg()[0]?.toFixed(2)}`;
  return [
    { name: 'step a batch, median', value: quantile(stepMs, 0.5), unit: 'ms', note },
    { name: 'copy the state after it (cloneState), median', value: quantile(cloneMs, 0.5), unit: 'ms' },
    { name: 'copy the state, p95', value: quantile(cloneMs, 0.95), unit: 'ms' },
    { name: 'copying over stepping, whole run', value: sum(cloneMs) / sum(stepMs), unit: 'x' },
  ];
}
