/**
 * The blue team projection: its own segments and nodes plus the shared segments it relies on, as its
 * sensors and its own actions show them. Built from the team's own records only, so it cannot carry
 * ground truth, the red plan or another team's private data.
 */
import type { CAction, CSegment } from '../compile/types.ts';
import { injectContent } from '../sim/injects.ts';
import type { ExerciseState, TeamRt } from '../sim/state.ts';
import { actionView, assistView, clockView, intelView, linksAmong, nodeView, sitrepViews, teamRef } from './common.ts';
import { blueManual } from './manual.ts';
import { ALERT_VIEW_LIMIT, type BlueScoreView, type BlueView, type InboxItem } from './types.ts';
import { blueSample, releasedAt } from '../sim/disclosure.ts';
import { own } from '../lib/own.ts';

/** The view of blue team `teamId`; throws on an unknown team (a server bug: seats are checked at join). */
export function blueView(s: ExerciseState, teamId: string): BlueView {
  const sc = s.scenario;
  const bi = sc.blueIndex.get(teamId);
  const bt = bi === undefined ? undefined : sc.blue[bi];
  const t = own(s.teams, teamId);
  if (bt === undefined || t === undefined) throw new Error(`blueView: "${teamId}" is not a blue team`);
  const me = teamRef(sc.teams[sc.teamIndex.get(teamId) as number] as (typeof sc.teams)[number]);
  const visible = new Set<string>();
  const segments: BlueView['segments'] = [];
  const nodes: BlueView['nodes'] = [];
  const add = (gi: number, grantedUntil: number | null) => {
    const g = sc.segments[gi] as CSegment;
    const owned = g.owner === teamId;
    visible.add(g.id);
    const seg: BlueView['segments'][number] = { id: g.id, zone: g.zone, owner: g.owner, own: owned, huntingUntil: owned ? (own(t.hunting, g.id) ?? null) : null };
    if (g.name !== undefined) seg.name = g.name;
    if (g.cidr !== undefined) seg.cidr = g.cidr;
    if (grantedUntil !== null) seg.grantedUntil = grantedUntil;
    segments.push(seg);
    for (const ni of g.nodes) {
      const id = (sc.nodes[ni] as { id: string }).id;
      visible.add(id);
      nodes.push(nodeView(s, ni, owned, own(t.nodeAlerts, id) ?? 0));
    }
  };
  const mine = [...bt.owns, ...bt.sharedIn];
  for (const gi of mine) add(gi, grantOn(s, t, gi));
  // A partner that granted this team assistance: its segments while the grant runs (nothing after).
  if (Object.keys(t.grants).length > 0) {
    for (let gi = 0; gi < sc.segments.length; gi++) {
      const until = mine.includes(gi) ? null : grantOn(s, t, gi);
      if (until !== null) add(gi, until);
    }
  }
  const catalog = [...sc.actions.values()].map((a: CAction) => {
    const e: BlueView['catalog'][number] = { id: a.id, kind: a.kind, duration: a.duration, success: a.success, lasts: a.lasts };
    if (a.name !== undefined) e.name = a.name;
    if (a.description !== undefined) e.description = a.description;
    return e;
  });
  return {
    kind: 'blue',
    team: me,
    clock: clockView(s),
    partners: sc.blue.filter((b) => b.id !== teamId).map((b) => teamRef(sc.teams[sc.teamIndex.get(b.id) as number] as (typeof sc.teams)[number])),
    segments,
    nodes,
    links: linksAmong(s, visible),
    alerts: t.alerts.slice(-ALERT_VIEW_LIMIT).map((a) => ({ ...a, indicators: [...a.indicators] })),
    alertCount: t.alerts.length,
    inbox: inbox(s, t),
    actions: t.actions.map((id) => actionView(s.actions[id] as NonNullable<(typeof s.actions)[string]>)),
    catalog,
    intel: {
      sent: t.sent.map((id) => {
        const r = s.reports[id] as NonNullable<(typeof s.reports)[string]>;
        return intelView(r, { ...r.appliedBy });
      }),
      received: t.received.map((id) => {
        const r = s.reports[id] as NonNullable<(typeof s.reports)[string]>;
        const mine = own(r.appliedBy, teamId);
        return intelView(r, mine === undefined ? {} : { [teamId]: mine });
      }),
    },
    assistance: {
      requested: t.helpOut.map((id) => assistView(s.assists[id] as NonNullable<(typeof s.assists)[string]>)),
      received: t.helpIn.map((id) => assistView(s.assists[id] as NonNullable<(typeof s.assists)[string]>)),
      mayActFor: Object.entries(t.grants)
        .filter(([, until]) => until > s.clock)
        .map(([team, until]) => ({ team, until })),
    },
    sitreps: sitrepViews(
      t.sitreps,
      t.sitreps.map((id) => s.sitreps[id] as NonNullable<(typeof s.sitreps)[string]>),
    ),
    blocked: Object.entries(t.blocked).map(([value, since]) => ({ value, since })),
    score: blueScore(s, t),
    manual: blueManual(s, t),
  };
}

/** Until when the team may act in segment `gi` under a running grant by its owner, or null. */
function grantOn(s: ExerciseState, t: TeamRt, gi: number): number | null {
  const owner = (s.scenario.segments[gi] as CSegment).owner;
  if (owner === t.id) return null;
  const until = own(t.grants, owner);
  return until !== undefined && until > s.clock ? until : null;
}

/** The team's score as it may see it: components computed from ground truth withheld until released (sim/disclosure.ts). */
function blueScore(s: ExerciseState, t: TeamRt): BlueScoreView {
  const scoring = s.scenario.scoring;
  const released = releasedAt(s);
  return {
    policy: scoring.blueScores,
    releasedAt: released,
    current: blueSample(t.score.current, scoring, released),
    timeline: t.score.timeline.map((x) => blueSample(x, scoring, released)),
  };
}

function inbox(s: ExerciseState, t: TeamRt): InboxItem[] {
  return t.inbox.map((id) => {
    const rt = s.injects[id] as NonNullable<(typeof s.injects)[string]>;
    const tr = own(rt.teams, t.id) as NonNullable<(typeof rt.teams)[string]>;
    const c = injectContent(s, rt);
    const item: InboxItem = {
      inject: id,
      title: c.title,
      channel: c.channel,
      from: { ...c.from },
      content: c.content,
      questions: [...c.questions],
      asks: [...c.asks],
      deliveredAt: tr.deliveredAt as number,
      status: tr.s,
      ackAt: tr.ackAt,
      answeredAt: tr.answeredAt,
      answer: tr.answer,
      grade: tr.grade,
      comment: tr.comment,
    };
    if (c.tlp !== undefined) item.tlp = c.tlp;
    if (c.priority !== undefined) item.priority = c.priority;
    return item;
  });
}
