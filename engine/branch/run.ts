/**
 * Running a branch: the state at T from the seek index, then the played records after T (forkPoint)
 * without the dropped and moved ones, with the added, moved and policy commands inserted at their
 * times. Where an inserted command goes:
 *
 * - at a time t inside a played advance, the advance is cut at t, the command applied, the advance
 *   goes on (an advance in parts gives the state of the whole, which is what seek relies on);
 * - at a time the clock stands at, after the played records of that time and before the next record
 *   that moves the clock (an advance, a jump), as if it arrived last at that moment;
 * - at a time the branch's clock jumps over, or never reaches, it is not applied and is reported.
 *
 * A played or inserted command the engine refuses in the branch (the node is now isolated, the
 * exercise has ended) is left out and reported; the branch goes on. With a policy, advances go from
 * one scheduled item to the next so the policy answers each alert at its time.
 *
 * The result is a log: the prefix (the parent's records up to T, an advance crossing T cut at T), then
 * every command the branch applied, with a header naming the parent, T, the edits and the re-seedings.
 */
import type { Command } from '../sim/commands.ts';
import type { EngineErrorCode, EngineEvent } from '../sim/events.ts';
import type { ExerciseState } from '../sim/state.ts';
import { step, stepCounted } from '../sim/step.ts';
import { nextEventTime } from '../sim/time.ts';
import { branchStreams } from '../sim/rng.ts';
import type { LogRecord, RampartsLog } from '../replay/log.ts';
import { checkEdits } from './check.ts';
import { forkPoint, type ForkSource, type PlayedRecord } from './fork.ts';
import { PolicyRunner } from './policy.ts';
import type { BranchSpec, EditIssue, Reseed } from './types.ts';

/** Where a command of the branch came from: a played record, an added or moved one, a policy rule, or the clock run on to a command due after the played records. */
export type BranchOrigin =
  | { kind: 'played'; record: number }
  | { kind: 'clock' }
  | { kind: 'moved'; record: number; edit: number }
  | { kind: 'added'; edit: number }
  | { kind: 'policy'; edit: number; rule: number };

/** A command the branch could not apply: refused by the engine, or due at a time its clock never stood at. */
export interface BranchRefusal {
  origin: BranchOrigin;
  at: number;
  type: Command['type'];
  code: EngineErrorCode | 'NOT_REACHED';
  message: string;
}

export interface BranchRunOptions {
  /** Keep each branch record's events in the log and in `events` (default true). */
  keepEvents?: boolean;
  /** Called after every applied command of the branch with its events and the state (read it, never change it). */
  observe?: (events: readonly EngineEvent[], state: ExerciseState) => void;
  /**
   * Without `keepEvents` and without policy edits (whose rules read every event): `observe` is given
   * only the events of these types, and the engine counts the others instead of building them, as in
   * runHeadless's observeOnly (a what-if sweep's tracker reads node states only).
   */
  observeOnly?: readonly string[];
}

export interface BranchRun {
  log: RampartsLog;
  /** The state at T the branch started from (a copy), and the state it ended in. */
  start: { seq: number; clock: number };
  state: ExerciseState;
  /** The branch's events after T (when kept). */
  events: EngineEvent[];
  refused: BranchRefusal[];
  applied: number;
}

export type BranchResult = { ok: true; run: BranchRun } | { ok: false; issues: EditIssue[] };

interface Insertion {
  at: number;
  command: Command;
  origin: BranchOrigin;
  n: number;
}

const movesClock = (c: Command): boolean => c.type === 'jump' || c.type === 'move' || c.type === 'jump-to-next-inject';

