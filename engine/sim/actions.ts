/**
 * Blue response actions from the catalog: authorisation (a team acts on its own nodes, or on another
 * team's under a granted assistance), the action lifecycle, success draws, and effects.
 */
import type { CAction, CNode, CSegment } from '../compile/types.ts';
import { actionNext } from '../machines/index.ts';
import type { ActionTargetT } from './commands.ts';
import { type Ctx, team } from './ctx.ts';
import type { Audience } from './events.ts';
import { enqueue } from './queue.ts';
import type { ActionRt, ExerciseState, NodeRt, TeamRt } from './state.ts';
import { meetExpectations } from './injects.ts';
import { type Refusal, refuse } from './refusal.ts';
import { actionEffect } from './effects.ts';
import { own } from '../lib/own.ts';
import { touchAction } from './changes.ts';

const NODE_KINDS = new Set(['isolate', 'reconnect', 'patch', 'reset-credentials', 'restore-backup', 'collect-forensics']);
const MESSAGE_KINDS: Record<string, string> = {
  'share-intel': 'share-intel',
  'request-assistance': 'request-assistance',
  'grant-assistance': 'grant-assistance',
  sitrep: 'sitrep',
  'respond-inject': 'answer-inject',
};

/** Whether `teamId` may act on things owned by `owner` now (itself, or under a granted assistance). */
export function mayActFor(s: ExerciseState, teamId: string, owner: string): boolean {
  if (teamId === owner) return true;
  const until = own((own(s.teams, teamId) as TeamRt).grants, owner);
  return until !== undefined && until > s.clock;
}

interface Plan {
  duration: number;
  owner: string;
}

/**
 * The latest node action per (kind, node), so that "is one already in progress?" is a lookup instead
 * of a scan of every action ever requested (that scan was 70% of a replay with blue inputs). It is
 * derived data, kept outside the hashed state: rebuilt from `s.actions` for a state it has not seen
 * (restored, cloned), and the action record stays the authority on whether it is still in progress.
 * Node actions only start through requestAction after this check, so at most one per key is in
 * progress and it is always the latest.
 */
const latestNodeAction = new WeakMap<ExerciseState, Map<string, string>>();

function nodeActionIndex(s: ExerciseState): Map<string, string> {
  let index = latestNodeAction.get(s);
  if (!index) {
    index = new Map();
    for (const a of Object.values(s.actions)) {
      if (NODE_KINDS.has(a.kind) && a.target.node !== undefined) index.set(`${a.kind}\u0000${a.target.node}`, a.id);
    }
    latestNodeAction.set(s, index);
  }
  return index;
}

/**
 * Gives a copy of `from` (see replay/clone.ts) the index of `from`, reduced to the actions still in
 * progress (the only entries whose answer matters), so that a snapshot or a seek does not rebuild it
 * by a scan of every action ever requested (a third of a seek's time on a 100k-event log).
 */
export function carryNodeActionIndex(from: ExerciseState, to: ExerciseState): void {
  const carried = nodeActionsInProgress(from);
  if (carried) latestNodeAction.set(to, carried);
}

/**
 * The index of `from` reduced to the actions in progress (undefined when `from` has none yet): what
 * carryNodeActionIndex gives a copy. A replay snapshot keeps it with the copies of those actions only
 * (engine/replay/freeze.ts) and gives it to a stand-in state with `adoptNodeActionIndex`.
 */
export function nodeActionsInProgress(from: ExerciseState): Map<string, string> | undefined {
  const index = latestNodeAction.get(from);
  if (!index) return undefined;
  const carried = new Map<string, string>();
  for (const [key, id] of index) if (own(from.actions, id)?.s === 'inProgress') carried.set(key, id);
  return carried;
}

/** Gives `to` an index made by nodeActionsInProgress; every id in it must be an action of `to` in progress. */
export function adoptNodeActionIndex(to: ExerciseState, index: Map<string, string>): void {
  latestNodeAction.set(to, index);
}

/**
 * An action that left progress no longer answers inProgressOn (which reads the record's status): its
 * entry is dropped, so the index holds the actions in progress only and a replay snapshot, which
 * keeps those (nodeActionsInProgress), does not walk every node action ever requested (7,951 actions
 * on the 107k-event benchmark log).
 */
