/** Pieces shared by the projections. */
import type { CNode, CTeam } from '../compile/types.ts';
import { serviceUp } from '../sim/nodes.ts';
import type { ActionRt, AssistRt, ExerciseState, NodeRt, ReportRt, SitrepRt } from '../sim/state.ts';
import { hasOwnKey } from '../lib/own.ts';
import type { LocalTextT } from '../scenario/schema/index.ts';
import type { ActionView, AssistView, BlueNodeView, ClockView, CriteriaView, IntelView, LinkView, SitrepView, TeamRef } from './types.ts';

export function clockView(s: ExerciseState): ClockView {
  const m = s.move === null ? undefined : s.scenario.moves.find((x) => x.id === s.move);
  return {
    t: s.clock,
    phase: s.phase,
    mode: s.mode,
    speed: s.speed,
    duration: s.scenario.meta.duration,
    startDate: s.scenario.meta.startDate,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    move: m ? { id: m.id, title: m.title, start: m.start } : null,
  };
}

export function teamRef(t: CTeam): TeamRef {
  const r: TeamRef = { id: t.id, name: t.name };
  if (t.nation !== undefined) r.nation = t.nation;
  if (t.organisation !== undefined) r.organisation = t.organisation;
  if (t.color !== undefined) r.color = t.color;
  if (t.language !== undefined) r.language = t.language;
  if (t.timeZone !== undefined) r.timeZone = t.timeZone;
  return r;
}

/** A node as the teams that see it know it (no truth). `own` adds the owner's inventory. */
export function nodeView(s: ExerciseState, ni: number, own: boolean, alerts: number): BlueNodeView {
  const c = s.scenario.nodes[ni] as CNode;
  const n = s.nodes[ni] as NodeRt;
  const v: BlueNodeView = {
    id: c.id,
    segment: (s.scenario.segments[c.segment] as { id: string }).id,
    own,
    kind: c.kind,
    criticality: c.criticality,
    services: c.services.map((x) => ({
      id: x.id,
      ...(x.name === undefined ? {} : { name: x.name }),
      ...(x.port === undefined ? {} : { port: x.port }),
      critical: x.critical,
      availability: x.availability,
      up: serviceUp(n, x.id),
    })),
    isolated: n.network === 'isolated',
    defaced: n.defaced,
    alerts,
  };
  if (c.name !== undefined) v.name = c.name;
  if (c.os !== undefined) v.os = c.os;
  if (c.ip !== undefined) v.ip = c.ip;
  if (own) {
    v.vulnerabilities = c.vulns.map((x) => ({ id: x.id, ...(x.cvss === undefined ? {} : { cvss: x.cvss }), patched: hasOwnKey(n.patched, x.id) }));
    if (c.backup) v.backup = { restoreTime: c.backup.restoreTime, offline: c.backup.offline };
    v.sensors = c.sensors.map((x) => x.kind);
  }
  return v;
}

export function linksAmong(s: ExerciseState, visible: ReadonlySet<string>): LinkView[] {
  return s.scenario.links.filter((l) => visible.has(l.from) && visible.has(l.to)).map((l) => ({ ...l }));
}

export function actionView(a: ActionRt): ActionView {
  return {
    id: a.id,
    action: a.def,
    kind: a.kind,
    target: { ...a.target },
    report: a.report,
    status: a.s,
    requestedAt: a.requestedAt,
    due: a.due,
    endedAt: a.endedAt,
    result: a.result,
    onBehalfOf: a.onBehalfOf,
    team: a.team,
  };
}

export function intelView(r: ReportRt, appliedBy: Record<string, number>): IntelView {
  const v: IntelView = { id: r.id, from: r.from, to: [...r.to], t: r.t, title: r.title, text: r.text, indicators: [...r.indicators], tlp: r.tlp, appliedBy };
  if (r.technique !== undefined) v.technique = r.technique;
  return v;
}

export const assistView = (r: AssistRt): AssistView => ({ id: r.id, from: r.from, to: r.to, text: r.text, t: r.t, status: r.s, grantedAt: r.grantedAt, until: r.until });

/** The views made for a list of records last time, by position (undefined: the record was left out). */
export interface KeptList<R, V> {
  records: readonly R[];
  views: ReadonlyArray<V | undefined>;
}

/**
 * The views of `records` (those `include` takes), each made once and kept while the same record is
 * at the same place in the list with the same fields (`same`): a projection made again returns the
 * same objects for the records that did not change, so the server's differ passes them at `===`
 * instead of comparing them field by field (a controller's view lists every situation report twice:
 * 18,000 of them in issue #16's load test). `key` is the state's container of the list (one cache
 * entry per exercise state, held no longer than it). Views are values: nothing changes one in place.
 */
export function keptViews<R, V>(
  cache: WeakMap<object, KeptList<R, V>>,
  key: object,
  records: readonly R[],
  same: (v: V, r: R) => boolean,
  make: (r: R) => V,
  include: (r: R) => boolean = () => true,
): V[] {
  const before = cache.get(key);
  const out: V[] = [];
  const views: Array<V | undefined> = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as R;
    if (!include(r)) {
      views.push(undefined);
      continue;
    }
    const old = before !== undefined && before.records[i] === r ? before.views[i] : undefined;
    const v = old !== undefined && same(old, r) ? old : make(r);
    views.push(v);
    out.push(v);
  }
  cache.set(key, { records, views });
  return out;
}

/** Whether a view of a sitrep carries the record's fields as they are now (`grade` and `comment` when it has them). */
export const sameSitrep = (v: { id: string; team: string; t: number; text: string; severity: string; grade?: number | null; comment?: string | null }, r: SitrepRt): boolean =>
  v.id === r.id &&
  v.team === r.team &&
  v.t === r.t &&
  v.text === r.text &&
  v.severity === r.severity &&
  (v.grade === undefined || v.grade === r.grade) &&
  (v.comment === undefined || v.comment === r.comment);

export const sitrepView = (r: SitrepRt): SitrepView => ({ id: r.id, team: r.team, t: r.t, text: r.text, severity: r.severity, grade: r.grade, comment: r.comment });

const sitrepLists = new WeakMap<object, KeptList<SitrepRt, SitrepView>>();
/** The views of a list of sitreps kept in `key` (a team's list, or the exercise's record of them): see keptViews. */
export const sitrepViews = (key: object, records: readonly SitrepRt[]): SitrepView[] => keptViews(sitrepLists, key, records, sameSitrep, sitrepView);
export const cloneSample = <T extends object>(x: T): T => ({ ...x });

/** The evaluators' criteria of an evaluation (an inject's, a question's), as views carry them. */
export function criteriaView(e: { capability?: string; task?: string; answer?: LocalTextT; rubric?: LocalTextT } | undefined): CriteriaView {
  const out: CriteriaView = {};
  if (e?.capability !== undefined) out.capability = e.capability;
  if (e?.task !== undefined) out.task = e.task;
  if (e?.answer !== undefined) out.answer = e.answer;
  if (e?.rubric !== undefined) out.rubric = e.rubric;
  return out;
}
