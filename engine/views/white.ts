/** The white cell's projection: everything, ground truth included; and the evaluator's (the same, read-only). */
import type { CInject, CNode, CSegment, CStep, CTeam } from '../compile/types.ts';
import { coalitionMetrics } from '../scoring/metrics.ts';
import { nextEventTime } from '../sim/time.ts';
import { gradedAnswers, ungradedAnswers, whiteManual } from './manual.ts';
import type { ExerciseState, InjectRt, SitrepRt } from '../sim/state.ts';
import { actionView, assistView, clockView, criteriaView, intelView, type KeptList, keptViews, linksAmong, nodeView, sameSitrep, sitrepViews, teamRef } from './common.ts';
import { attemptsByStep, redCampaigns } from './red.ts';
import type { AdjudicationItem, CriteriaView, EvaluatorView, GradedItem, MselRow, WhiteView } from './types.ts';
import { own, setOwn } from '../lib/own.ts';

/** Recent alerts per team in the white view. */
export const WHITE_RECENT_ALERTS = 100;

export function whiteView(s: ExerciseState): WhiteView {
  const sc = s.scenario;
  // Listed three times below; Object.values of a large record costs as much as the listing.
  const sitreps = Object.values(s.sitreps);
  const all = new Set<string>([...sc.segments.map((g) => g.id), ...sc.nodes.map((n) => n.id)]);
  const nodes = sc.nodes.map((c: CNode, i) => {
    const n = s.nodes[i] as NonNullable<(typeof s.nodes)[number]>;
    let alerts = 0;
    for (const t of Object.values(s.teams)) alerts += own(t.nodeAlerts, c.id) ?? 0;
    return {
      ...nodeView(s, i, true, alerts),
      owner: c.owner,
      integrity: n.integrity,
      network: n.network,
      down: [...n.down],
      credentialsStolen: n.creds,
      compromisedBy: n.hits.map((si) => (sc.steps[si] as CStep).id),
    };
  });
  const blue = Object.values(s.teams).map((t) => {
    const truths = own(s.alertTruth, t.id) ?? [];
    const from = Math.max(0, t.alerts.length - WHITE_RECENT_ALERTS);
    const recent = t.alerts.slice(from).map((a, i) => {
      const truth = truths[from + i];
      return { ...a, indicators: [...a.indicators], falsePositive: truth?.fp ?? false, step: truth?.step ?? null };
    });
    let fps = 0;
    for (const x of truths) if (x.fp) fps++;
    return {
      team: teamRef(sc.teams[sc.teamIndex.get(t.id) as number] as CTeam),
      alertCount: t.alerts.length,
      falsePositives: fps,
      recentAlerts: recent,
      actions: t.actions.map((id) => actionView(s.actions[id] as NonNullable<(typeof s.actions)[string]>)),
      blocked: Object.keys(t.blocked).length,
      hunting: Object.entries(t.hunting)
        .filter(([, u]) => u > s.clock)
        .map(([segment, until]) => ({ segment, until })),
      score: { current: { ...t.score.current }, timeline: t.score.timeline.map((x) => ({ ...x })) },
    };
  });
  return {
    kind: 'white',
    clock: clockView(s),
    nextEventAt: nextEventTime(s),
    scenario: { id: sc.meta.id, title: sc.meta.title, version: sc.meta.version, description: sc.meta.description },
    moves: whiteManual(s),
    teams: sc.teams.map((t) => ({ ...teamRef(t), role: t.role })),
    segments: sc.segments.map((g: CSegment) => ({
      id: g.id,
      ...(g.name === undefined ? {} : { name: g.name }),
      zone: g.zone,
      owner: g.owner,
      own: true,
      sharedWith: [...g.sharedWith],
      ...(g.cidr === undefined ? {} : { cidr: g.cidr }),
      huntingUntil: huntingUntil(s, g.owner, g.id),
    })),
    nodes,
    links: linksAmong(s, all),
    red: redCampaigns(s, attemptsByStep(s)),
    attempts: s.attempts.map((a) => ({
      step: (sc.steps[a.step] as CStep).id,
      node: (sc.nodes[a.node] as CNode).id,
      team: a.team,
      t: a.t,
      ok: a.ok,
      p: a.p,
      reason: a.reason,
      detectedAt: a.detectedAt,
    })),
    msel: Object.values(s.injects).map((rt) => mselRow(s, rt)),
    adjudication: adjudicationQueue(s, sitreps),
    graded: gradedItems(s, sitreps),
    blue,
    intel: Object.values(s.reports).map((r) => intelView(r, { ...r.appliedBy })),
    assistance: Object.values(s.assists).map(assistView),
    sitreps: sitrepViews(s.sitreps, sitreps),
    coalition: coalitionMetrics(s),
    ratings: s.ratings.map((r) => ({ ...r })),
  };
}

