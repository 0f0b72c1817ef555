/**
 * What-if benchmarks (`npm run bench -- whatif`), issue 18:
 * - forking the 107k-event benchmark log (engine-script.ts's longStressLog) at its middle: the time
 *   from asking for the branch to its first event, on a log already opened as the evaluator's timeline
 *   opens it (the seek index built); target under 100 ms;
 * - a 200-run sweep of a branch of the flagship (gulf-shield, 24 h, busy script) from the middle of
 *   the exercise, against the same 200 runs from T+0: what starting each run at T saves, as a ratio.
 *   Both through the command line's worker pool (cli/sweep/pool.ts), as `ramparts whatif --runs` does.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { branchSweepJob, compileScenario, logHeader, openFork, parseLog, runBranch, type ScenarioT, serialiseLog, validateScenarioText } from '../engine/index.ts';
import { runScripted } from '../cli/headless.ts';
import { runPool } from '../cli/sweep/pool.ts';
import { nativeSha256Hex } from '../native/hash.ts';
import { busyScript, longStressLog } from './engine-script.ts';
import type { BenchResult } from './types.ts';

export const name = 'whatif';

const SWEEP_RUNS = 200;
const FORK_TRIES = 5;

function load(file: string): ScenarioT {
  const r = validateScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url)), file);
  if (!r.ok) throw new Error(`scenarios/${file} does not validate: run ramparts validate on it`);
  return r.scenario;
}

/** A recorded headless run of `scenario` with the busy script, as a log read back from its text. */
function recordedLog(scenario: ScenarioT, inputs: ReturnType<typeof busyScript>) {
  const compiled = compileScenario(scenario);
  const live = runScripted(compiled, { seed: 1, inputs, record: true });
  const parsed = parseLog(serialiseLog({ header: logHeader(scenario, 1, 'headless'), records: live.records }), { events: false });
  if (!parsed.ok) throw new Error(`the recorded log does not parse: ${parsed.errors[0]?.message}`);
  return { log: parsed.log, events: live.state.seq };
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

  // Sweep from T against a sweep from T+0 on the flagship.
  const gulf = load('gulf-shield.yaml');
  const gulfCompiled = compileScenario(gulf);
  const played = recordedLog(gulf, busyScript(gulfCompiled, 1, 20 * 60_000));
  const gulfOpened = openFork(played.log, { sha256: nativeSha256Hex, compiled: gulfCompiled });
  if (!gulfOpened.ok) throw new Error(`the flagship's log does not open: ${gulfOpened.message}`);
  const at = Math.floor(gulfOpened.source.replayer.endTime / 2);
  const seeds = Array.from({ length: SWEEP_RUNS }, (_, i) => i + 1);
  const workers = Math.min(2, availableParallelism());
  const sweepSeconds = async (from: number): Promise<number> => {
    const started = performance.now();
    const job = { inputs: [], until: null, branch: branchSweepJob(gulfOpened.source, from, []) };
    const r = await runPool({ scenario: played.log.header.scenario, job, seeds, workers });
    if (!r.ok) throw new Error(`a sweep run failed: ${r.message}`);
    return (performance.now() - started) / 1000;
  };
  const fromZero = await sweepSeconds(0);
  const fromT = await sweepSeconds(at);
  out.push({ name: `${SWEEP_RUNS}-run sweep of a flagship branch from T = the middle`, value: fromT, unit: 's', note: `${workers} workers; ${played.events} played events` });
  out.push({ name: `${SWEEP_RUNS}-run sweep of the same branch from T+0`, value: fromZero, unit: 's', note: `load average ${loadavg()[0]?.toFixed(1)} after` });
  out.push({ name: 'saved by starting each run at T (from T+0 over from T)', value: fromZero / fromT, unit: 'x', higherIsBetter: true, note: 'same run, same load' });
  return out;
}
