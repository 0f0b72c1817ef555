/**
 * The command line as a user meets it: whole processes, start-up included, timed from spawn to exit
 * (wall time; minimum and median of several runs). `ramparts --help` is run in turn with a bare
 * `node -e 0` and the ratio taken pair by pair, so that the figure that travels between machines is
 * not moved by the machine's load drifting during the runs. bench/index.ts compiles lib/ first, so
 * the figures are those of the current sources.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';

export const name = 'cli';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = 'bin/ramparts.mjs';

/** Wall milliseconds of one process from spawn to exit; a non-zero exit is an error. */
export function timeProcess(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`));
    });
  });
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? NaN;
const min = (xs: number[]) => sorted(xs)[0] ?? NaN;
const spread = (xs: number[]) => `min ${min(xs).toFixed(0)} ms, median of ${xs.length}`;

/** Runs `args` of node `runs` times after one warm-up run; wall milliseconds of each. */
async function times(args: readonly string[], runs: number): Promise<number[]> {
  await timeProcess(process.execPath, args);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timeProcess(process.execPath, args));
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
  const out: BenchResult[] = [];

  // Interleaved pairs: ramparts --help, then bare node, eleven times after a warm-up of each.
  const help: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  await timeProcess(process.execPath, [BIN, '--help']);
  await timeProcess(process.execPath, ['-e', '0']);
  for (let i = 0; i < 11; i++) {
    const a = await timeProcess(process.execPath, [BIN, '--help']);
    const b = await timeProcess(process.execPath, ['-e', '0']);
    help.push(a);
    bare.push(b);
    ratios.push(a / b);
  }
  out.push({ name: 'node -e 0 (a bare Node process)', value: median(bare), unit: 'ms', note: spread(bare) });
  out.push({ name: 'ramparts --help', value: median(help), unit: 'ms', note: `${spread(help)}, ${load()}` });
  out.push({ name: 'ramparts --help against node -e 0', value: median(ratios), unit: 'x', target: 1.5, note: 'median of 11 interleaved pairs' });

  const validate = await times([BIN, 'validate', 'scenarios/stress.yaml'], 7);
  out.push({ name: 'ramparts validate scenarios/stress.yaml', value: median(validate), unit: 'ms', target: 400, note: `${spread(validate)}, ${load()}` });
  const headless = await times([BIN, 'run', 'scenarios/stress.yaml', '--seed', '7'], 7);
  out.push({ name: 'ramparts run scenarios/stress.yaml --seed 7', value: median(headless), unit: 'ms', target: 600, note: `${spread(headless)}, ${load()}` });

  const npx: number[] = [];
  await timeProcess('npx', ['ramparts', '--help']);
  for (let i = 0; i < 5; i++) npx.push(await timeProcess('npx', ['ramparts', '--help']));
  out.push({ name: 'npx ramparts --help (from the checkout)', value: median(npx), unit: 'ms', note: `${spread(npx)}, ${load()}; npm's own start-up` });
  return out;
}
