/**
 * Replay benchmarks (`npm run bench -- replay`), on a log of at least 100,000 events: stress.yaml
 * stretched to 14 days with a busy blue script (every team acts about every 20 simulated minutes, see
 * engine-script.ts; fixed seed, so the same log everywhere):
 * - full replay as `ramparts replay LOG` does it (parse without the recorded events, one fold);
 * - the evaluator's timeline: the time until it is usable (parse, open the seek index, the first
 *   slice of the fold), the full seek index (a verifying fold with snapshots), seeks to random moments;
 * - memory per 100,000 events (heap after a forced GC: the state plus the recorded log).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileScenario, createReplayer, logHeader, openSeekIndex, parseLog, serialiseLog, validateScenarioText } from '../engine/index.ts';
import { runScripted } from '../cli/headless.ts';
import { busyScript } from './engine-script.ts';
import type { BenchResult } from './types.ts';

export const name = 'replay';

/** Events the timeline folds per slice between paints (client/features/replay/engine-source.ts). */
export const SLICE_EVENTS = 5000;

/** A forced full GC: --expose-gc switched on at run time, since npm run bench starts node without it. */
export function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const gc = gcFunction();
  const r = validateScenarioText(readFileSync(new URL('../scenarios/stress.yaml', import.meta.url)), 'stress.yaml');
  if (!r.ok) throw new Error('scenarios/stress.yaml does not validate: run ramparts validate on it');
  // The 100,000-event log: record a live run, serialise it, then replay it from its text.
  const long = structuredClone(r.scenario);
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
    name: 'headless run with a busy blue script (the log below)',
    value: events / (liveMs / 1000),
    unit: 'events/s',
    higherIsBetter: true,
    note: `${events} events, ${inputs.length} inputs (${live.applied} accepted) in ${seconds(liveMs)}; load average ${loadavg()[0]?.toFixed(1)}`,
  });
  const text = serialiseLog({ header: logHeader(long, 1, 'headless'), records: live.records });
  const liveRecords = live.records.length;
  out.push({
    name: 'memory per 100,000 events: state + recorded log',
    value: ((heapRun / events) * 100_000) / 1_048_576,
    unit: 'MB',
    note: `heap growth after GC: ${(heapRun / 1_048_576).toFixed(0)} MB for ${events} events`,
  });
  live.records.length = 0;

  // Full replay, as `ramparts replay LOG` does it. Best of three (the machine is shared).
  const tries: { parseMs: number; foldMs: number; foldCpu: number }[] = [];
  let full: ReturnType<typeof createReplayer> | undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    const t1 = performance.now();
    const parsed = parseLog(text, { events: false });
    const parseMs = performance.now() - t1;
    if (!parsed.ok) throw new Error(`the recorded log does not parse: ${parsed.errors[0]?.message}`);
    const t2 = performance.now();
    const c2 = cpuMs();
    full = createReplayer(parsed.log, { compiled: longCompiled, snapshotEvery: Infinity, keepEvents: false });
    if (!full.ok) throw new Error(full.message);
    tries.push({ parseMs, foldMs: performance.now() - t2, foldCpu: cpuMs() - c2 });
  }
  if (!full?.ok) throw new Error('no replay');
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const state = full.replayer.final();
  gc();
  const heapState = process.memoryUsage().heapUsed - heap1;
  if (state.seq !== events) throw new Error(`the replay made ${state.seq} events, the live run ${events}`);
  out.push({ name: 'memory per 100,000 events: state alone', value: ((heapState / state.seq) * 100_000) / 1_048_576, unit: 'MB', note: `a rebuilt state: ${(heapState / 1_048_576).toFixed(0)} MB` });
  const best = tries.reduce((a, b) => (a.parseMs + a.foldMs <= b.parseMs + b.foldMs ? a : b));
  const bareCpu = Math.min(...tries.map((x) => x.foldCpu));
  out.push({
    name: `full replay of a ${Math.round(events / 1000)}k-event log`,
    value: best.parseMs + best.foldMs,
    unit: 'ms',
    target: 1000,
    note: `best of 3: parse ${best.parseMs.toFixed(0)} ms + rebuild ${best.foldMs.toFixed(0)} ms (all: ${tries.map((x) => (x.parseMs + x.foldMs).toFixed(0)).join(', ')} ms); ${liveRecords} records, ${(text.length / 1_048_576).toFixed(0)} MB; load average ${loadavg()[0]?.toFixed(1)}`,
  });

  // The evaluator's timeline (client/features/replay/engine-source.ts): parse keeping the recorded
  // events as text, open the seek index, fold a first slice: the timeline is drawn from there and the
  // fold goes on in slices between paints. Then the rest of the index, verifying every record.
  const idx: { openMs: number; openCpu: number; indexMs: number; indexCpu: number }[] = [];
  let index: ReturnType<typeof openSeekIndex> | undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    const t3 = performance.now();
    const c3 = cpuMs();
    const parsed = parseLog(text, { events: 'text' });
    if (!parsed.ok) throw new Error('the recorded log does not parse');
    index = openSeekIndex(parsed.log, { compiled: longCompiled, verify: true });
    index.extend(SLICE_EVENTS);
    index.seek(0);
    const t4 = performance.now();
    const c4 = cpuMs();
    const done = index.complete();
    if (!done.ok) throw new Error(done.message);
    idx.push({ openMs: t4 - t3, openCpu: c4 - c3, indexMs: performance.now() - t3, indexCpu: cpuMs() - c3 });
  }
  if (!index) throw new Error('no index');
  const bi = idx.reduce((a, b) => (a.indexMs <= b.indexMs ? a : b));
  out.push({
    name: 'timeline usable: parse + first slice of the index',
    value: Math.min(...idx.map((x) => x.openMs)),
    unit: 'ms',
    target: 500,
    note: `best of 3 (all: ${idx.map((x) => x.openMs.toFixed(0)).join(', ')} ms; CPU ${Math.min(...idx.map((x) => x.openCpu)).toFixed(0)} ms); the fold goes on in slices of ${SLICE_EVENTS} events`,
  });
  out.push({
    name: 'seek index: parse + verifying fold with snapshots',
    value: bi.indexMs,
    unit: 'ms',
    target: 500,
    note: `best of 3 (all: ${idx.map((x) => x.indexMs.toFixed(0)).join(', ')} ms; CPU ${bi.indexCpu.toFixed(0)} ms); the bare fold above: CPU ${bareCpu.toFixed(0)} ms; index CPU / bare fold CPU ${(bi.indexCpu / bareCpu).toFixed(2)}; load average ${loadavg()[0]?.toFixed(1)}`,
  });

  // Seeks to reproducible random moments.
  const rep = index.complete();
  if (!rep.ok) throw new Error(rep.message);
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
  out.push({ name: 'seek to a random moment: max', value: times.at(-1) ?? 0, unit: 'ms', target: 50, note: `100 moments; ${rep.replayer.snapshots} snapshots` });
  return out;
}