function dropSettled(s: ExerciseState, a: ActionRt): void {
  if (a.s === 'inProgress' || !NODE_KINDS.has(a.kind) || a.target.node === undefined) return;
  const index = latestNodeAction.get(s);
  const key = `${a.kind}\u0000${a.target.node}`;
  if (index !== undefined && index.get(key) === a.id) index.delete(key);
}

function inProgressOn(s: ExerciseState, kind: string, node: string): boolean {
  const id = nodeActionIndex(s).get(`${kind}\u0000${node}`);
  return id !== undefined && own(s.actions, id)?.s === 'inProgress';
}

/** Whether the team's view shows segment `gi` (it owns it or relies on it as shared infrastructure). */
function seesSegment(s: ExerciseState, teamId: string, gi: number): boolean {
  const bi = s.scenario.blueIndex.get(teamId);
  const bt = bi === undefined ? undefined : s.scenario.blue[bi];
  return bt !== undefined && (bt.owns.includes(gi) || bt.sharedIn.includes(gi));
}

/**
 * The refusal for a node or segment the team may not act on and cannot see: word for word the one
 * for an id that does not exist, so that a team cannot learn other nations' hosts by trying ids.
 */
const unseen = (what: 'node' | 'segment', id: string): Refusal => refuse('NOT_FOUND', `no ${what} "${id}" that your team can act on`);

function planNodeAction(s: ExerciseState, teamId: string, def: CAction, target: ActionTargetT): Plan | Refusal {
  if (target.node === undefined) return refuse('BAD_COMMAND', `a ${def.kind} action needs target.node`);
  const ni = s.scenario.nodeIndex.get(target.node);
  if (ni === undefined) return unseen('node', target.node);
  const c = s.scenario.nodes[ni] as CNode;
  const n = s.nodes[ni] as NodeRt;
  if (!mayActFor(s, teamId, c.owner)) {
    if (!seesSegment(s, teamId, c.segment)) return unseen('node', target.node);
    return refuse('FORBIDDEN', `node "${target.node}" is shared infrastructure owned by ${c.owner}: only its owner acts on it; request assistance`);
  }
  let duration = def.duration;
  switch (def.kind) {
    case 'isolate':
      if (n.network === 'isolated') return refuse('CONFLICT', `node "${target.node}" is already isolated`);
      break;
    case 'reconnect':
      if (n.network === 'connected') return refuse('CONFLICT', `node "${target.node}" is not isolated`);
      break;
    case 'patch': {
      const open = c.vulns.filter((v) => own(n.patched, v.id) === undefined);
      if (open.length === 0) return refuse('CONFLICT', `node "${target.node}" has no unpatched vulnerability`);
      duration = Math.max(...open.map((v) => v.patchTime ?? def.duration));
      break;
    }
    case 'restore-backup':
      if (!c.backup) return refuse('CONFLICT', `node "${target.node}" has no backup to restore from`);
      duration = c.backup.restoreTime;
      break;
    default:
      break;
  }
  if (inProgressOn(s, def.kind, target.node)) return refuse('CONFLICT', `a ${def.kind} action on "${target.node}" is already in progress`);
  return { duration, owner: c.owner };
}

function plan(s: ExerciseState, teamId: string, def: CAction, target: ActionTargetT): Plan | Refusal {
  if (NODE_KINDS.has(def.kind)) return planNodeAction(s, teamId, def, target);
  if (def.kind === 'hunt') {
    if (target.segment === undefined) return refuse('BAD_COMMAND', 'a hunt action needs target.segment');
    const gi = s.scenario.segmentIndex.get(target.segment);
    if (gi === undefined) return unseen('segment', target.segment);
    const owner = (s.scenario.segments[gi] as CSegment).owner;
    if (!mayActFor(s, teamId, owner)) {
      if (!seesSegment(s, teamId, gi)) return unseen('segment', target.segment);
      return refuse('FORBIDDEN', `segment "${target.segment}" is shared infrastructure owned by ${owner}: only its owner hunts there; request assistance`);
    }
    return { duration: def.duration, owner };
  }
  if (def.kind === 'block-indicator') {
    if (target.indicator === undefined) return refuse('BAD_COMMAND', 'a block-indicator action needs target.indicator (the value to block)');
    return { duration: def.duration, owner: teamId };
  }
  return refuse('BAD_COMMAND', `"${def.id}" is a ${def.kind} action: send the ${MESSAGE_KINDS[def.kind] ?? def.kind} command instead`);
}

