/**
 * Frozen states: the replay fold's snapshots. A snapshot must cost what changed since the previous
 * one, not the size of the state: the 107k-event benchmark log ends with 7,951 actions, 1,793
 * sitreps, 1,113 reports and 511 injects, and rebuilding those keyed records as new dictionary
 * objects at every snapshot (enumerating the live ones, inserting every key again) cost more than
 * copying the records themselves.
 *
 * So a frozen state keeps the keyed records as two arrays, keys and copies, in the live object's
 * order (the order a state's records are iterated in matters to the engine, and a thawed state
 * must iterate like the live one did). Key `i` of one snapshot is key `i` of the next (records are
 * never removed), so a record is matched with its previous copy by position, without a lookup; a
 * mismatch only means a fresh copy. An action whose status is final (done, failed, cancelled) never
 * changes again (engine/sim/actions.ts writes an action only while it is requested or in progress),
 * so its previous copy is shared without comparing it. Everything else is compared as before
 * (clone.ts). Dictionaries are built only when a snapshot is thawed for a seek.
 *
 * The fold's live state is tracked (engine/sim/changes.ts): the engine marks the nodes, steps,
 * attempts and keyed records it creates or changes, so a snapshot copies those alone and shares every
 * other record of the previous one without enumerating or comparing them. The comparison above stays
 * for an untracked state, and `audit` (tests) checks each tracked snapshot against the live state.
 */
import type { ActionRt, AlertTruth, AssistRt, ExerciseState, InjectRt, ReportRt, ScoreSample, SitrepRt, TeamRt } from '../sim/state.ts';
import { own, setOwn } from '../lib/own.ts';
import { adoptNodeActionIndex, carryNodeActionIndex, nodeActionsInProgress } from '../sim/actions.ts';
import { type Changes, changesOf, trackChanges } from '../sim/changes.ts';
import { type FrozenRecord, patchArray, patchRecord, positions } from './patch.ts';
import { cloneState, copyAction, copyAssist, copyAttempt, copyInject, copyNode, copyReport, copySitrep, copyStep, sameInject, sameRecord } from './clone.ts';

/** A state frozen for the fold's snapshots: never mutated, thawed (copied) for each seek. */
export interface Frozen {
  /** The state without its keyed records (those are empty here). */
  base: ExerciseState;
  actions: FrozenRecord<ActionRt>;
  reports: FrozenRecord<ReportRt>;
  assists: FrozenRecord<AssistRt>;
  sitreps: FrozenRecord<SitrepRt>;
  injects: FrozenRecord<InjectRt>;
  /** Each team's growing lists, by team id (the base's are empty). */
  teams: Record<string, FrozenTeam>;
  /** `alertTruth` (empty in the base): its team ids in order, each one's list. */
  truth: { keys: string[]; lists: Grown<AlertTruth>[] };
  /**
   * The engine's derived index of node actions (engine/sim/actions.ts), carried to every thawed
   * state so a seek does not rebuild it by a scan of every action: a stand-in whose `actions` are the
   * copies of the actions not yet settled, the only ones the index keeps.
   */
  index: ExerciseState;
}

const NONE: Record<string, never> = Object.freeze({}) as Record<string, never>;
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/**
 * A list that only grows, or whose last item alone is replaced (a team's score timeline replaces the
 * sample of the same moment): all but its last item are kept in `sealed`, one array shared along the
 * fold's snapshots and only ever appended to, so a snapshot holds a length instead of a copy of every
 * alert, alert truth and score sample so far (about 75,000 pointers a snapshot at the end of the
 * 107k-event log, retained and traced by every major GC). The items themselves are never mutated by
 * the engine (clone.ts shares them already).
 */
interface Grown<T> {
  sealed: T[];
  length: number;
  last: T | undefined;
}

function grow<T>(live: readonly T[], prev: Grown<T> | undefined): Grown<T> {
  const n = live.length;
  const want = n > 0 ? n - 1 : 0;
  const have = prev !== undefined && prev.length > 0 ? prev.length - 1 : 0;
  let sealed = prev?.sealed;
  // The sealed list must be this chain's (nobody appended past the previous snapshot) and still a prefix of the live one.
  if (sealed === undefined || sealed.length !== have || want < have || (have > 0 && live[have - 1] !== sealed[have - 1])) sealed = live.slice(0, want);
  else for (let i = have; i < want; i++) sealed.push(live[i] as T);
  return { sealed, length: n, last: n > 0 ? live[n - 1] : undefined };
}

