/**
 * `ramparts run SCENARIO [--seed S] [--until DUR] [--inputs FILE] [--log FILE] [--json]`: runs a
 * scenario headless to its end and prints a summary. Blue (and white, red, evaluators) act only
 * through the --inputs command file.
 */
import { writeFile } from 'node:fs/promises';
import { ContainmentTracker, TRACKED_EVENTS, formatDuration, formatSimTime, logHeader, outcomeOf, type RunOutcome, serialiseLog } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { durationOpt, flag, intOpt, parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { runScripted, type ScriptedRun } from '../headless.ts';
import type { CliCommand, CliIO } from '../io.ts';
import { loadInputs, loadScenario } from '../load-scenario.ts';
import { summaryLines } from '../summary.ts';

const HELP = `Usage: ramparts run SCENARIO [--seed S] [--until DUR] [--inputs FILE] [--log FILE] [--json]

Runs a scenario headless (as fast as the machine allows) from T+0 to its end and prints a summary:
simulated time, events, red objectives achieved, each blue team's score, detection and containment
figures, and the state hash. The same scenario, seed and inputs always give the same state hash.

Options:
  --seed S         random seed, a whole number (default: the scenario's meta.seed)
  --until DUR      stop at this simulated time instead of the end (90s, 45m, 8h, 1d2h)
  --inputs FILE    commands to apply during the run (see below); without it nobody acts but red
  --log FILE       write the run's log (JSON Lines: header, then one record per command) for
                   'ramparts replay' and 'ramparts export'
  --json           print one JSON object: stateHash, events, simTimeMs, scores, objectives, teams, inputs
  --strict         exit 1 when the engine refuses an input (default: report it and go on)

The inputs file (--inputs) is JSON Lines, one input per line (blank lines and # comments skipped):
  {"at": "45m", "actor": {"role": "blue", "team": "kw-csirt"}, "cmd": {"type": "action", "action": "isolate", "target": {"node": "kw-web-01"}}}
  {"at": "1h", "actor": {"role": "blue", "team": "kw-csirt"}, "cmd": {"type": "sitrep", "text": "Web server isolated", "severity": "high"}}
  {"at": 5400000, "actor": {"role": "white"}, "cmd": {"type": "adjudicate", "item": {"kind": "sitrep", "id": "kw-csirt-S1"}, "grade": 80}}
"at" is a duration from T+0 or simulated milliseconds; "cmd" is any engine command (action,
cancel-action, ack-inject, answer-inject, sitrep, share-intel, apply-intel, request-assistance,
grant-assistance, adjudicate, adhoc-inject, pause, resume, end, red-launch, red-hold, red-abort, rate, ...).
Inputs apply in time order (file order for equal times); the clock advances to each one's time
(while paused it stands still). A .json/.yaml file holding an array of such objects, or a ramparts
log (its recorded commands at their recorded times), is read too. Every problem in the file is
reported as FILE:LINE:COL: path: message before anything runs; commands the engine refuses during
the run are reported with their line.

Exit status: 0 done, 1 invalid scenario or inputs (or a refused input with --strict), 2 usage error.`;

interface RunArgs {
  file: string;
  seed?: number;
  until?: number;
  inputs?: string;
  log?: string;
  json: boolean;
  strict: boolean;
}

function parse(args: string[]): RunArgs {
  const p = parseCommandArgs(args, {
    seed: { type: 'string' },
    until: { type: 'string' },
    inputs: { type: 'string' },
    log: { type: 'string' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  });
  const [file] = positionals(p, ['SCENARIO']) as [string];
  const seed = intOpt(p, 'seed');
  const until = durationOpt(p, 'until');
  const inputs = stringOpt(p, 'inputs');
  const log = stringOpt(p, 'log');
  return {
    file,
    json: flag(p, 'json'),
    strict: flag(p, 'strict'),
    ...(seed !== undefined ? { seed } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(inputs ? { inputs } : {}),
    ...(log ? { log } : {}),
  };
}

export interface RunReport extends RunOutcome {
  stop: ScriptedRun['stop'];
  inputs: { applied: number; refused: ScriptedRun['refused']; notReached: number } | null;
  log: string | null;
}

export const command: CliCommand = {
  summary: 'run a scenario headless to the end and print a summary',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const a = parse(args);
    const loaded = await loadScenario(a.file, io);
    if (!loaded.ok) return 1;
    const { compiled, scenario } = loaded;
    const inputs = a.inputs === undefined ? [] : await loadInputs(a.inputs, compiled, io);
    if (!inputs) return 1;
    const seed = a.seed ?? compiled.meta.seed;
    const tracker = new ContainmentTracker(compiled);
    const run = runScripted(compiled, {
      seed,
      inputs,
      record: a.log !== undefined,
      observe: (events) => tracker.add(events),
      observeOnly: TRACKED_EVENTS,
      ...(a.until !== undefined ? { until: a.until } : {}),
    });
    if (a.log !== undefined) {
      try {
        await writeFile(a.log, serialiseLog({ header: logHeader(scenario, seed, 'headless'), records: run.records }));
      } catch (error) {
        io.err(`${a.log}: cannot write the log (${(error as { code?: string }).code ?? (error as Error).message})`);
        return 1;
      }
    }
    const outcome = outcomeOf(run.state, tracker, nativeSha256Hex);
    const report: RunReport = {
      ...outcome,
      stop: run.stop,
      inputs: a.inputs === undefined ? null : { applied: run.applied, refused: run.refused, notReached: run.notReached },
      log: a.log ?? null,
    };
    const inputsFile = a.inputs ?? '';
    for (const r of run.refused) io.err(`${inputsFile}:${r.line}: refused at ${formatSimTime(r.at)}: ${r.type}: ${r.code}: ${r.message}`);
    if (a.json) io.out(JSON.stringify(report, null, 2));
    else io.out(summaryLines(outcome, compiled, headline(report, a.file)).join('\n') + (a.log ? `\nLog: ${a.log}` : ''));
    return a.strict && run.refused.length > 0 ? 1 : 0;
  },
};

function headline(r: RunReport, file: string): string {
  const why = r.stop === 'ended' ? 'the exercise ended' : r.stop === 'until' ? 'stopped by --until' : 'left paused by an input';
  const inputs = r.inputs ? `; inputs: ${r.inputs.applied} applied, ${r.inputs.refused.length} refused${r.inputs.notReached > 0 ? `, ${r.inputs.notReached} after --until` : ''}` : '';
  return `${file} (${r.scenario}), seed ${r.seed}: ${formatSimTime(r.simTimeMs)} (${formatDuration(r.simTimeMs)}), ${why}${inputs}`;
}
