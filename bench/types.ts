/** The shape of a benchmark module run by bench/index.ts. */
export interface BenchResult {
  /** What was measured, e.g. "validate scenarios/stress.yaml". */
  name: string;
  value: number;
  /** "ms", "MB/s", "events/s", ... */
  unit: string;
  /** The goal; for time-like units lower is better, see `higherIsBetter`. */
  target?: number;
  /** True for rates (events/s): the target is a minimum. */
  higherIsBetter?: boolean;
  note?: string;
}

export interface BenchModule {
  /** Short name, used to run a subset: `npm run bench -- validate`. */
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Median of `runs` timings of `fn` in milliseconds, after one warm-up call. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * Medians of wall time and of this process's CPU time (user + system) over `runs` calls, after a
 * warm-up. On a busy machine the CPU time says what the code costs; the wall time, what a user waits.
 */
export async function medianTimes(runs: number, fn: () => unknown | Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { wallMs: median(wall), cpuMs: median(cpu) };
}