function thawGrown<T>(g: Grown<T>): T[] {
  if (g.length === 0) return [];
  const out = g.sealed.slice(0, g.length - 1);
  out.push(g.last as T);
  return out;
}

/** The team lists kept as Grown (engine/sim only pushes to them; the score timeline also replaces its last sample). */
const GROWN = ['alerts', 'actions', 'sent', 'received', 'helpOut', 'helpIn', 'sitreps', 'inbox'] as const;
type GrownKey = (typeof GROWN)[number];
type FrozenTeam = { [K in GrownKey]: Grown<TeamRt[K][number]> } & { timeline: Grown<ScoreSample> };

function freezeTeam(t: TeamRt, prev: FrozenTeam | undefined): FrozenTeam {
  return {
    alerts: grow(t.alerts, prev?.alerts),
    actions: grow(t.actions, prev?.actions),
    sent: grow(t.sent, prev?.sent),
    received: grow(t.received, prev?.received),
    helpOut: grow(t.helpOut, prev?.helpOut),
    helpIn: grow(t.helpIn, prev?.helpIn),
    sitreps: grow(t.sitreps, prev?.sitreps),
    inbox: grow(t.inbox, prev?.inbox),
    timeline: grow(t.score.timeline, prev?.timeline),
  };
}

/** The team without its growing lists, for the base. */
const teamBase = (t: TeamRt): TeamRt => ({
  ...t,
  alerts: EMPTY,
  actions: EMPTY,
  sent: EMPTY,
  received: EMPTY,
  helpOut: EMPTY,
  helpIn: EMPTY,
  sitreps: EMPTY,
  inbox: EMPTY,
  score: { ...t.score, timeline: EMPTY },
});

const settledAction = (a: ActionRt): boolean => a.s === 'done' || a.s === 'failed' || a.s === 'cancelled';
const never = (): boolean => false;

function freezeRecord<T>(live: Record<string, T>, prev: FrozenRecord<T> | undefined, copy: (x: T) => T, same: (live: T, copy: T) => boolean, settled: (copy: T) => boolean): FrozenRecord<T> {
  const keys: string[] = [];
  const values: T[] = [];
  const pk = prev?.keys;
  const pv = prev?.values;
  let i = 0;
  for (const k in live) {
    const x = live[k] as T;
    const p = pk !== undefined && pk[i] === k ? (pv as T[])[i] : undefined;
    keys.push(k);
    values.push(p !== undefined && (settled(p) || same(x, p)) ? p : copy(x));
    i++;
  }
  return { keys, values };
}

