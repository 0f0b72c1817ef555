/**
 * What a what-if branch is: a played exercise's log cut at a moment T, the state at T exactly as
 * played, then the played commands after T with edits. A branch is itself a log whose header names its
 * parent (by logHash), T and the edits (see docs/ENGINE.md, "What if: branches").
 */
import type { Severity } from '../scenario/vocabulary.ts';
import type { Command } from '../sim/commands.ts';
import type { PathSegment } from '../lib/diagnostic.ts';

/** A scripted policy rule: on each new alert of at least `severity`, do the action on its node `within` later (once per node). */
export interface AlertRule {
  on: 'alert';
  severity: Severity;
  do: string;
  within: number;
}
/** A scripted policy rule: do the action on `node` at `at`. */
export interface TimeRule {
  on: 'time';
  at: number;
  do: string;
  node: string;
}
export type PolicyRule = AlertRule | TimeRule;

/** A team's behaviour after T as rules; with `replace`, the team's played commands after T are dropped. */
export interface Policy {
  team: string;
  replace: boolean;
  rules: PolicyRule[];
}

/**
 * One edit of the played commands after T. Records are numbered as in the log's errors: record N is
 * line N + 1 of the parent log file (the header is line 1). Times are simulated ms from T+0.
 */
export type BranchEdit = { op: 'drop'; record: number } | { op: 'move'; record: number; to: number } | { op: 'add'; at: number; command: Command } | { op: 'policy'; policy: Policy };

/** A re-seeding of the random streams before record index `record` (0-based) of a log, with `seed` (engine/sim/rng.ts branchStreams). */
export interface Reseed {
  record: number;
  seed: number;
}

/** The `branch` member of a branch log's header. */
export interface BranchHeader {
  /** logHash of the parent log: its header and commands. */
  parent: string;
  /** The fork moment T. */
  at: number;
  /** Records of this log that rebuild the parent's state at T; the branch's own records follow. */
  prefix: number;
  /** Every re-seeding of the random streams in this log's history (a branch of a branch inherits its parent's). */
  reseeds: Reseed[];
  /** The edits, as checked. */
  edits: BranchEdit[];
}

/** What to branch: the moment, the edits, and the random streams after T (null: as played). */
export interface BranchSpec {
  at: number;
  edits: BranchEdit[];
  reseed: number | null;
}

/** One problem of a branch's edits, at its place (`[2, 'cmd', 'target', 'node']` is edits[2].cmd.target.node). */
export interface EditIssue {
  path: PathSegment[];
  message: string;
}
