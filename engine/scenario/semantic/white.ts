/** The white cell's parts: posture, actions, injects and their conditions, moves, evaluation, scoring. */
import { durationMs } from '../../time/duration.ts';
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Ctx } from './context.ts';
import { warnRepeats } from './ids.ts';
import { blueTeamRef } from './network.ts';
import type { ConditionT, InjectT } from './types.ts';

export function checkPosture(ctx: Ctx): void {
  const { tables } = ctx;
  const seen = new Map<string, number>();
  ctx.s.posture?.forEach((p, i) => {
    const base: PathSegment[] = ['posture', i];
    const first = seen.get(p.team);
    if (first !== undefined) ctx.error([...base, 'team'], `team "${p.team}" already has a posture entry (posture[${first}]); merge them`);
    seen.set(p.team, i);
    const isBlue = blueTeamRef(ctx, [...base, 'team'], p.team, 'a posture');
    const teamNodes = new Set(tables.teamNodes.get(p.team) ?? []);
    p.patched?.forEach((id, k) => {
      const on = ctx.ref([...base, 'patched', k], id, tables.vulnerabilityNodes, 'vulnerability');
      if (on && isBlue && !on.some((n) => teamNodes.has(n))) ctx.warn([...base, 'patched', k], `no node of team "${p.team}" has vulnerability "${id}"`);
    });
    p.blocked?.forEach((id, k) => {
      ctx.ref([...base, 'blocked', k], id, tables.indicators, 'indicator');
    });
    p.hunting?.forEach((id, k) => {
      const seg = ctx.ref([...base, 'hunting', k], id, tables.segments, 'segment');
      if (seg && isBlue && seg.value.owner !== p.team && !seg.value.sharedWith?.includes(p.team)) {
        ctx.warn([...base, 'hunting', k], `segment "${id}" belongs to "${seg.value.owner}" and is not shared with "${p.team}"`);
      }
    });
    for (const field of ['patched', 'blocked', 'hunting'] as const) warnRepeats(ctx, p[field], [...base, field], 'id');
  });
}

export function checkActions(ctx: Ctx): void {
  ctx.s.actions?.forEach((a, i) => {
    if (a.lasts !== undefined && a.kind !== 'hunt' && a.kind !== 'grant-assistance') {
      ctx.warn(['actions', i, 'lasts'], `lasts only applies to hunt and grant-assistance actions, not ${a.kind}`);
    }
  });
}

/** Ids a condition tree depends on: used to check injects and to spot conditions that can never hold. */
function checkCondition(ctx: Ctx, c: ConditionT, path: readonly PathSegment[], inject: InjectT, recipients: Set<string>): void {
  const { tables } = ctx;
  if (c.stepSucceeded !== undefined) ctx.ref([...path, 'stepSucceeded'], c.stepSucceeded, tables.steps, 'step');
  if (c.stepDetected !== undefined) {
    const step = ctx.ref([...path, 'stepDetected'], c.stepDetected, tables.steps, 'step');
    const probabilities = Object.values(step?.value.detection ?? {});
    if (step && !probabilities.some((p) => p > 0)) {
      ctx.warn([...path, 'stepDetected'], `step "${c.stepDetected}" has no detection probability above 0, so no team is ever alerted to it and this condition never holds`);
    }
  }
  for (const field of ['notAnswered', 'notAcknowledged'] as const) {
    const ref = c[field];
    if (!ref) continue;
    const other = ctx.ref([...path, field, 'inject'], ref.inject, tables.injects, 'inject');
    if (other && other.value.to !== 'all-blue' && recipients.size > 0) {
      const theirs = new Set(other.value.to);
      if (![...recipients].some((t) => theirs.has(t))) {
        ctx.warn([...path, field, 'inject'], `inject "${ref.inject}" goes to none of this inject's recipients, and this condition is evaluated per recipient: it never holds`);
      }
    }
  }
  if (c.nodeState) ctx.ref([...path, 'nodeState', 'node'], c.nodeState.node, tables.nodes, 'node');
  for (const field of ['all', 'any'] as const) c[field]?.forEach((sub, k) => checkCondition(ctx, sub, [...path, field, k], inject, recipients));
}