/** Starts an action; it completes after its duration (at once when the duration is 0). */
export function requestAction(ctx: Ctx, teamId: string, defId: string, target: ActionTargetT): Refusal | void {
  const s = ctx.state;
  const def = s.scenario.actions.get(defId);
  if (!def) return refuse('NOT_FOUND', `no action "${defId}" in the catalog`);
  const p = plan(s, teamId, def, target);
  if ('code' in p) return p;
  startAction(ctx, teamId, def, def.kind, target, p.duration, p.owner);
}

/** Creates an action record, emits its request, and schedules (or performs) its completion. */
export function startAction(ctx: Ctx, teamId: string, def: CAction, kind: ActionRt['kind'], target: ActionTargetT, duration: number, owner: string, report: string | null = null): ActionRt {
  const s = ctx.state;
  const t = own(s.teams, teamId) as TeamRt;
  const id = `${teamId}-X${++t.counters.action}`;
  const a: ActionRt = {
    id,
    team: teamId,
    def: def.id,
    kind,
    target: { ...target },
    s: 'requested',
    requestedAt: s.clock,
    due: s.clock + duration,
    endedAt: null,
    result: null,
    onBehalfOf: owner === teamId ? null : owner,
    report,
  };
  a.s = actionNext(a.s, 'START') ?? a.s;
  touchAction(s, id);
  s.actions[id] = a;
  t.actions.push(id);
  if (NODE_KINDS.has(kind) && a.target.node !== undefined) nodeActionIndex(s).set(`${kind}\u0000${a.target.node}`, id);
  ctx.emit('action.requested', `blue:${teamId}`, { id, team: teamId, action: def.id, kind, target: a.target, report, due: a.due, onBehalfOf: a.onBehalfOf }, actionAudience(a));
  if (duration === 0) completeAction(ctx, id);
  else enqueue(s, { id, k: 'action', n: s.n++, t: a.due });
  return a;
}

export function actionAudience(a: ActionRt): Audience[] {
  return a.onBehalfOf === null ? [team(a.team)] : [team(a.team), team(a.onBehalfOf)];
}

/** An action's time is up: success draw (always drawn), then its effect. */
export function completeAction(ctx: Ctx, id: string): void {
  const s = ctx.state;
  const a = own(s.actions, id);
  if (a?.s !== 'inProgress') return;
  const def = s.scenario.actions.get(a.def) as CAction;
  const u = ctx.draws.next('actions');
  touchAction(s, id);
  a.endedAt = s.clock;
  if (u >= def.success) {
    a.s = actionNext(a.s, 'FAIL') ?? a.s;
    dropSettled(s, a);
    a.result = 'the action did not work; try again';
    ctx.emit('action.failed', 'engine', { id, team: a.team, reason: a.result }, actionAudience(a));
    return;
  }
  const outcome = actionEffect(ctx, a, def);
  if (outcome.failed) {
    a.s = actionNext(a.s, 'FAIL') ?? a.s;
    dropSettled(s, a);
    a.result = outcome.message;
    ctx.emit('action.failed', 'engine', { id, team: a.team, reason: a.result }, actionAudience(a));
    return;
  }
  a.s = actionNext(a.s, 'SUCCEED') ?? a.s;
  dropSettled(s, a);
  a.result = outcome.message;
  ctx.emit('action.completed', 'engine', { id, team: a.team, result: a.result }, actionAudience(a));
  if (a.kind !== 'apply-intel') meetExpectations(ctx, a.team, a.kind);
}

/** Cancels an action of the team still in progress. */
export function cancelAction(ctx: Ctx, teamId: string, id: string): Refusal | void {
  const a = own(ctx.state.actions, id);
  if (!a || a.team !== teamId) return refuse('NOT_FOUND', `no action "${id}" of yours`);
  const next = actionNext(a.s, 'CANCEL');
  if (!next) return refuse('WRONG_PHASE', `action "${id}" is already ${a.s}`);
  touchAction(ctx.state, id);
  a.s = next;
  dropSettled(ctx.state, a);
  a.endedAt = ctx.state.clock;
  ctx.emit('action.cancelled', `blue:${teamId}`, { id, team: teamId }, actionAudience(a));
}
