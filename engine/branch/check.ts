/**
 * What a branch's edits mean for the exercise, checked before anything runs: every problem at its
 * place, and a branch with one problem does not run at all.
 *
 * - drop and move name a played record after T (not one of the prefix, not the clock's own advances,
 *   each record at most once);
 * - move, add and policy times are not before T and not after the end of the log;
 * - an added command is one a seat could have sent: the engine's one command check (`checkCommand`,
 *   as the server runs it on what a seat sends), a seat's role (never the server's `system`), and a
 *   blue team of this exercise; what depends on the moment (the node is reachable, the phase allows it)
 *   is the engine's to refuse while the branch runs, and the branch reports it;
 * - a policy names a blue team (one policy per team), actions of the scenario that act on a node, and
 *   nodes of the scenario.
 */
import type { CompiledScenario } from '../compile/types.ts';
import { checkCommand } from '../sim/check.ts';
import { ACTION_TARGETS } from '../scenario/vocabulary.ts';
import { formatDuration } from '../time/duration.ts';
import type { PathSegment } from '../lib/diagnostic.ts';
import type { PlayedRecord } from './fork.ts';
import type { BranchEdit, EditIssue, PolicyRule } from './types.ts';

export interface EditContext {
  compiled: CompiledScenario;
  at: number;
  /** Simulated time at the end of the parent log. */
  endTime: number;
  /** Records of the parent log. */
  records: number;
  /** The played records after T (forkPoint). */
  after: readonly PlayedRecord[];
}

const when = (ms: number): string => `T+${formatDuration(ms)}`;

function checkTime(t: number, path: PathSegment[], ctx: EditContext, issues: EditIssue[]): void {
  if (t < ctx.at) issues.push({ path, message: `${when(t)} is before the fork at ${when(ctx.at)}: a branch changes only what comes after it` });
  else if (t > ctx.endTime) issues.push({ path, message: `${when(t)} is after the end of the log (${when(ctx.endTime)})` });
}

function checkRule(rule: PolicyRule, path: PathSegment[], ctx: EditContext, issues: EditIssue[]): void {
  const action = ctx.compiled.actions.get(rule.do);
  if (!action) issues.push({ path: [...path, 'do'], message: `no action "${rule.do}" in the scenario (actions: ${[...ctx.compiled.actions.keys()].join(', ')})` });
  else if (ACTION_TARGETS[action.kind] !== 'node') issues.push({ path: [...path, 'do'], message: `"${rule.do}" (${action.kind}) does not act on a node; a policy rule acts on a node` });
  if (rule.on === 'alert') checkTime(ctx.at + rule.within, [...path, 'within'], { ...ctx, endTime: Number.MAX_SAFE_INTEGER }, issues);
  else {
    checkTime(rule.at, [...path, 'at'], ctx, issues);
    if (!ctx.compiled.nodeIndex.has(rule.node)) issues.push({ path: [...path, 'node'], message: `no node "${rule.node}" in the scenario` });
  }
}

/** Every problem of the edits; [] when the branch may run. Paths start with the edit's index. */
export function checkEdits(edits: readonly BranchEdit[], ctx: EditContext): EditIssue[] {
  const issues: EditIssue[] = [];
  const after = new Map(ctx.after.map((r) => [r.record, r]));
  const first = ctx.after[0]?.record ?? ctx.records + 1;
  const used = new Map<number, number>();
  const policies = new Set<string>();
  const blue = new Set(ctx.compiled.blue.map((b) => b.id));
  edits.forEach((edit, i) => {
    if (edit.op === 'drop' || edit.op === 'move') {
      const path: PathSegment[] = [i, edit.op];
      const r = after.get(edit.record);
      if (edit.record > ctx.records) issues.push({ path, message: `no record ${edit.record}: the log has ${ctx.records} records` });
      else if (!r || edit.record < first) issues.push({ path, message: `record ${edit.record} is before the fork at ${when(ctx.at)}: it is part of the state at T` });
      else if (r.command.actor.role === 'system') issues.push({ path, message: `record ${edit.record} is the clock's ${r.command.type} (the server's), not a command a seat sent: it stays` });
      else if (used.has(edit.record)) issues.push({ path, message: `record ${edit.record} is already edited by edit ${(used.get(edit.record) as number) + 1}` });
      else used.set(edit.record, i);
      if (edit.op === 'move') checkTime(edit.to, [i, 'to'], ctx, issues);
      return;
    }
    if (edit.op === 'add') {
      checkTime(edit.at, [i, 'at'], ctx, issues);
      const { actor, ...body } = edit.command as unknown as Record<string, unknown>;
      const checked = checkCommand(actor, body);
      if (!checked.ok) {
        for (const x of checked.issues) issues.push({ path: x.path[0] === 'actor' ? [i, ...x.path] : [i, 'cmd', ...x.path], message: x.message });
        if (checked.issues.length === 0) issues.push({ path: [i, 'cmd'], message: checked.message });
        return;
      }
      const a = checked.command.actor;
      if (a.role === 'system') issues.push({ path: [i, 'actor', 'role'], message: 'a branch adds what a seat could have sent; "system" is the server, not a seat' });
      else if (a.role === 'blue' && !blue.has(a.team)) issues.push({ path: [i, 'actor', 'team'], message: `"${a.team}" is not a blue team of this exercise (teams: ${[...blue].join(', ')})` });
      return;
    }
    const p = edit.policy;
    if (!blue.has(p.team)) issues.push({ path: [i, 'policy', 'team'], message: `"${p.team}" is not a blue team of this exercise (teams: ${[...blue].join(', ')})` });
    else if (policies.has(p.team)) issues.push({ path: [i, 'policy', 'team'], message: `a second policy for "${p.team}": one policy per team` });
    policies.add(p.team);
    p.rules.forEach((rule, k) => checkRule(rule, [i, 'policy', 'rules', k], ctx, issues));
  });
  return issues;
}
