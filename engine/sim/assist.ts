/**
 * Assistance between nations: team A asks team B for help; B grants it; B may then act on A's nodes
 * and segments for the catalog's grant-assistance `lasts`. Without a running grant, acting on another
 * team's nodes is refused (FORBIDDEN).
 */
import type { CAction } from '../compile/types.ts';
import { type Ctx, team } from './ctx.ts';
import { schedule } from './queue.ts';
import type { AssistRt, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { meetExpectations } from './injects.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { touchAssist } from './changes.ts';

export function requestAssistance(ctx: Ctx, from: string, to: string, text: string): Refusal | void {
  const s = ctx.state;
  if (to === from) return refuse('BAD_COMMAND', 'ask another team for assistance, not your own');
  if (!hasOwnKey(s.teams, to)) return refuse('NOT_FOUND', `"${to}" is not a blue team of this exercise`);
  const t = own(s.teams, from) as TeamRt;
  const id = `${from}-H${++t.counters.help}`;
  const r: AssistRt = { id, from, to, text, t: s.clock, s: 'requested', grantedAt: null, until: null };
  touchAssist(s, id);
  setOwn(s.assists, id, r);
  t.helpOut.push(id);
  (own(s.teams, to) as TeamRt).helpIn.push(id);
  ctx.emit('assistance.requested', `blue:${from}`, { id, from, to, text }, [team(from), team(to)]);
  meetExpectations(ctx, from, 'request-assistance');
}

export function grantAssistance(ctx: Ctx, helper: string, requestId: string): Refusal | void {
  const s = ctx.state;
  const r = own(s.assists, requestId);
  if (!r || r.to !== helper) return refuse('NOT_FOUND', `no assistance request "${requestId}" addressed to you`);
  if (r.s !== 'requested') return refuse('WRONG_PHASE', `request "${requestId}" is already ${r.s}`);
  const def = s.scenario.actions.get(s.scenario.actionByKind['grant-assistance']) as CAction;
  touchAssist(s, r.id);
  r.s = 'granted';
  r.grantedAt = s.clock;
  r.until = s.clock + def.lasts;
  const h = own(s.teams, helper) as TeamRt;
  setOwn(h.grants, r.from, Math.max(own(h.grants, r.from) ?? 0, r.until));
  schedule(s, r.until, { k: 'assist', id: r.id, until: r.until });
  ctx.emit('assistance.granted', `blue:${helper}`, { id: r.id, from: r.from, to: helper, until: r.until }, [team(r.from), team(helper)]);
  meetExpectations(ctx, helper, 'grant-assistance');
}

/** A grant ran out. */
export function endAssistance(ctx: Ctx, id: string, until: number): void {
  const s = ctx.state;
  const r = own(s.assists, id);
  if (r?.s !== 'granted' || r.until !== until) return;
  touchAssist(s, r.id);
  r.s = 'ended';
  const h = own(s.teams, r.to) as TeamRt;
  const granted = own(h.grants, r.from);
  if (granted !== undefined && granted <= s.clock) delete h.grants[r.from];
  ctx.emit('assistance.ended', 'engine', { id, from: r.from, to: r.to }, [team(r.from), team(r.to)]);
}
