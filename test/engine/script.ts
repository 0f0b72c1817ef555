/**
 * Scripted runs for determinism, replay and leak tests: a list of (time, command) applied in order with
 * advances between them, recorded as a ramparts log exactly as a server would record it.
 */
import type { ScenarioT } from '../../engine/scenario/schema/index.ts';
import { compileScenario, createExercise, logHeader, stateHash, step, type Command, type EngineEvent, type ExerciseState, type LogRecord, type RampartsLog } from '../../engine/index.ts';
import { blue, HOUR, MIN, SYSTEM, WHITE } from './fixtures.ts';

export interface Scripted {
  at: number;
  command: Command;
}
export interface Run {
  state: ExerciseState;
  events: EngineEvent[];
  log: RampartsLog;
  /** stateHash after each record, with the record's index and clock. */
  hashes: { record: number; clock: number; hash: string }[];
  refused: { command: Command; code: string }[];
  /** Called after each applied record (for views walked during the run). */
}

/** Runs a scenario: start, then each scripted command at its time (advancing to it), then advance to `until`. */
export function runScript(
  scenario: ScenarioT,
  seed: number,
  script: Scripted[],
  until: number,
  opts: { hashes?: boolean; onRecord?: (s: ExerciseState, events: EngineEvent[]) => void; mode?: 'headless' | 'tabletop' | 'realtime' } = {},
): Run {
  const state = createExercise(compileScenario(scenario), { seed, mode: opts.mode ?? 'headless' });
  const log: RampartsLog = { header: logHeader(scenario, seed, opts.mode ?? 'headless'), records: [] };
  const events: EngineEvent[] = [];
  const hashes: Run['hashes'] = [];
  const refused: Run['refused'] = [];
  const apply = (command: Command): void => {
    const t = state.clock;
    const r = step(state, command);
    if (!r.ok) {
      refused.push({ command, code: r.code });
      return;
    }
    events.push(...r.events);
    log.records.push({ t, command, events: r.events } satisfies LogRecord);
    if (opts.hashes) hashes.push({ record: log.records.length - 1, clock: state.clock, hash: stateHash(state) });
    opts.onRecord?.(state, r.events);
  };
  apply({ type: 'start', actor: WHITE });
  for (const x of [...script].sort((a, b) => a.at - b.at)) {
    if (state.phase === 'ended') break;
    if (x.at > state.clock) apply({ type: 'advance', to: x.at, actor: SYSTEM });
    apply(x.command);
  }
  if (state.phase !== 'ended' && until > state.clock) apply({ type: 'advance', to: until, actor: SYSTEM });
  return { state, events, log, hashes, refused };
}

/** A busy blue/white/red script over the base scenario: every kind of command at least once. */
export function busyScript(): Scripted[] {
  return [
    { at: 2 * MIN, command: { type: 'ack-inject', inject: 'welcome', actor: blue('kw') } },
    { at: 3 * MIN, command: { type: 'answer-inject', inject: 'welcome', text: 'SECRET-ANSWER-sa', actor: blue('sa') } },
    { at: 10 * MIN, command: { type: 'action', action: 'hunt', target: { segment: 'kw-corp' }, actor: blue('kw') } },
    { at: 12 * MIN, command: { type: 'speed', speed: 10, actor: WHITE } },
    { at: 15 * MIN, command: { type: 'sitrep', text: 'SECRET-SITREP-qa', severity: 'low', actor: blue('qa') } },
    { at: 50 * MIN, command: { type: 'request-assistance', to: 'sa', text: 'SECRET-HELP-kw', actor: blue('kw') } },
    { at: 51 * MIN, command: { type: 'grant-assistance', request: 'kw-H1', actor: blue('sa') } },
    { at: 52 * MIN, command: { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('sa') } },
    { at: 55 * MIN, command: { type: 'action', action: 'collect-forensics', target: { node: 'kw-web' }, actor: blue('kw') } },
    { at: 60 * MIN, command: { type: 'pause', actor: WHITE } },
    { at: 60 * MIN, command: { type: 'adjudicate', item: { kind: 'sitrep', id: 'qa-S1' }, grade: 75, comment: 'SECRET-GRADE-qa', actor: WHITE } },
    { at: 60 * MIN, command: { type: 'resume', actor: WHITE } },
    { at: 70 * MIN, command: { type: 'share-intel', partners: ['sa'], report: { title: 'SECRET-REPORT-kw-sa', text: 'c2', indicators: [], tlp: 'AMBER' }, actor: blue('kw') } },
    { at: 72 * MIN, command: { type: 'apply-intel', report: 'kw-R1', actor: blue('sa') } },
    { at: 80 * MIN, command: { type: 'action', action: 'block-indicator', target: { indicator: 'typed-by-qa.example' }, actor: blue('qa') } },
    {
      at: 90 * MIN,
      command: {
        type: 'adhoc-inject',
        inject: { title: 'SECRET-ADHOC-qa', to: ['qa'], channel: 'phone', from: { name: 'Minister' }, content: 'Call', evaluation: { expects: [{ action: 'sitrep', within: '30m' }] } },
        actor: WHITE,
      },
    },
    { at: 2 * HOUR, command: { type: 'action', action: 'restore-backup', target: { node: 'kw-web' }, actor: blue('kw') } },
    { at: 3 * HOUR, command: { type: 'action', action: 'patch', target: { node: 'sa-web' }, actor: blue('sa') } },
    { at: 4 * HOUR, command: { type: 'adjudicate', item: { kind: 'answer', inject: 'welcome', team: 'sa' }, grade: 90, actor: WHITE } },
    { at: 5 * HOUR, command: { type: 'action', action: 'isolate', target: { node: 'qa-ws' }, actor: blue('qa') } },
    { at: 5 * HOUR + 2 * MIN, command: { type: 'cancel-action', id: 'qa-X2', actor: blue('qa') } },
  ];
}