export function checkInjects(ctx: Ctx): void {
  const { s, tables } = ctx;
  const catalog = s.actions ? new Set(s.actions.map((a) => a.kind)) : undefined;
  s.injects?.forEach((inject, i) => {
    const base: PathSegment[] = ['injects', i];
    const recipients = new Set<string>(inject.to === 'all-blue' ? ctx.blueTeams() : []);
    if (inject.to !== 'all-blue') {
      inject.to.forEach((id, k) => {
        if (blueTeamRef(ctx, [...base, 'to', k], id, 'an inject recipient')) recipients.add(id);
      });
      warnRepeats(ctx, inject.to, [...base, 'to'], 'team');
    }
    if (inject.at !== undefined) ctx.notAfterEnd([...base, 'at'], inject.at, 'delivery time');
    if (inject.when) checkCondition(ctx, inject.when, [...base, 'when'], inject, recipients);
    else if (inject.delay !== undefined) ctx.warn([...base, 'delay'], 'delay counts from the condition becoming true, and this inject has no when');
    if (inject.at === undefined && !inject.when && inject.type !== 'contingency') {
      ctx.warn(base, 'this inject has neither at nor when, so only the controller can send it; mark it type: contingency if that is the intent');
    }
    if (inject.move !== undefined) {
      const move = ctx.ref([...base, 'move'], inject.move, tables.moves, 'move');
      if (move && inject.at !== undefined) checkMoveWindow(ctx, [...base, 'at'], inject.at, move.value.id);
    }
    if (inject.at !== undefined && !inject.when) {
      const at = durationMs(inject.at);
      inject.evaluation?.expects?.forEach((e, k) => {
        if (at <= ctx.endMs && at + durationMs(e.within) > ctx.endMs) {
          ctx.warn([...base, 'evaluation', 'expects', k, 'within'], `the deadline (${inject.at} + ${e.within}) falls after the end of the exercise (${ctx.s.meta.duration})`);
        }
      });
    }
    const ev = inject.evaluation;
    checkEvaluates(ctx, [...base, 'evaluation'], ev);
    ev?.expects?.forEach((e, k) => {
      if (catalog && e.action !== 'acknowledge' && !catalog.has(e.action)) {
        ctx.warn([...base, 'evaluation', 'expects', k, 'action'], `no action of kind ${e.action} in the scenario's action catalog, so teams cannot take it`);
      }
    });
  });
}

/** An evaluation's capability and critical task (an inject's, a discussion question's) name ones the scenario has. */
export function checkEvaluates(ctx: Ctx, path: readonly PathSegment[], ev: { capability?: string; task?: string } | undefined): void {
  if (ev?.capability !== undefined) {
    const cap = ctx.ref([...path, 'capability'], ev.capability, ctx.tables.capabilities, 'capability');
    if (cap && ev.task !== undefined && !cap.tasks.has(ev.task)) {
      ctx.error([...path, 'task'], `capability "${ev.capability}" has no task "${ev.task}" (tasks: ${[...cap.tasks].join(', ')})`);
    }
  } else if (ev?.task !== undefined) {
    ctx.error([...path, 'task'], 'a critical task belongs to a capability: give evaluation.capability too');
  }
}

/** An inject of a move is delivered while that move runs: from its start to the next move's start. */
function checkMoveWindow(ctx: Ctx, path: readonly PathSegment[], at: string, moveId: string): void {
  const moves = [...(ctx.s.moves ?? [])].map((m) => ({ id: m.id, start: durationMs(m.start) })).sort((a, b) => a.start - b.start);
  const k = moves.findIndex((m) => m.id === moveId);
  const move = moves[k];
  if (!move) return;
  const ms = durationMs(at);
  const next = moves[k + 1];
  if (ms < move.start) ctx.warn(path, `delivered at ${at}, before its move "${moveId}" starts`);
  else if (next && ms >= next.start) ctx.warn(path, `delivered at ${at}, after its move "${moveId}" has given way to "${next.id}"`);
}

export function checkMoves(ctx: Ctx): void {
  let previous = -1;
  ctx.s.moves?.forEach((m, i) => {
    ctx.notAfterEnd(['moves', i, 'start'], m.start, 'move start');
    const ms = durationMs(m.start);
    if (ms < previous) ctx.warn(['moves', i, 'start'], 'moves are listed out of time order: list them by start time');
    previous = Math.max(previous, ms);
  });
}

export function checkEvaluation(ctx: Ctx): void {
  ctx.s.objectives?.forEach((o, i) => {
    o.capabilities?.forEach((id, k) => {
      ctx.ref(['objectives', i, 'capabilities', k], id, ctx.tables.capabilities, 'capability');
    });
  });
  const { weights, detectionHalfLife, sampleEvery } = ctx.s.scoring;
  if (Object.values(weights).every((w) => w === 0)) ctx.error(['scoring', 'weights'], 'every weight is 0: give at least one score category a weight above 0');
  if (detectionHalfLife !== undefined && durationMs(detectionHalfLife) === 0) ctx.error(['scoring', 'detectionHalfLife'], 'must be longer than 0');
  if (sampleEvery !== undefined && durationMs(sampleEvery) === 0) ctx.error(['scoring', 'sampleEvery'], 'must be longer than 0');
}
