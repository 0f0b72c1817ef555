/**
 * What-if findings an evaluator pins into the after-action report: "isolating xs-dmz-web01 at T+0:45
 * prevents obj-refinery-wiped in 87% of 200 runs (95% interval 82-91%)". A finding holds the numbers
 * of the statement (never the sentence: the report writes it in its reader's language) and its branch
 * file, the branch log with the played random streams, whose header names the parent log, T and the
 * edits: with the parent, `ramparts whatif PARENT --at T --edits ... --runs N --seed S` gives the
 * sweep again, and the branch file replays alone. Packages carry findings (checked on opening).
 */
import { type BranchEdit, createReplayer, logHash, parseLog, type RampartsLog, round4, serialiseLog, stateHash, type SweepComparison, type OnceComparison, wilson95 } from '../../engine/index.ts';

export interface WhatIfFinding {
  /** W1, W2, ... in the order they were pinned. */
  id: string;
  /** The fork moment and the edits (as in the branch file's header). */
  at: number;
  edits: BranchEdit[];
  /** The red objective the finding is about, and when red reached it as played (null: not reached). */
  objective: string;
  playedAt: number | null;
  /** Runs of the branch (1: once, with the played random streams), the first seed of a sweep, and in how many red reached the objective. */
  runs: number;
  seed: number | null;
  achieved: number;
  /** Share of the runs in which red reached it, and its 95% Wilson interval. */
  probability: number;
  ci95: [number, number];
  /** The evaluator's own words (optional). */
  note?: string;
  /** The branch file: its name, the state hash its replay ends on, and the log text. */
  branch: { fileName: string; stateHash: string; log: string };
}

/** A finding as the report holds it: the branch file named, not carried (the package carries it). */
export type WhatIfReported = Omit<WhatIfFinding, 'branch'> & { branch: Omit<WhatIfFinding['branch'], 'log'> };

export const reported = ({ branch: { log: _log, ...file }, ...f }: WhatIfFinding): WhatIfReported => ({ ...f, branch: file });

export interface PinInput {
  id: string;
  objective: string;
  branchLog: RampartsLog;
  /** The branch's final state hash (as runBranch ended it). */
  stateHash: string;
  once: OnceComparison;
  sweep?: { comparison: SweepComparison; seed: number };
  note?: string;
}

/** A finding from a what-if's results, or why not (an objective the scenario does not have). */
export function pinFinding(p: PinInput): { ok: true; finding: WhatIfFinding } | { ok: false; message: string } {
  const branch = p.branchLog.header.branch;
  if (!branch) return { ok: false, message: 'not a branch log: its header has no branch member' };
  const once = p.once.objectives.find((o) => o.id === p.objective);
  if (!once) return { ok: false, message: `no red objective "${p.objective}" (objectives: ${p.once.objectives.map((o) => o.id).join(', ')})` };
  const swept = p.sweep?.comparison.objectives.find((o) => o.id === p.objective);
  const reached = once.branch !== null ? 1 : 0;
  const numbers =
    swept && p.sweep
      ? { runs: p.sweep.comparison.runs, seed: p.sweep.seed, achieved: swept.achieved, probability: swept.probability, ci95: swept.ci95 }
      : { runs: 1, seed: null, achieved: reached, probability: reached, ci95: wilson95(reached, 1).map(round4) as [number, number] };
  return {
    ok: true,
    finding: {
      id: p.id,
      at: branch.at,
      edits: branch.edits,
      objective: p.objective,
      playedAt: once.played,
      ...numbers,
      ...(p.note !== undefined && p.note.trim() !== '' ? { note: p.note.trim() } : {}),
      branch: { fileName: `whatif-${p.id}.jsonl`, stateHash: p.stateHash, log: serialiseLog(p.branchLog) },
    },
  };
}

/**
 * Why a finding does not belong to the exercise of `parent`, or null: its branch file must be a branch
 * of that log (by logHash) and replay to the state hash it records.
 */
export function findingProblem(f: WhatIfFinding, parent: RampartsLog, sha256?: (text: string) => string): string | null {
  const parsed = parseLog(f.branch.log, { events: false });
  if (!parsed.ok) return `what-if finding ${f.id}: its branch file line ${parsed.errors[0]?.line ?? 1}: ${parsed.errors[0]?.message ?? 'invalid'}`;
  const b = parsed.log.header.branch;
  if (!b || b.parent !== logHash(parent, sha256)) return `what-if finding ${f.id}: its branch file is not a branch of this exercise's log`;
  const r = createReplayer(parsed.log, { snapshotEvery: Infinity, keepEvents: false });
  if (!r.ok) return `what-if finding ${f.id}: its branch file does not replay: ${r.message}`;
  if (stateHash(r.replayer.final(), sha256) !== f.branch.stateHash) return `what-if finding ${f.id}: its branch file does not replay to the state hash it records`;
  return null;
}
