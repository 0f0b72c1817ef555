/**
 * Sweep benchmarks (`npm run bench -- sweep`): `ramparts sweep` of 200 runs of scenarios/stress.yaml
 * as a whole process (the compiled command line, which runs itself with --single-threaded-gc, its
 * start-up included), with one worker thread, then two; CPU seconds of the process beside the wall.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';

export const name = 'sweep';

const ROOT = new URL('../', import.meta.url);
const SWEEP_RUNS = 200;

interface Timed {
  wall: number;
  cpu: number;
}

/** `ramparts sweep` as a process: wall seconds and the CPU seconds of all its threads (GNU time's user + system). */
function sweep(workers: number): Timed {
  const t = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'cpu %U %S',
      process.execPath,
      fileURLToPath(new URL('bin/ramparts.mjs', ROOT)),
      'sweep',
      fileURLToPath(new URL('scenarios/stress.yaml', ROOT)),
      '--runs',
      String(SWEEP_RUNS),
      '--seed',
      '1',
      '--workers',
      String(workers),
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`ramparts sweep failed: ${r.stderr}`);
  const wall = (performance.now() - t) / 1000;
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN };
}

export async function run(): Promise<BenchResult[]> {
  const load0 = loadavg()[0]?.toFixed(1);
  const w1 = sweep(1);
  const w2 = sweep(2);
  return [
    {
      name: `sweep of ${SWEEP_RUNS} runs (stress.yaml), 1 worker`,
      value: w1.wall,
      unit: 's',
      target: 10,
      note: `ramparts sweep as a process, ${((w1.wall * 1000) / SWEEP_RUNS).toFixed(0)} ms a run, ${w1.cpu.toFixed(1)} CPU s; load average ${load0}`,
    },
    { name: `sweep of ${SWEEP_RUNS} runs (stress.yaml), 2 workers`, value: w2.wall, unit: 's', note: `${w2.cpu.toFixed(1)} CPU s` },
    {
      name: 'sweep speed-up, 2 workers against 1',
      value: w1.wall / w2.wall,
      unit: 'x',
      target: 1.8,
      higherIsBetter: true,
      note: `load average ${loadavg()[0]?.toFixed(1)} at the end (the two workers need both cores to themselves)`,
    },
  ];
}
