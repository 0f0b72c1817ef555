/**
 * A fast copy of an exercise state for in-memory snapshots (replay, seek). It shares what the engine
 * never mutates once written (alerts, their truth, score samples, queue items, open expectations,
 * indicator values, ratings) and copies everything else with one small copier per record type: object
 * spreads of records of one shape stay on V8's fast paths, where a generic recursive copy walked every
 * key through one megamorphic loop.
 *
 * Snapshots in a row share what did not change: given the previous snapshot (`prev`, a copy nobody
 * mutates), a record equal to its copy there is not copied again but shared. Between two snapshots of
 * a long replay most nodes, injects, actions and reports do not change, so a snapshot allocates (and
 * the garbage collector traces) only what changed: the replay of a 100k-event log kept 54 full copies
 * before, and spent more time collecting them than running the engine.
 *
 * Keep in step with sim/state.ts: a record field that holds an object or array must be copied here
 * explicitly. test/engine/clone.test.ts walks a cloned state and fails on any object the copy shares
 * with its original outside the list of shared paths, so a new nested field cannot slip through.
 */
import type { ActionRt, AssistRt, AttemptRt, ExerciseState, InjectRt, InjectTeamRt, NodeRt, ReportRt, SitrepRt, StepRt, TeamRt } from '../sim/state.ts';
import { carryNodeActionIndex } from '../sim/actions.ts';
import { own, setOwn } from '../lib/own.ts';

/** Deep copy of plain JSON data (the rare records with free-form content: ad-hoc injects). */
export function deepCopy<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) {
    const out = new Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = deepCopy(x[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in x) setOwn(out, k, deepCopy((x as Record<string, unknown>)[k]));
  return out as T;
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same keys, identical values. */
function sameFlat(a: object, b: object): boolean {
  let n = 0;
  for (const k in a) {
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k] || !Object.hasOwn(b, k)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * Whether a live record equals its copy: same keys, each value identical or an array / plain object
 * with identical members. Deeper values compare by identity, which a copy never has, so a record
 * nested deeper than that is never shared by mistake, only copied again.
 */
export function sameRecord(live: object, copy: object): boolean {
  let n = 0;
  for (const k in live) {
    const a = (live as Record<string, unknown>)[k];
    const b = (copy as Record<string, unknown>)[k];
    n++;
    if (a === b) {
      if (a === undefined && !Object.hasOwn(copy, k)) return false;
      continue;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || !sameArray(a, b)) return false;
    } else if (Array.isArray(b) || !sameFlat(a, b)) return false;
  }
  for (const _ in copy) n--;
  return n === 0;
}

/** Copies every value of a record with `copy`, sharing the values of `prev` that are still `same`. */
function mapRecord<T extends object>(r: Record<string, T>, prev: Record<string, T> | undefined, copy: (x: T) => T, same: (live: T, copy: T) => boolean = sameRecord): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in r) {
    const x = r[k] as T;
    const p = prev && own(prev, k);
    setOwn(out, k, p !== undefined && same(x, p) ? p : copy(x));
  }
  return out;
}

/** The same for an array of records, index by index. */
function mapArray<T extends object>(r: readonly T[], prev: readonly T[] | undefined, copy: (x: T) => T): T[] {
  const out = new Array<T>(r.length);
  for (let i = 0; i < r.length; i++) {
    const x = r[i] as T;
    const p = prev?.[i];
    out[i] = p !== undefined && sameRecord(x, p) ? p : copy(x);
  }
  return out;
}

/** An array or flat record of the previous copy when still equal, else a new copy. */
const arr = <T>(live: T[], prev: T[] | undefined): T[] => (prev !== undefined && sameArray(live, prev) ? prev : live.slice());
const flat = <T extends object>(live: T, prev: T | undefined): T => (prev !== undefined && sameFlat(live, prev) ? prev : { ...live });

export const copyNode = (n: NodeRt): NodeRt => ({ ...n, down: n.down.slice(), patched: { ...n.patched }, hits: n.hits.slice() });
export const copyStep = (s: StepRt): StepRt => ({ ...s, targets: s.targets.slice(), hits: s.hits.slice() });
export const copyAttempt = (a: AttemptRt): AttemptRt => ({ ...a });
export const copyAction = (a: ActionRt): ActionRt => ({ ...a, target: { ...a.target } });
export const copyReport = (r: ReportRt): ReportRt => ({ ...r, to: r.to.slice(), indicators: r.indicators.slice(), appliedBy: { ...r.appliedBy } });
export const copyAssist = (a: AssistRt): AssistRt => ({ ...a });
export const copySitrep = (s: SitrepRt): SitrepRt => ({ ...s });

