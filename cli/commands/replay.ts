/**
 * `ramparts replay LOG|PACKAGE [--at DUR] [--json] [--verify]`: rebuilds the state of a recorded
 * exercise from its log (or an exercise package) at any moment and prints the same summary as
 * `ramparts run` (same JSON shape), with the state hash the live exercise had then.
 */
import { ContainmentTracker, createReplayer, formatDiagnostic, formatDuration, formatSimTime, logError, outcomeOf, type RunOutcome, stateHash } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { logFromFile } from '../../interchange/index.ts';
import { durationOpt, flag, parseCommandArgs, positionals } from '../args.ts';
import { recordLines } from '../inputs.ts';
import type { CliCommand, CliIO } from '../io.ts';
import { readInputFile } from '../load-scenario.ts';
import { summaryLines } from '../summary.ts';

const HELP = `Usage: ramparts replay LOG|PACKAGE [--at DUR] [--json] [--verify]

Rebuilds the state of an exercise from its log (written by 'ramparts run --log' or by the server),
or from an exercise package ('ramparts export --format package'), and prints the summary of that
moment: simulated time, events, red objectives, each blue team's score, detection and containment
figures, and the state hash, which equals the live exercise's. A package's replay must end on the
state hash it records; it is checked.

Options:
  --at DUR     the moment to rebuild, from T+0 (90s, 45m, 8h, 1d2h); default: the end of the log.
               Past the end of the log gives the final state.
  --json       print one JSON object: stateHash, events, simTimeMs, scores, objectives, teams, at
  --verify     also check that every record reproduces the events recorded with it

Exit status: 0 rebuilt, 1 the log or package is invalid or does not reproduce, 2 usage error.`;

/** Largest log read. */
const MAX_LOG_BYTES = 1024 * 1024 * 1024;

export interface ReplayReport extends RunOutcome {
  /** The moment asked for (null: the end of the log) and the end of the log. */
  at: number | null;
  endTimeMs: number;
}

export const command: CliCommand = {
  summary: 'rebuild the state from a log at any moment',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseCommandArgs(args, { at: { type: 'string' }, json: { type: 'boolean' }, verify: { type: 'boolean' } });
    const [file] = positionals(p, ['LOG|PACKAGE']) as [string];
    const at = durationOpt(p, 'at');
    const read = await readInputFile(file, MAX_LOG_BYTES);
    if (!read.ok) {
      io.err(`${file}:1: ${read.message}`);
      return 1;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch {
      io.err(`${file}:1: the file is not UTF-8 text`);
      return 1;
    }
    // Recorded events are decoded only to verify them: replay regenerates them.
    const parsed = logFromFile(text, { events: flag(p, 'verify') });
    if (!parsed.ok) {
      const errors = parsed.errors ?? [logError(1, parsed.message)];
      for (const e of errors) io.err(formatDiagnostic(file, e));
      io.err(`${file}: invalid log or package (${errors.length} error${errors.length === 1 ? '' : 's'})`);
      return 1;
    }
    // One answer wanted: no seek snapshots (a seek from the start costs at most one more fold).
    const r = createReplayer(parsed.log, { verify: flag(p, 'verify'), snapshotEvery: Infinity });
    if (!r.ok) {
      io.err(`${file}:${recordLines(text)[r.record] ?? r.record + 2}: ${r.message}`);
      return 1;
    }
    const replayer = r.replayer;
    if (parsed.kind === 'package') {
      const recorded = parsed.package.final.stateHash;
      if (stateHash(replayer.final(), nativeSha256Hex) !== recorded) {
        io.err(`${file}: the package's log does not replay to the state hash it records (${recorded}): the engine or the package differs`);
        return 1;
      }
    }
    const state = at === undefined ? replayer.final() : replayer.seek(at);
    const tracker = new ContainmentTracker(replayer.compiled);
    tracker.add(replayer.events.filter((e) => e.seq <= state.seq));
    const outcome = outcomeOf(state, tracker, nativeSha256Hex);
    const report: ReplayReport = { ...outcome, at: at ?? null, endTimeMs: replayer.endTime };
    if (flag(p, 'json')) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    const moment = at !== undefined && at > replayer.endTime ? `--at ${formatDuration(at)} is past the end of the log: final state, ` : '';
    const headline = `${file} (${outcome.scenario}), seed ${outcome.seed}: ${moment}at ${formatSimTime(state.clock)}, phase ${state.phase}; the log ends at ${formatSimTime(replayer.endTime)}`;
    io.out(summaryLines(outcome, replayer.compiled, headline).join('\n'));
    return 0;
  },
};
