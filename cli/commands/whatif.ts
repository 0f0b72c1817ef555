/**
 * `ramparts whatif LOG|PACKAGE --at DUR [--drop SEQ...] [--edits FILE] [--policy FILE] [--runs N]
 * [--workers K] [--seed S] [--json] [-o BRANCH.jsonl]`: branch a played exercise at a moment, change
 * what was done after it, run the branch once (and as a sweep), and compare with the exercise as played.
 */
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { aggregate, branchOnce, branchSweepJob, compareSweep, formatDiagnostic, formatDuration, logError, openFork, playedResult, serialiseLog } from '../../engine/index.ts';
import { logFromFile } from '../../interchange/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { durationOpt, flag, intOpt, parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { recordLines } from '../inputs.ts';
import { type CliCommand, type CliIO, UsageError } from '../io.ts';
import { readInputFile } from '../load-scenario.ts';
import { runPool } from '../sweep/pool.ts';
import { Progress } from '../sweep/progress.ts';
import { plural } from '../table.ts';
import { loadEdits, locateIssues } from '../whatif/edit-files.ts';
import { pinTo } from '../whatif/pin.ts';
import { onceLines, sweepLines } from '../whatif/format.ts';

const HELP = `Usage: ramparts whatif LOG|PACKAGE --at DUR [--drop SEQ...] [--edits FILE] [--policy FILE]
                       [--runs N] [--workers K] [--seed S] [--json] [-o BRANCH.jsonl]

Branches a played exercise at a moment T: the state at T exactly as played, then the played commands
after T with edits, and compares the branch with the exercise as played: per red objective (reached
or not, when), per blue team (compromised nodes, criticality-weighted service-minutes down, mean time
to contain, score and its components), and the first event where the two histories part.

The branch runs once with the played random streams (the one alternative history); with --runs N it
also runs N times with the random streams after T re-seeded (seeds S..S+N-1; before T everything stays
as played), with the statistics of 'ramparts sweep': objective probabilities with 95% intervals,
distributions per team, and the played value marked in each.

The played commands after T are every record of the log after T (an advance crossing T continues from
T); the clock's advances (the server's ticks) stay as they are. Record N is line N + 1 of the log file.

Options:
  --at DUR         the fork moment T, from T+0 (90s, 45m, 8h, 1d2h), at most the end of the log
  --drop SEQ       drop played record SEQ after T (repeat it, or SEQ,SEQ,...)
  --edits FILE     YAML or JSON list of edits:
                     - drop: 12
                     - move: 14            # record 14, applied at 2h30m instead
                       to: 2h30m
                     - at: 45m             # a command a seat could have sent (as in --inputs files)
                       actor: { role: blue, team: xs }
                       cmd: { type: action, action: isolate-host, target: { node: xs-dmz-web01 } }
  --policy FILE    replace a team's commands after T by rules (YAML or JSON):
                     team: xs
                     replace: true         # drop the team's played commands after T (default)
                     rules:
                       - { on: alert, severity: high, do: isolate-host, within: 10m }
                       - { on: time, at: 3h, do: emergency-patch, node: xs-dmz-web01 }
  --runs N         also sweep the branch over N re-seeded runs
  --seed S         first seed of the sweep (default 1)
  --workers K      worker threads of the sweep (default: the number of CPUs, at most the runs)
  -o, --output F   write the branch (played streams) as a log: its header names the parent log (hash),
                   T and the edits; 'ramparts replay F' replays it, and it can be branched again
  --json           print one JSON object: branch, comparison, sweep (report and comparison)
  --pin FILE       pin a finding about red objective --objective ID (with --note TEXT, the evaluator's
                   words) into FILE, a JSON list of findings with their branch files, created if
                   absent; 'ramparts export LOG --findings FILE' puts them in the AAR and the package

Progress of a sweep goes to stderr. Bad edits are located errors and nothing runs.
Exit status: 0 done, 1 invalid log, package or edits, or a failed run, 2 usage error.`;

const MAX_LOG_BYTES = 1024 * 1024 * 1024;
const MAX_RUNS = 1_000_000;

