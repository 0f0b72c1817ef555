/** What-if branches of a played exercise (docs/ENGINE.md, "What if: branches"). */
export type { BranchEdit, BranchHeader, BranchSpec, EditIssue, Policy, PolicyRule, AlertRule, TimeRule, Reseed } from './types.ts';
export { readEdits, readPolicy, readTime } from './edits.ts';
export { checkEdits, type EditContext } from './check.ts';
export { forkAtState, forkPoint, logHash, openFork, type ForkPoint, type ForkReplayer, type ForkSource, type OpenedFork, type OpenForkOptions, type PlayedRecord } from './fork.ts';
export { runBranch, type BranchOrigin, type BranchRefusal, type BranchResult, type BranchRun, type BranchRunOptions } from './run.ts';
export { firstDivergence, type Divergence } from './diverge.ts';
export { PolicyRunner, type PolicyCommand } from './policy.ts';
export {
  compareOnce,
  compareSweep,
  type OnceComparison,
  type SweepComparison,
  type ObjectiveOnce,
  type ObjectiveSweep,
  type TeamOnce,
  type TeamSweep,
  type TeamFigures,
  type Marked,
} from './compare.ts';
export { branchOnce, branchSweepJob, branchSweepRun, playedResult, type BranchOnce, type BranchSweepJob } from './sweep.ts';
