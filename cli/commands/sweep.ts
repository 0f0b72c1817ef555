/**
 * `ramparts sweep SCENARIO --runs N [--workers K] [--seed S | --seeds LIST] [--until DUR] [--inputs FILE] [--json] [--redis URL [--queue NAME]]`:
 * Monte Carlo over seeds, spread over worker threads, with distributions of the outcomes.
 */
import { availableParallelism } from 'node:os';
import { durationOpt, flag, intOpt, parseCommandArgs, positionals, seedList, stringOpt } from '../args.ts';
import { type CliCommand, type CliIO, UsageError } from '../io.ts';
import { loadInputs, loadScenario } from '../load-scenario.ts';
import { aggregate } from '../../engine/index.ts';
import { sweepLines } from '../sweep/format.ts';
import { runPool } from '../sweep/pool.ts';
import { Progress } from '../sweep/progress.ts';

const HELP = `Usage: ramparts sweep SCENARIO --runs N [--workers K] [--seed S | --seeds LIST] [--until DUR] [--inputs FILE] [--json]
                      [--redis URL [--queue NAME]]

Runs the scenario headless once per seed (Monte Carlo), spread over worker threads, and reports the
distributions of the outcomes:
  - the probability of each red objective, with a 95% (Wilson) interval, and when it was achieved;
  - per blue team: how often and how fast it detected red (first detection, mean time to detect),
    how often it was compromised, how often and how fast it contained compromises;
  - per blue team: score percentiles p5, p25, p50, p75, p95.
Runs are independent and deterministic: each seed's result equals 'ramparts run SCENARIO --seed S'
(same state hash), and the report does not depend on the number of workers.

Options:
  --runs N         number of runs (seeds S, S+1, ..., S+N-1)
  --seed S         first seed (default: the scenario's meta.seed)
  --seeds LIST     explicit seeds instead: 1,2,10-19 (then --runs is optional)
  --workers K      worker threads (default: the number of CPUs, at most the runs)
  --until DUR      stop each run at this simulated time (90s, 45m, 8h, 1d2h)
  --inputs FILE    the same command file in every run (see 'ramparts run --help')
  --redis URL      distributed: put the runs on a Redis queue for every 'ramparts worker --redis URL'
                   and gather the results (same report; --workers is then ignored)
  --queue NAME     the queue with --redis (default ramparts-sweep)
  --json           print one JSON object: objectives, teams (distributions), events, and every
                   run's figures in results (sorted by seed)

Progress goes to stderr (a bar on a terminal, a line now and then otherwise).
Exit status: 0 done, 1 invalid scenario or inputs or a failed run, 2 usage error.`;

const MAX_RUNS = 1_000_000;

export const command: CliCommand = {
  summary: 'Monte Carlo runs over seeds, with distributions of outcomes',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseCommandArgs(args, {
      runs: { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      seeds: { type: 'string' },
      until: { type: 'string' },
      inputs: { type: 'string' },
      json: { type: 'boolean' },
      redis: { type: 'string' },
      queue: { type: 'string' },
    });
    const redis = stringOpt(p, 'redis');
    const queue = stringOpt(p, 'queue');
    if (queue !== undefined && redis === undefined) throw new UsageError('--queue needs --redis');
    const [file] = positionals(p, ['SCENARIO']) as [string];
    const runs = intOpt(p, 'runs', 1, MAX_RUNS);
    const workersOpt = intOpt(p, 'workers', 1, 256);
    const seedOpt = intOpt(p, 'seed');
    const seedsText = stringOpt(p, 'seeds');
    const until = durationOpt(p, 'until') ?? null;
    if (seedsText !== undefined && seedOpt !== undefined) throw new UsageError('give --seed or --seeds, not both');
    const listed = seedsText === undefined ? undefined : seedList(seedsText, 'seeds', MAX_RUNS);
    if (listed && runs !== undefined && runs !== listed.length) throw new UsageError(`--runs ${runs} but --seeds lists ${listed.length} seeds`);
    if (!listed && runs === undefined) throw new UsageError('give --runs N (or --seeds LIST)');

    const loaded = await loadScenario(file, io);
    if (!loaded.ok) return 1;
    const inputsFile = stringOpt(p, 'inputs');
    const inputs = inputsFile === undefined ? [] : await loadInputs(inputsFile, loaded.compiled, io);
    if (!inputs) return 1;
    const base = seedOpt ?? loaded.compiled.meta.seed;
    const seeds = listed ?? Array.from({ length: runs as number }, (_, i) => base + i);
    if (!seeds.every((s) => Number.isSafeInteger(s))) throw new UsageError('seeds past 2^53 cannot be represented exactly');
    const workers = Math.min(workersOpt ?? availableParallelism(), seeds.length);

    const started = Date.now();
    const progress = new Progress(io, seeds.length, 'sweep');
    const onProgress = (done: number) => progress.update(done);
    const pool =
      redis === undefined
        ? await runPool({ scenario: loaded.scenario, compiled: loaded.compiled, job: { inputs, until }, seeds, workers, onProgress })
        : await (await import('../sweep/queue.ts')).runDistributed({
            redisUrl: redis,
            ...(queue !== undefined ? { queue } : {}),
            scenario: loaded.scenario,
            job: { inputs, until },
            seeds,
            onProgress,
          });
    if (!pool.ok) {
      const seed = pool.seed === null ? '' : ` (seed ${pool.seed}; reproduce with: ramparts run ${file} --seed ${pool.seed}${inputsFile ? ` --inputs ${inputsFile}` : ''})`;
      io.err(`ramparts sweep: a run failed${seed}: ${pool.message}`);
      return 1;
    }
    const report = aggregate(loaded.compiled, pool.results, { untilMs: until, inputs: inputs.length });
    if (flag(p, 'json')) io.out(JSON.stringify(report, null, 2));
    else io.out(sweepLines(report, file, { workers, seconds: (Date.now() - started) / 1000 }).join('\n'));
    return 0;
  },
};
