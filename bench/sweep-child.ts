/**
 * The sweep benchmark's runs, in a process started as `ramparts sweep` starts itself (with
 * --single-threaded-gc, see bin/ramparts.mjs): `runPool` over the given seeds with 1 then 2 worker
 * threads; prints {workers, wallS, cpuS}[] as JSON (CPU time of every thread of this process).
 */
import { readFileSync } from 'node:fs';
import { validateScenarioText } from '../engine/index.ts';
import { runPool } from '../cli/sweep/pool.ts';

const [file, runs] = process.argv.slice(2) as [string, string];
const r = validateScenarioText(readFileSync(file), file);
if (!r.ok) throw new Error(`${file} does not validate`);
const seeds = Array.from({ length: Number(runs) }, (_, i) => i + 1);
const out: { workers: number; wallS: number; cpuS: number }[] = [];
for (const workers of [1, 2]) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const p = await runPool({ scenario: r.scenario, job: { inputs: [], until: null }, seeds, workers });
  if (!p.ok) throw new Error(`sweep failed: ${p.message}`);
  const c = process.cpuUsage(c0);
  out.push({ workers, wallS: (performance.now() - t) / 1000, cpuS: (c.user + c.system) / 1e6 });
}
console.log(JSON.stringify(out));