/** Runs a branch of `source` (see the module comment). Bad edits: every issue, and nothing runs. */
export function runBranch(source: ForkSource, spec: BranchSpec, options: BranchRunOptions = {}): BranchResult {
  const { log, replayer } = source;
  const keep = options.keepEvents ?? true;
  if (!Number.isSafeInteger(spec.at) || spec.at < 0 || spec.at > replayer.endTime) {
    return { ok: false, issues: [{ path: ['at'], message: `the fork moment must be from T+0 to the end of the log (T+${replayer.endTime} ms)` }] };
  }
  const fp = forkPoint(log, spec.at);
  const issues = checkEdits(spec.edits, { compiled: replayer.compiled, at: spec.at, endTime: replayer.endTime, records: log.records.length, after: fp.after });
  if (issues.length > 0) return { ok: false, issues };

  const dropped = new Set<number>();
  const insertions: Insertion[] = [];
  let n = 0;
  const insert = (x: Omit<Insertion, 'n'>): void => {
    const item = { ...x, n: n++ };
    let i = insertions.length;
    while (i > 0 && (insertions[i - 1] as Insertion).at > item.at) i--;
    insertions.splice(i, 0, item);
  };
  const byRecord = new Map(fp.after.map((r) => [r.record, r]));
  const policies: { runner: PolicyRunner; edit: number }[] = [];
  spec.edits.forEach((e, i) => {
    if (e.op === 'drop') dropped.add(e.record);
    else if (e.op === 'move') {
      dropped.add(e.record);
      insert({ at: e.to, command: (byRecord.get(e.record) as PlayedRecord).command, origin: { kind: 'moved', record: e.record, edit: i } });
    } else if (e.op === 'add') insert({ at: e.at, command: e.command, origin: { kind: 'added', edit: i } });
    else {
      if (e.policy.replace) {
        for (const r of fp.after) if (r.command.actor.role === 'blue' && r.command.actor.team === e.policy.team) dropped.add(r.record);
      }
      policies.push({ runner: new PolicyRunner(e.policy), edit: i });
    }
  });

  const state = replayer.seek(spec.at);
  const start = { seq: state.seq, clock: state.clock };
  // Re-seedings of the parent's history (when it is itself a branch): those within the prefix stay where
  // they are; later ones are part of the played history after T and happen again at their records,
  // unless this branch re-seeds the streams itself at T (then everything random after T is drawn anew).
  const parentRecords = log.records.length;
  const reached = fp.prefix.length;
  const inherited = log.header.branch?.reseeds ?? [];
  const reseeds: Reseed[] = inherited.filter((x) => x.record < reached);
  const later = new Map(spec.reseed === null ? inherited.filter((x) => x.record >= reached).map((x) => [x.record, x.seed]) : []);
  if (spec.reseed !== null) {
    state.rng = branchStreams(spec.reseed);
    reseeds.push({ record: reached, seed: spec.reseed });
  }
  const records: LogRecord[] = [...fp.prefix];
  /** Re-seeds the streams before the branch's next record as the parent did before its record `index`. */
  const replayReseed = (index: number): void => {
    const seed = later.get(index);
    if (seed === undefined) return;
    state.rng = branchStreams(seed);
    if (reseeds.at(-1)?.record === records.length) reseeds.pop();
    reseeds.push({ record: records.length, seed });
  };
  const events: EngineEvent[] = [];
  const refused: BranchRefusal[] = [];
  let applied = 0;

  const only = !keep && options.observeOnly && policies.length === 0 ? new Set(options.observeOnly) : undefined;
  const apply = (command: Command, origin: BranchOrigin): boolean => {
    const t = state.clock;
    const r = only ? stepCounted(state, command, only) : step(state, command);
    if (!r.ok) {
      refused.push({ origin, at: t, type: command.type, code: r.code, message: r.message });
      return false;
    }
    applied++;
    records.push(keep ? { t, command, events: r.events } : { t, command });
    if (keep) for (const e of r.events) events.push(e);
    options.observe?.(r.events, state);
    for (const p of policies) for (const c of p.runner.react(r.events)) insert({ at: c.at, command: c.command, origin: { kind: 'policy', edit: p.edit, rule: c.rule } });
    return true;
  };
  for (const p of policies) for (const c of p.runner.scheduled(spec.at)) insert({ at: c.at, command: c.command, origin: { kind: 'policy', edit: p.edit, rule: c.rule } });

  /** Applies the insertions due at or before the clock (the clock is about to move, or the branch ends). */
  const flush = (): void => {
    while (insertions.length > 0 && (insertions[0] as Insertion).at <= state.clock) {
      const x = insertions.shift() as Insertion;
      if (x.at < state.clock)
        refused.push({
          origin: x.origin,
          at: x.at,
          type: x.command.type,
          code: 'NOT_REACHED',
          message: `the branch's clock went from before T+${x.at} ms to T+${state.clock} ms without stopping there (a jump)`,
        });
      else apply(x.command, x.origin);
    }
  };
  /** Advances to `target`, stopping at every insertion on the way (and at every scheduled item when a policy listens). */
  const advanceTo = (target: number, actor: Command['actor'], origin: BranchOrigin): void => {
    flush();
    while (state.clock < target) {
      let next = target;
      const first = insertions[0];
      if (first && first.at < next) next = first.at;
      if (policies.length > 0) {
        const due = nextEventTime(state);
        if (due !== null && due > state.clock && due < next) next = due;
      }
      if (!apply({ type: 'advance', to: next, actor } as Command, origin)) return;
      if (state.clock < target) flush();
    }
  };

  for (const r of fp.after) {
    replayReseed(r.record - 1);
    if (dropped.has(r.record)) continue;
    const origin: BranchOrigin = { kind: 'played', record: r.record };
    const c = r.command;
    if (c.type === 'advance' && c.to > state.clock) advanceTo(c.to, c.actor, origin);
    else if (movesClock(c)) {
      flush();
      apply(c, origin);
    } else apply(c, origin);
  }
  replayReseed(parentRecords);
  flush();
  while (insertions.length > 0 && state.phase === 'running' && (insertions[0] as Insertion).at <= replayer.endTime) {
    advanceTo((insertions[0] as Insertion).at, { role: 'system' }, { kind: 'clock' });
    flush();
  }
  for (const x of insertions.splice(0)) {
    refused.push({
      origin: x.origin,
      at: x.at,
      type: x.command.type,
      code: 'NOT_REACHED',
      message: `the branch's clock never reached T+${x.at} ms (it stopped at T+${state.clock} ms, ${state.phase})`,
    });
  }

  const header = { ...log.header, branch: { parent: source.hash, at: spec.at, prefix: fp.prefix.length, reseeds, edits: spec.edits } };
  return { ok: true, run: { log: { header, records }, start, state, events, refused, applied } };
}