/** Until when the owner of a segment hunts in it (null when it does not). */
function huntingUntil(s: ExerciseState, owner: string, segment: string): number | null {
  const t = own(s.teams, owner);
  return (t && own(t.hunting, segment)) ?? null;
}

function mselRow(s: ExerciseState, rt: InjectRt): MselRow {
  const c = rt.adhoc ? null : (s.scenario.injects[rt.idx] as CInject);
  const teams: MselRow['teams'] = {};
  for (const [id, tr] of Object.entries(rt.teams)) {
    setOwn(teams, id, {
      status: tr.s,
      due: tr.due,
      deliveredAt: tr.deliveredAt,
      ackAt: tr.ackAt,
      answeredAt: tr.answeredAt,
      grade: tr.grade,
      expects: tr.expects.map((e) => ({ action: e.action, due: e.due, met: e.met, ...(e.description === undefined ? {} : { description: e.description }) })),
    });
  }
  return {
    inject: rt.id,
    title: c ? c.title : (rt.adhoc as NonNullable<InjectRt['adhoc']>).title,
    at: c ? c.at : (rt.adhoc?.t ?? null),
    conditional: c ? c.when !== null : false,
    channel: c ? c.channel : (rt.adhoc as NonNullable<InjectRt['adhoc']>).channel,
    adhoc: c === null,
    teams,
    criteria: criteriaOf(s, rt),
  };
}

/** The evaluators' criteria for an inject's response (the scenario's, or the white cell's for an ad-hoc inject). */
function criteriaOf(s: ExerciseState, rt: InjectRt): CriteriaView {
  return criteriaView(rt.adhoc ? rt.adhoc.evaluation : (s.scenario.injects[rt.idx] as CInject).evaluation);
}

/** The queue's and the graded list's items for sitreps, kept while the sitrep is unchanged (common.ts, `kept`). */
const queuedSitreps = new WeakMap<object, KeptList<SitrepRt, AdjudicationItem>>();
const gradedSitreps = new WeakMap<object, KeptList<SitrepRt, GradedItem>>();
const queuedSitrep = (r: SitrepRt): AdjudicationItem => ({ kind: 'sitrep', id: r.id, team: r.team, t: r.t, text: r.text, severity: r.severity });
const gradedSitrep = (r: SitrepRt): GradedItem => ({ kind: 'sitrep', id: r.id, team: r.team, t: r.t, text: r.text, severity: r.severity, grade: r.grade as number, comment: r.comment });
const sameItem = (v: AdjudicationItem | GradedItem, r: SitrepRt): boolean => v.kind === 'sitrep' && sameSitrep(v, r);

/** Sitreps and inject answers waiting for the white cell's grade, oldest first. */
export function adjudicationQueue(s: ExerciseState, sitreps: readonly SitrepRt[] = Object.values(s.sitreps)): AdjudicationItem[] {
  const out: AdjudicationItem[] = keptViews(queuedSitreps, s.sitreps, sitreps, sameItem, queuedSitrep, (r) => r.grade === null);
  for (const rt of Object.values(s.injects)) {
    for (const [team, tr] of Object.entries(rt.teams)) {
      if (tr.s === 'answered') out.push({ kind: 'answer', inject: rt.id, team, t: tr.answeredAt as number, text: tr.answer ?? '', criteria: criteriaOf(s, rt) });
    }
  }
  out.push(...ungradedAnswers(s));
  return out.sort((a, b) => a.t - b.t);
}

/** What the white cell graded, with the grade it stands at (re-gradable; the log holds each change), oldest first. */
export function gradedItems(s: ExerciseState, sitreps: readonly SitrepRt[] = Object.values(s.sitreps)): GradedItem[] {
  const out: GradedItem[] = keptViews(gradedSitreps, s.sitreps, sitreps, sameItem, gradedSitrep, (r) => r.grade !== null);
  for (const rt of Object.values(s.injects)) {
    for (const [team, tr] of Object.entries(rt.teams)) {
      if (tr.s === 'evaluated' && tr.grade !== null) {
        out.push({ kind: 'answer', inject: rt.id, team, t: tr.answeredAt ?? tr.deliveredAt ?? 0, text: tr.answer ?? '', criteria: criteriaOf(s, rt), grade: tr.grade, comment: tr.comment });
      }
    }
  }
  out.push(...gradedAnswers(s));
  return out.sort((a, b) => a.t - b.t);
}

export function evaluatorView(s: ExerciseState): EvaluatorView {
  const { kind: _kind, ...rest } = whiteView(s);
  return {
    ...rest,
    kind: 'evaluator',
    capabilities: s.scenario.capabilities.map((c) => ({ id: c.id, name: c.name, tasks: c.tasks.map((t) => ({ ...t })) })),
    objectives: s.scenario.objectives.map((o) => ({ ...o, capabilities: [...o.capabilities] })),
  };
}