function thawRecord<T>(f: FrozenRecord<T>, copy: (x: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  const { keys, values } = f;
  for (let i = 0; i < keys.length; i++) setOwn(out, keys[i] as string, copy(values[i] as T));
  return out;
}

const SKIP = { nodes: EMPTY, steps: EMPTY, attempts: EMPTY };

/** Freezes the live state `s`; `prev`, the previous snapshot of the same fold, lends what did not change. */
export function freeze(s: ExerciseState, prev?: Frozen, audit = false): Frozen {
  const changes = changesOf(s);
  const out = (prev !== undefined && changes !== undefined && changes.since === prev && freezeMarked(s, prev, changes)) || freezeCompared(s, prev);
  if (changes !== undefined) trackChanges(s, out);
  if (audit) auditFrozen(s, out);
  return out;
}

/** A tracked state's snapshot: the records marked since `prev` copied, the rest shared (undefined: compare instead). */
function freezeMarked(s: ExerciseState, prev: Frozen, c: Changes): Frozen | undefined {
  const nodes = patchArray(s.nodes, prev.base.nodes, c.nodes, copyNode);
  const steps = patchArray(s.steps, prev.base.steps, c.steps, copyStep);
  const attempts = patchArray(s.attempts, prev.base.attempts, c.attempts, copyAttempt);
  const actions = patchRecord(s.actions, prev.actions, c.actions, copyAction);
  const reports = patchRecord(s.reports, prev.reports, c.reports, copyReport);
  const assists = patchRecord(s.assists, prev.assists, c.assists, copyAssist);
  const sitreps = patchRecord(s.sitreps, prev.sitreps, c.sitreps, copySitrep);
  const injects = patchRecord(s.injects, prev.injects, c.injects, copyInject);
  if (!nodes || !steps || !attempts || !actions || !reports || !assists || !sitreps || !injects) return undefined;
  const f = freezeRest(s, prev, actions, { ...SKIP });
  f.base.nodes = nodes;
  f.base.steps = steps;
  f.base.attempts = attempts;
  return { ...f, reports, assists, sitreps, injects };
}

/** An untracked state's snapshot: every record compared with its previous copy. */
function freezeCompared(s: ExerciseState, prev: Frozen | undefined): Frozen {
  return {
    ...freezeRest(s, prev, freezeRecord(s.actions, prev?.actions, copyAction, sameRecord, settledAction), {}),
    reports: freezeRecord(s.reports, prev?.reports, copyReport, sameRecord, never),
    assists: freezeRecord(s.assists, prev?.assists, copyAssist, sameRecord, never),
    sitreps: freezeRecord(s.sitreps, prev?.sitreps, copySitrep, sameRecord, never),
    injects: freezeRecord(s.injects, prev?.injects, copyInject, sameInject, never),
  };
}

/** The base, the teams' lists, the alert truth and the node-action index (the keyed records but actions are the caller's). */
function freezeRest(s: ExerciseState, prev: Frozen | undefined, actions: FrozenRecord<ActionRt>, skip: Partial<ExerciseState>): Omit<Frozen, 'reports' | 'assists' | 'sitreps' | 'injects'> {
  // The index's stand-in holds the copies of the actions in progress its entries name.
  const open: Record<string, ActionRt> = {};
  const index = { actions: open } as unknown as ExerciseState;
  const carried = nodeActionsInProgress(s);
  if (carried !== undefined) {
    const at = positions(actions);
    actions.at = at;
    for (const id of carried.values()) setOwn(open, id, actions.values[at.get(id) as number] as ActionRt);
    adoptNodeActionIndex(index, carried);
  }
  const teams: Record<string, TeamRt> = {};
  const frozenTeams: Record<string, FrozenTeam> = {};
  for (const id in s.teams) {
    const t = s.teams[id] as TeamRt;
    setOwn(teams, id, teamBase(t));
    setOwn(frozenTeams, id, freezeTeam(t, prev && own(prev.teams, id)));
  }
  const truth: Frozen['truth'] = { keys: [], lists: [] };
  for (const id in s.alertTruth) {
    const at = prev === undefined ? -1 : prev.truth.keys.indexOf(id);
    truth.keys.push(id);
    truth.lists.push(grow(s.alertTruth[id] as AlertTruth[], prev?.truth.lists[at]));
  }
  return {
    // (a spread, not `s`: the derived action index goes with `index`)
    base: cloneState({ ...s, teams, alertTruth: NONE, actions: NONE, reports: NONE, assists: NONE, sitreps: NONE, injects: NONE, ...skip }, prev?.base),
    actions,
    teams: frozenTeams,
    truth,
    index,
  };
}

/** Tests: a snapshot must thaw to the live state it was taken of (an unmarked change would not). */
function auditFrozen(s: ExerciseState, f: Frozen): void {
  const live = thaw(f);
  for (const k of Object.keys(s) as (keyof ExerciseState)[]) {
    if (k === 'scenario') continue;
    if (JSON.stringify(live[k]) !== JSON.stringify(s[k]))
      throw new Error(`snapshot at T+${s.clock} (seq ${s.seq}): its ${k} differ from the live state's: a change the engine did not mark (engine/sim/changes.ts)`);
  }
}

/** A new, independent state equal to the one frozen. */
export function thaw(f: Frozen): ExerciseState {
  const out: ExerciseState = {
    ...cloneState(f.base),
    actions: thawRecord(f.actions, copyAction),
    reports: thawRecord(f.reports, copyReport),
    assists: thawRecord(f.assists, copyAssist),
    sitreps: thawRecord(f.sitreps, copySitrep),
    injects: thawRecord(f.injects, copyInject),
  };
  for (const id in out.teams) {
    const t = out.teams[id] as TeamRt;
    const g = own(f.teams, id) as FrozenTeam;
    for (const k of GROWN) (t as Record<GrownKey, unknown[]>)[k] = thawGrown(g[k] as Grown<unknown>);
    t.score.timeline = thawGrown(g.timeline);
  }
  const truth: ExerciseState['alertTruth'] = {};
  for (let i = 0; i < f.truth.keys.length; i++) setOwn(truth, f.truth.keys[i] as string, thawGrown(f.truth.lists[i] as Grown<AlertTruth>));
  out.alertTruth = truth;
  carryNodeActionIndex(f.index, out);
  return out;
}
