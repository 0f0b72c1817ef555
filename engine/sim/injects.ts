/** Inject delivery, acknowledgement, answers, expected-action deadlines and ad-hoc injects. */
import type { ActionKindT, LocalTextT } from '../scenario/schema/index.ts';
import type { CInject } from '../compile/types.ts';
import { injectNext } from '../machines/index.ts';
import type { AdhocInjectT } from './commands.ts';
import { type Ctx, team, toTeam, WHITE } from './ctx.ts';
import { enqueue } from './queue.ts';
import type { ExerciseState, InjectRt, InjectTeamRt, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';

/** Team `teamId`'s record of inject `injectId`, if that inject was ever addressed to it. */
export function injectTeam(s: ExerciseState, injectId: string, teamId: string): InjectTeamRt | undefined {
  const rt = own(s.injects, injectId);
  return rt && own(rt.teams, teamId);
}
import { deadlineAt } from './play.ts';
import { touchInject } from './changes.ts';

/** The content a recipient reads (never the inject's evaluation). */
export function injectContent(s: ExerciseState, rt: InjectRt) {
  if (rt.adhoc) {
    const a = rt.adhoc;
    return {
      title: a.title,
      channel: a.channel,
      from: a.from,
      tlp: a.tlp,
      priority: undefined,
      type: 'inject' as const,
      content: a.content,
      questions: [],
      asks: a.asks ?? [],
      move: undefined,
    };
  }
  const c = s.scenario.injects[rt.idx] as CInject;
  return { title: c.title, channel: c.channel, from: c.from, tlp: c.tlp, priority: c.priority, type: c.type, content: c.content, questions: c.questions, asks: c.asks, move: c.move };
}

/**
 * The expected actions of an inject with their deadlines after delivery: the evaluators' criteria.
 * The state records each one per team (met or missed, for the reporting score); events about them go
 * to the white cell only, so a team never learns what was expected of it or by when.
 */
function expectedActions(s: ExerciseState, rt: InjectRt, withinMs: number[] | null): { action: ActionKindT | 'acknowledge'; within: number; description?: LocalTextT }[] {
  if (!rt.adhoc) return (s.scenario.injects[rt.idx] as CInject).evaluation.expects;
  return (rt.adhoc.evaluation?.expects ?? []).map((e, i) => ({ action: e.action, within: withinMs?.[i] ?? 0, ...(e.description === undefined ? {} : { description: e.description }) }));
}

/** Delivers an inject to one team now (a queue item or an ad-hoc inject). */
export function deliver(ctx: Ctx, injectId: string, teamId: string, withinMs: number[] | null): void {
  const s = ctx.state;
  const rt = own(s.injects, injectId) as InjectRt;
  const tr = own(rt.teams, teamId);
  if (!tr) return;
  const next = injectNext(tr.s, 'DELIVER');
  if (!next) return;
  touchInject(s, injectId);
  tr.s = next;
  tr.deliveredAt = s.clock;
  const t = own(s.teams, teamId) as TeamRt;
  t.inbox.push(injectId);
  tr.expects = expectedActions(s, rt, withinMs).map((e, i) => {
    const due = deadlineAt(ctx, e.within);
    t.expects.push({ inject: injectId, i, action: e.action, due });
    enqueue(s, { i, inject: injectId, k: 'expect', n: s.n++, t: due, team: teamId });
    return { action: e.action, at: null, due, met: null, ...(e.description === undefined ? {} : { description: e.description }) };
  });
  const { type: _type, move: _move, ...content } = injectContent(s, rt);
  ctx.emit('inject.delivered', 'white', { inject: injectId, team: teamId, ...content }, toTeam(teamId));
  // notAnswered / notAcknowledged clauses about this inject: check them at their deadlines.
  const deps = s.scenario.injectDeps.get(`inject:${injectId}`);
  if (deps) {
    for (const j of deps) {
      const inj = s.scenario.injects[j] as CInject;
      if (!inj.to.includes(teamId)) continue;
      for (const tm of inj.timers) if (tm.inject === injectId) enqueue(s, { inject: j, k: 'cond', n: s.n++, t: deadlineAt(ctx, tm.within), team: teamId });
    }
  }
}

/** Marks open expectations of a kind as met. */
export function meetExpectations(ctx: Ctx, teamId: string, action: ActionKindT | 'acknowledge', injectId?: string): void {
  const s = ctx.state;
  const t = own(s.teams, teamId) as TeamRt;
  if (t.expects.length === 0) return;
  t.expects = t.expects.filter((e) => {
    if (e.action !== action || e.due < s.clock || (injectId !== undefined && e.inject !== injectId)) return true;
    const x = injectTeam(s, e.inject, teamId)?.expects[e.i];
    if (x) {
      touchInject(s, e.inject);
      x.met = true;
      x.at = s.clock;
    }
    t.score.met++;
    ctx.emit('inject.expectation', 'engine', { inject: e.inject, team: teamId, action: e.action, met: true }, WHITE);
    return false;
  });
}

/** A deadline passed: the expectation is missed unless met already. */
export function expectationDeadline(ctx: Ctx, injectId: string, teamId: string, i: number): void {
  const s = ctx.state;
  const x = injectTeam(s, injectId, teamId)?.expects[i];
  if (!x || x.met !== null) return;
  touchInject(s, injectId);
  x.met = false;
  const t = own(s.teams, teamId) as TeamRt;
  t.expects = t.expects.filter((e) => !(e.inject === injectId && e.i === i));
  t.score.missed++;
  ctx.emit('inject.expectation', 'engine', { inject: injectId, team: teamId, action: x.action, met: false }, WHITE);
}

function inboxEntry(s: ExerciseState, teamId: string, injectId: string): InjectTeamRt | Refusal {
  const tr = injectTeam(s, injectId, teamId);
  // Same answer for "does not exist" and "not delivered to you": a team must not learn of injects it has not received.
  if (!tr || tr.deliveredAt === null) return refuse('NOT_FOUND', `no inject "${injectId}" in your inbox`);
  return tr;
}

export function ackInject(ctx: Ctx, teamId: string, injectId: string): Refusal | void {
  const tr = inboxEntry(ctx.state, teamId, injectId);
  if ('code' in tr) return tr;
  const next = injectNext(tr.s, 'ACK');
  if (!next) return refuse('WRONG_PHASE', `inject "${injectId}" is already ${tr.s}`);
  touchInject(ctx.state, injectId);
  tr.s = next;
  tr.ackAt = ctx.state.clock;
  ctx.emit('inject.acknowledged', `blue:${teamId}`, { inject: injectId, team: teamId }, [team(teamId)]);
  meetExpectations(ctx, teamId, 'acknowledge', injectId);
}

export function answerInject(ctx: Ctx, teamId: string, injectId: string, text: string): Refusal | void {
  const tr = inboxEntry(ctx.state, teamId, injectId);
  if ('code' in tr) return tr;
  const next = injectNext(tr.s, 'ANSWER');
  if (!next) return refuse('WRONG_PHASE', `inject "${injectId}" is already ${tr.s}; it takes one answer`);
  const wasAcked = tr.ackAt !== null;
  touchInject(ctx.state, injectId);
  tr.s = next;
  tr.answeredAt = ctx.state.clock;
  tr.ackAt ??= ctx.state.clock;
  tr.answer = text;
  ctx.emit('inject.answered', `blue:${teamId}`, { inject: injectId, team: teamId, text }, [team(teamId)]);
  if (!wasAcked) meetExpectations(ctx, teamId, 'acknowledge', injectId);
  meetExpectations(ctx, teamId, 'respond-inject', injectId);
}

/** Ad-hoc inject from the white cell: delivered now to its recipients. */
export function adhocInject(ctx: Ctx, inject: AdhocInjectT, withinMs: number[]): Refusal | void {
  const s = ctx.state;
  const to = inject.to === 'all-blue' ? s.scenario.blue.map((b) => b.id) : inject.to;
  for (const t of to) if (!hasOwnKey(s.teams, t)) return refuse('NOT_FOUND', `"${t}" is not a blue team of this exercise`);
  const id = `adhoc-${++s.adhocCount}`;
  const teams: Record<string, InjectTeamRt> = {};
  for (const t of to) setOwn(teams, t, newInjectTeam());
  touchInject(s, id);
  setOwn(s.injects, id, { id, idx: -1, adhoc: { ...inject, t: s.clock }, teams });
  for (const t of to) deliver(ctx, id, t, withinMs);
}

export function newInjectTeam(): InjectTeamRt {
  // Fields sorted: see deliverAlert.
  return { ackAt: null, answer: null, answeredAt: null, comment: null, deliveredAt: null, due: null, expects: [], grade: null, s: 'scheduled', triggered: false };
}
