/**
 * The fork point of a log at a moment T: the records that rebuild the state at T (the prefix, exactly
 * what the replayer's seek(T) applies), and the played records after T, which a branch replays with
 * its edits.
 *
 * "The played commands after T" are every record seek(T) does not apply: the records at times after
 * T, and an advance that crosses T, whose part after T (from T to where it went) is the first record
 * after T. So the clock's advances (the real-time driver's ticks and a headless run's moves, actor
 * system) are in it too: they drive the branch's time as they drove the exercise's, and are never
 * edited (a branch that drops a tick would stop the clock). Records at exactly T are in the prefix.
 */
import type { CompiledScenario } from '../compile/types.ts';
import type { Command } from '../sim/commands.ts';
import { hashValue } from '../lib/hash.ts';
import type { LogRecord, RampartsLog } from '../replay/log.ts';
import { restore } from '../replay/snapshot.ts';
import type { ExerciseState } from '../sim/state.ts';
import { createReplayer, type ReplayFailure, type Replayer } from '../replay/replayer.ts';

/** A played record after T: its number in the log (1-based, line N + 1 of the file), when it was applied, the command. */
export interface PlayedRecord {
  record: number;
  t: number;
  command: Command;
}

export interface ForkPoint {
  at: number;
  /** Records that rebuild the state at T: the log's own, with an advance crossing T cut at T. */
  prefix: LogRecord[];
  /** The played records after T, in order. */
  after: PlayedRecord[];
}

/**
 * The fork point of `log` at `at`, a moment from T+0 to the end of the log (where the clock of a
 * running exercise stands: every moment up to it is reached by a record, so the prefix needs no
 * advance of its own beyond the cut).
 */
export function forkPoint(log: RampartsLog, at: number): ForkPoint {
  const records = log.records;
  let i = 0;
  let crossing: LogRecord | undefined;
  for (; i < records.length; i++) {
    const r = records[i] as LogRecord;
    if (r.t > at) break;
    if (r.command.type === 'advance' && r.command.to > at) {
      crossing = r;
      break;
    }
  }
  const prefix = records.slice(0, i).map((r) => ({ t: r.t, command: r.command }));
  const after: PlayedRecord[] = [];
  if (crossing && crossing.command.type === 'advance') {
    if (crossing.t < at) prefix.push({ t: crossing.t, command: { ...crossing.command, to: at } });
    after.push({ record: i + 1, t: at, command: crossing.command });
    i++;
  }
  for (; i < records.length; i++) {
    const r = records[i] as LogRecord;
    after.push({ record: i + 1, t: r.t, command: r.command });
  }
  return { at, prefix, after };
}

/**
 * The identity of a log as a branch's parent: SHA-256 of the canonical JSON of its header and its
 * commands with their times (recorded events left out: replay regenerates them, and a log may be
 * written with or without them).
 */
export function logHash(log: RampartsLog, sha256?: (text: string) => string): string {
  return hashValue({ header: log.header, records: log.records.map((r) => [r.t, r.command]) }, sha256);
}

/** What a branch needs of its parent's replay: the scenario, the end of the log, and the state at T. */
export type ForkReplayer = Pick<Replayer, 'compiled' | 'endTime' | 'seek'>;

/** A log to branch from: its replay (or just the state at T) and its hash. */
export interface ForkSource {
  log: RampartsLog;
  replayer: ForkReplayer;
  hash: string;
}

/** An opened log: the replayer with its seek index and every played event. */
export interface OpenedFork extends ForkSource {
  replayer: Replayer;
}

/**
 * A fork source that knows only the state at T (a dynamic-part snapshot JSON, snapshot.ts): what a
 * sweep worker receives, so that each run starts at T instead of folding the log from T+0.
 */
export function forkAtState(log: RampartsLog, hash: string, compiled: CompiledScenario, endTime: number, at: number, stateJson: string): ForkSource {
  const seek = (t: number): ExerciseState => {
    if (t !== at) throw new Error(`this fork source holds the state at T+${at} ms only, not T+${t} ms`);
    return restore({ scenario: compiled, seq: 0, clock: at, json: stateJson });
  };
  return { log, hash, replayer: { compiled, endTime, seek } };
}

export interface OpenForkOptions {
  compiled?: CompiledScenario;
  /** A faster SHA-256 of the host (node:crypto), for the log hash. */
  sha256?: (text: string) => string;
  /** Keep every event of the played run (default true: the comparison's first divergence needs them). */
  keepEvents?: boolean;
  /** Snapshot spacing of the seek index (default the replayer's). */
  snapshotEvery?: number;
  /** Check each record's recorded events (as the timeline does when it opens a log). */
  verify?: boolean;
}

/** Opens a log for branching: one fold with snapshots (the seek index), as the evaluator's timeline opens it. */
export function openFork(log: RampartsLog, options: OpenForkOptions = {}): { ok: true; source: OpenedFork } | ReplayFailure {
  const made = createReplayer(log, {
    keepEvents: options.keepEvents ?? true,
    ...(options.verify ? { verify: true } : {}),
    ...(options.compiled ? { compiled: options.compiled } : {}),
    ...(options.snapshotEvery !== undefined ? { snapshotEvery: options.snapshotEvery } : {}),
  });
  if (!made.ok) return made;
  return { ok: true, source: { log, replayer: made.replayer, hash: logHash(log, options.sha256) } };
}