export const command: CliCommand = {
  summary: 'branch an exercise at a moment, change what was done, compare',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseCommandArgs(args, {
      at: { type: 'string' },
      drop: { type: 'string', multiple: true },
      edits: { type: 'string' },
      policy: { type: 'string' },
      runs: { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      pin: { type: 'string' },
      objective: { type: 'string' },
      note: { type: 'string' },
    });
    const pin = stringOpt(p, 'pin');
    const objective = stringOpt(p, 'objective');
    if ((pin === undefined) !== (objective === undefined)) throw new UsageError('--pin FILE and --objective ID go together');
    if (stringOpt(p, 'note') !== undefined && pin === undefined) throw new UsageError('--note goes with --pin');
    const [file] = positionals(p, ['LOG|PACKAGE']) as [string];
    const at = durationOpt(p, 'at');
    if (at === undefined) throw new UsageError('give the fork moment: --at DUR');
    const runs = intOpt(p, 'runs', 1, MAX_RUNS);
    const workersOpt = intOpt(p, 'workers', 1, 256);
    const seed = intOpt(p, 'seed') ?? 1;
    if (runs === undefined && (workersOpt !== undefined || p.values.seed !== undefined)) throw new UsageError('--workers and --seed are for a sweep: give --runs N');
    const out = stringOpt(p, 'output');
    const drops = (p.values.drop as unknown as string[] | undefined) ?? [];

    const read = await readInputFile(file, MAX_LOG_BYTES);
    if (!read.ok) {
      io.err(`${file}:1: ${read.message}`);
      return 1;
    }
    const text = new TextDecoder('utf-8').decode(read.bytes);
    const parsed = logFromFile(text, { events: false });
    if (!parsed.ok) {
      const errors = parsed.errors ?? [logError(1, parsed.message)];
      for (const e of errors) io.err(formatDiagnostic(file, e));
      io.err(`${file}: invalid log or package (${plural(errors.length, 'error')})`);
      return 1;
    }
    const loaded = await loadEdits(drops, stringOpt(p, 'edits'), stringOpt(p, 'policy'));
    if (!loaded.ok) {
      for (const d of loaded.errors) io.err(formatDiagnostic(d));
      io.err(`ramparts whatif: invalid edits (${plural(loaded.errors.length, 'error')}); nothing was run`);
      return 1;
    }
    const opened = openFork(parsed.log, { sha256: nativeSha256Hex });
    if (!opened.ok) {
      io.err(`${file}:${recordLines(text)[opened.record] ?? opened.record + 2}: ${opened.message}`);
      return 1;
    }
    const source = opened.source;
    if (at > source.replayer.endTime) {
      io.err(`--at: T+${formatDuration(at)} is after the end of the log (T+${formatDuration(source.replayer.endTime)})`);
      return 1;
    }
    const { edits } = loaded.loaded;
    const played = playedResult(source, nativeSha256Hex);
    const once = branchOnce(source, at, edits, played, nativeSha256Hex);
    if (!once.ok) {
      const located = locateIssues(loaded.loaded, once.issues);
      for (const d of located) io.err(formatDiagnostic(d));
      io.err(`ramparts whatif: invalid edits (${plural(located.length, 'error')}); nothing was run`);
      return 1;
    }
    const { run, result, comparison } = once.once;
    if (out !== undefined) await writeFile(out, serialiseLog(run.log));

    let sweep: { report: ReturnType<typeof aggregate>; comparison: ReturnType<typeof compareSweep>; workers: number; seconds: number } | undefined;
    if (runs !== undefined) {
      const seeds = Array.from({ length: runs }, (_, i) => seed + i);
      const workers = Math.min(workersOpt ?? availableParallelism(), runs);
      const started = Date.now();
      const progress = new Progress(io, runs, 'whatif');
      const job = { inputs: [], until: null, branch: branchSweepJob(source, at, edits) };
      const pool = await runPool({ scenario: parsed.log.header.scenario, compiled: source.replayer.compiled, job, seeds, workers, onProgress: (done) => progress.update(done) });
      if (!pool.ok) {
        io.err(`ramparts whatif: a run failed${pool.seed === null ? '' : ` (seed ${pool.seed})`}: ${pool.message}`);
        return 1;
      }
      const report = aggregate(source.replayer.compiled, pool.results, { untilMs: null, inputs: 0 });
      sweep = { report, comparison: compareSweep(played, report), workers, seconds: (Date.now() - started) / 1000 };
    }

    if (pin !== undefined && objective !== undefined) {
      const pinned = await pinTo(
        pin,
        {
          objective,
          branchLog: run.log,
          stateHash: result.stateHash,
          once: comparison,
          ...(sweep ? { sweep: { comparison: sweep.comparison, seed } } : {}),
          ...(stringOpt(p, 'note') !== undefined ? { note: stringOpt(p, 'note') as string } : {}),
        },
        io,
      );
      if (!pinned) return 1;
    }
    const header = run.log.header.branch;
    if (flag(p, 'json')) {
      io.out(
        JSON.stringify(
          {
            parent: source.hash,
            at,
            edits,
            output: out ?? null,
            branch: { stateHash: result.stateHash, events: result.events, simTimeMs: result.simTimeMs, applied: run.applied, refused: run.refused, reseeds: header?.reseeds ?? [] },
            played,
            result,
            comparison,
            sweep: sweep ? { report: sweep.report, comparison: sweep.comparison } : null,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const lines = [
      `What if: ${parsed.log.header.scenario.meta.id} (${file}) branched at T+${formatDuration(at)} with ${plural(edits.length, 'edit')}; parent ${source.hash.slice(0, 12)}`,
      `Branch (played random streams): ${plural(run.applied, 'command')} applied after T, ${run.refused.length} not applied; state hash ${result.stateHash}`,
      ...(out !== undefined ? [`Branch log written to ${out} (ramparts replay ${out})`] : []),
      '',
      ...onceLines(comparison, run.refused),
      ...(sweep ? [...sweepLines(sweep.comparison), '', `${sweep.workers} worker${sweep.workers === 1 ? '' : 's'}, ${sweep.seconds.toFixed(1)} s`] : []),
    ];
    io.out(lines.join('\n'));
    return 0;
  },
};
