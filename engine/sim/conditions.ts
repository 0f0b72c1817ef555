/**
 * Condition-triggered injects, evaluated per recipient team and only when something they depend on
 * changes (see compile/conditions.ts for the dependency keys). A condition fires once per team: the
 * inject is then scheduled at max(now + delay, at).
 */
import type { CCondition, CInject } from '../compile/types.ts';
import { SEVERITY } from '../machines/index.ts';
import { type Ctx, WHITE } from './ctx.ts';
import { enqueue } from './queue.ts';
import type { ExerciseState, InjectRt, TeamRt } from './state.ts';
import { own } from '../lib/own.ts';
import { played } from './play.ts';
import { touchInject } from './changes.ts';

/** Whether a condition holds for a recipient team now. */
export function holds(s: ExerciseState, c: CCondition, teamId: string): boolean {
  switch (c.kind) {
    case 'stepSucceeded':
      return s.steps[c.step]?.s === 'succeeded';
    case 'stepDetected':
      return own((own(s.teams, teamId) as TeamRt).detected, String(c.step)) !== undefined;
    case 'notAnswered':
    case 'notAcknowledged': {
      const inj = own(s.injects, c.inject);
      const rt = inj && own(inj.teams, teamId);
      if (!rt || rt.deliveredAt === null) return false;
      // Counted in play: jumped time gives no team a chance to answer (play.ts).
      const done = c.kind === 'notAnswered' ? rt.answeredAt : rt.ackAt;
      return played(s, rt.deliveredAt, s.clock) >= c.within && (done === null || played(s, rt.deliveredAt, done) > c.within);
    }
    case 'scoreBelow':
      return (own(s.teams, teamId) as TeamRt).score.current.composite < c.value;
    case 'nodeState': {
      const n = s.nodes[c.node];
      return n !== undefined && SEVERITY[n.integrity] >= SEVERITY[c.state];
    }
    case 'all':
      return c.of.every((x) => holds(s, x, teamId));
    case 'any':
      return c.of.some((x) => holds(s, x, teamId));
  }
}

/** Evaluates one condition inject for one recipient and schedules it when the condition now holds. */
export function evaluateInject(ctx: Ctx, inj: CInject, teamId: string): void {
  const s = ctx.state;
  const rt = own((own(s.injects, inj.id) as InjectRt).teams, teamId);
  if (!rt || rt.triggered || !inj.when) return;
  if (!holds(s, inj.when, teamId)) return;
  touchInject(s, inj.id);
  rt.triggered = true;
  rt.due = Math.max(s.clock + inj.delay, inj.at ?? 0);
  enqueue(s, { inject: inj.id, k: 'deliver', n: s.n++, t: rt.due, team: teamId });
  ctx.emit('inject.triggered', 'engine', { inject: inj.id, team: teamId, due: rt.due }, WHITE);
}

/** Something condition injects may depend on changed; `teamId` narrows it to one team's view of it. */
export function onDependency(ctx: Ctx, key: string, teamId: string | null): void {
  const deps = ctx.state.scenario.injectDeps.get(key);
  if (!deps) return;
  for (const i of deps) {
    const inj = ctx.state.scenario.injects[i] as CInject;
    if (teamId !== null) evaluateInject(ctx, inj, teamId);
    else for (const t of inj.to) evaluateInject(ctx, inj, t);
  }
}