type Expect = InjectTeamRt['expects'][number];
function copyInjectTeam(t: InjectTeamRt): InjectTeamRt {
  const expects = new Array<Expect>(t.expects.length);
  for (let i = 0; i < expects.length; i++) expects[i] = { ...(t.expects[i] as Expect) };
  return { ...t, expects };
}
/** sameFlat on every member but `expects`, then on each expectation (no rest objects: 6,000 inject teams a snapshot on the 107k-event log). */
function sameInjectTeam(live: InjectTeamRt, copy: InjectTeamRt): boolean {
  const expects = live.expects;
  const copied = copy.expects;
  if (expects.length !== copied.length) return false;
  let n = 0;
  for (const k in live) {
    n++;
    if (k === 'expects') continue;
    const x = live[k as keyof InjectTeamRt];
    if (x !== copy[k as keyof InjectTeamRt] || !Object.hasOwn(copy, k)) return false;
  }
  for (const _ in copy) n--;
  if (n !== 0) return false;
  for (let i = 0; i < expects.length; i++) if (!sameFlat(expects[i] as Expect, copied[i] as Expect)) return false;
  return true;
}
export const copyInject = (i: InjectRt): InjectRt => ({ ...i, adhoc: i.adhoc === null ? null : deepCopy(i.adhoc), teams: mapRecord(i.teams, undefined, copyInjectTeam) });
export function sameInject(live: InjectRt, copy: InjectRt): boolean {
  if (live.adhoc !== null || live.id !== copy.id || live.idx !== copy.idx || copy.adhoc !== null) return false;
  let n = 0;
  for (const k in live.teams) {
    const c = own(copy.teams, k);
    if (c === undefined || !sameInjectTeam(live.teams[k] as InjectTeamRt, c)) return false;
    n++;
  }
  for (const _ in copy.teams) n--;
  return n === 0;
}

function copyTeam(t: TeamRt, p: TeamRt | undefined): TeamRt {
  return {
    ...t,
    counters: flat(t.counters, p?.counters),
    alerts: arr(t.alerts, p?.alerts),
    nodeAlerts: flat(t.nodeAlerts, p?.nodeAlerts),
    blocked: flat(t.blocked, p?.blocked),
    hunting: flat(t.hunting, p?.hunting),
    ioc: flat(t.ioc, p?.ioc),
    actions: arr(t.actions, p?.actions),
    sent: arr(t.sent, p?.sent),
    received: arr(t.received, p?.received),
    applied: flat(t.applied, p?.applied),
    helpOut: arr(t.helpOut, p?.helpOut),
    helpIn: arr(t.helpIn, p?.helpIn),
    grants: flat(t.grants, p?.grants),
    sitreps: arr(t.sitreps, p?.sitreps),
    inbox: arr(t.inbox, p?.inbox),
    expects: arr(t.expects, p?.expects),
    detected: flat(t.detected, p?.detected),
    score: { ...t.score, open: flat(t.score.open, p?.score.open), timeline: arr(t.score.timeline, p?.score.timeline) },
  };
}

/**
 * An independent copy of a state (the compiled scenario stays shared). With `prev`, an earlier copy
 * that nobody mutates, records that did not change since are shared with it instead of copied.
 */
export function cloneState(s: ExerciseState, prev?: ExerciseState): ExerciseState {
  const rng = {} as ExerciseState['rng'];
  for (const k in s.rng) rng[k as keyof ExerciseState['rng']] = { ...s.rng[k as keyof ExerciseState['rng']] };
  const truth: ExerciseState['alertTruth'] = {};
  for (const id in s.alertTruth) setOwn(truth, id, arr(s.alertTruth[id] as ExerciseState['alertTruth'][string], prev && own(prev.alertTruth, id)));
  const teams: Record<string, TeamRt> = {};
  for (const id in s.teams) setOwn(teams, id, copyTeam(s.teams[id] as TeamRt, prev && own(prev.teams, id)));
  const targeted: ExerciseState['coalition']['targeted'] = {};
  for (const k in s.coalition.targeted) setOwn(targeted, k, flat(s.coalition.targeted[k] as Record<string, number>, prev && own(prev.coalition.targeted, k)));
  const out: ExerciseState = {
    ...s,
    queue: s.queue.slice(),
    skips: mapArray(s.skips, prev?.skips, (k) => ({ ...k })),
    rng,
    nodes: mapArray(s.nodes, prev?.nodes, copyNode),
    steps: mapArray(s.steps, prev?.steps, copyStep),
    attempts: mapArray(s.attempts, prev?.attempts, copyAttempt),
    teams,
    injects: mapRecord(s.injects, prev?.injects, copyInject, sameInject),
    actions: mapRecord(s.actions, prev?.actions, copyAction),
    reports: mapRecord(s.reports, prev?.reports, copyReport),
    assists: mapRecord(s.assists, prev?.assists, copyAssist),
    sitreps: mapRecord(s.sitreps, prev?.sitreps, copySitrep),
    ratings: arr(s.ratings, prev?.ratings),
    answers: mapArray(s.answers, prev?.answers, (a) => ({ ...a })),
    alertTruth: truth,
    coalition: { firstSeen: flat(s.coalition.firstSeen, prev?.coalition.firstSeen), targeted },
    objectives: flat(s.objectives, prev?.objectives),
  };
  carryNodeActionIndex(s, out);
  return out;
}
