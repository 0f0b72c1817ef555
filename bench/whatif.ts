/**
 * What-if benchmarks (`npm run bench -- whatif`), issue 18:
 * - forking the 107k-event benchmark log (engine-script.ts's longStressLog) at its middle: the time
 *   from asking for the branch to its first event, on a log already opened as the evaluator's timeline
 *   opens it (the seek index built); target under 100 ms;
 * - a 200-run sweep of a branch of the flagship (gulf-shield, 24 h, busy script) from the middle of
 *   the exercise, against the same 200 runs from T+0: what starting each run at T saves, as a ratio.
 *   Both as `ramparts whatif --runs` processes on the compiled command line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { compileScenario, logHeader, openFork, parseLog, runBranch, type ScenarioT, serialiseLog, validateScenarioText } from '../engine/index.ts';
import { runScripted } from '../cli/headless.ts';
import { nativeSha256Hex } from '../native/hash.ts';
import { busyScript, longStressLog } from './engine-script.ts';
import { timeProcess } from './cli.ts';
import type { BenchResult } from './types.ts';

export const name = 'whatif';

const SWEEP_RUNS = 200;
const FORK_TRIES = 5;
const SWEEP_PAIRS = 3;

function load(file: string): ScenarioT {
  const r = validateScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url)), file);
  if (!r.ok) throw new Error(`scenarios/${file} does not validate: run ramparts validate on it`);
  return r.scenario;
}

/** A recorded headless run of `scenario` with the busy script, as a log read back from its text. */
function recordedLog(scenario: ScenarioT, inputs: ReturnType<typeof busyScript>) {
  const compiled = compileScenario(scenario);
  const live = runScripted(compiled, { seed: 1, inputs, record: true });
  const text = serialiseLog({ header: logHeader(scenario, 1, 'headless'), records: live.records });
  const parsed = parseLog(text, { events: false });
  if (!parsed.ok) throw new Error(`the recorded log does not parse: ${parsed.errors[0]?.message}`);
  return { log: parsed.log, text, events: live.state.seq };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const load0 = loadavg()[0]?.toFixed(1) ?? '?';

  // Fork latency on the long log.
  const long = longStressLog(load('stress.yaml'));
  const { log, events } = recordedLog(long.scenario, long.inputs);
  const t0 = performance.now();
  const opened = openFork(log, { sha256: nativeSha256Hex, compiled: long.compiled });
  const openMs = performance.now() - t0;
  if (!opened.ok) throw new Error(`the long log does not open: ${opened.message}`);
  const source = opened.source;
  const mid = Math.floor(source.replayer.endTime / 2);
  const firstMs: number[] = [];
  const wholeMs: number[] = [];
  for (let i = 0; i < FORK_TRIES; i++) {
    const started = performance.now();
    let first = 0;
    const r = runBranch(
      source,
      { at: mid, edits: [], reseed: null },
      {
        keepEvents: false,
        observe: (evs) => {
          if (first === 0 && evs.length > 0) first = performance.now() - started;
        },
      },
    );
    if (!r.ok) throw new Error(`the branch was refused: ${r.issues[0]?.message}`);
    firstMs.push(first);
    wholeMs.push(performance.now() - started);
  }
  out.push({
    name: 'fork the 107k-event log at its middle, to the first branch event (median)',
    value: median(firstMs),
    unit: 'ms',
    target: 100,
    note: `${events} events; opening it for branching (seek index, played events) took ${Math.round(openMs)} ms; median of ${FORK_TRIES}; load average ${load0}`,
  });
  out.push({ name: 'the whole branch from the middle, played streams (median)', value: median(wholeMs), unit: 'ms', note: 'half the log run again with no edits' });

  // Sweep from T against a sweep from T+0 on the flagship, as a user runs it: `ramparts whatif --runs`
  // as a whole process on the compiled command line (the worker pool of cli/sweep/pool.ts), so that
  // neither side pays tsx's start of each worker that running the pool from the sources would add.
  const gulf = load('gulf-shield.yaml');
  const gulfCompiled = compileScenario(gulf);
  const played = recordedLog(gulf, busyScript(gulfCompiled, 1, 20 * 60_000));
  const at = Math.floor(played.log.records.reduce((end, r) => Math.max(end, r.t), 0) / 2);
  const dir = mkdtempSync(join(tmpdir(), 'ramparts-whatif-bench-'));
  const logFile = join(dir, 'played.jsonl');
  writeFileSync(logFile, played.text);
  const workers = Math.min(2, availableParallelism());
  const sweepSeconds = async (from: number): Promise<number> =>
    (await timeProcess(process.execPath, ['bin/ramparts.mjs', 'whatif', logFile, '--at', `${Math.floor(from / 1000)}s`, '--runs', String(SWEEP_RUNS), '--workers', String(workers), '--json'])) / 1000;
  try {
    // Pairs in turn, the ratio taken pair by pair, so a drift in the machine's load moves both sides.
    const fromT: number[] = [];
    const fromZero: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < SWEEP_PAIRS; i++) {
      const t = await sweepSeconds(at);
      const z = await sweepSeconds(0);
      fromT.push(t);
      fromZero.push(z);
      ratios.push(z / t);
    }
    out.push({
      name: `${SWEEP_RUNS}-run sweep of a flagship branch from T = the middle`,
      value: median(fromT),
      unit: 's',
      note: `ramparts whatif --runs ${SWEEP_RUNS} as a process, median of ${SWEEP_PAIRS}; ${workers} workers; ${played.events} played events`,
    });
    out.push({ name: `${SWEEP_RUNS}-run sweep of the same branch from T+0`, value: median(fromZero), unit: 's', note: `median of ${SWEEP_PAIRS}; load average ${loadavg()[0]?.toFixed(1)} after` });
    out.push({
      name: 'saved by starting each run at T (from T+0 over from T)',
      value: median(ratios),
      unit: 'x',
      higherIsBetter: true,
      note: `median of ${SWEEP_PAIRS} pairs run in turn; each side includes the process start and the one branch with the played streams`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
